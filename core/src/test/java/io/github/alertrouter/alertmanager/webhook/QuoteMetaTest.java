package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's regexp.QuoteMeta as Alertmanager applies it to receiver names. */
class QuoteMetaTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain name           | ops                  | ops",
      "dot                  | java-sdk.default     | java-sdk\\.default",
      "CJK and brackets     | ops.钉钉[告警]         | ops\\.钉钉\\[告警\\]",
      "every special        | `\\.+*?()|[]{}^$`    | `\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$`",
      "dash underscore      | a-b_c d              | a-b_c d",
      "empty                | ``                   | ``"})
  void quotesAndUnquotes(String name, String raw, String quoted) {
    assertThat(QuoteMeta.quote(raw)).isEqualTo(quoted);
    assertThat(QuoteMeta.unquote(quoted)).isEqualTo(raw);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "backslash before an ordinary character | a\\b | a\\b",
      "trailing backslash                     | ab\\ | ab\\",
      "escaped backslash then dot             | a\\\\\\.b | a\\.b"})
  void unquoteKeepsWhatQuoteMetaCannotHaveWritten(String name, String quoted, String raw) {
    assertThat(QuoteMeta.unquote(quoted)).isEqualTo(raw);
  }
}
