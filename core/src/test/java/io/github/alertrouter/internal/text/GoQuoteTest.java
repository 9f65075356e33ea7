package io.github.alertrouter.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are what Go 1.20's {@code strconv.Quote} prints. */
class GoQuoteTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty", "", "\"\""),
        Arguments.of("ascii", "DiskAlmostFull", "\"DiskAlmostFull\""),
        Arguments.of("ascii space kept", "a b", "\"a b\""),
        Arguments.of("double quote", "a\"b", "\"a\\\"b\""),
        Arguments.of("single quote raw", "it's", "\"it's\""),
        Arguments.of("backslash", "a\\b", "\"a\\\\b\""),
        Arguments.of("newline", "a\nb", "\"a\\nb\""),
        Arguments.of("short escapes", "\u0007\b\f\r\t\u000b", "\"\\a\\b\\f\\r\\t\\v\""),
        Arguments.of("NUL", "\u0000", "\"\\x00\""),
        Arguments.of("ESC", "\u001b[0m", "\"\\x1b[0m\""),
        Arguments.of("DEL", "\u007f", "\"\\x7f\""),
        Arguments.of("CJK raw", "磁盘空间不足", "\"磁盘空间不足\""),
        Arguments.of("CJK with symbols", "支付*网关_v2", "\"支付*网关_v2\""),
        Arguments.of("CJK punctuation raw", "告警：【严重】", "\"告警：【严重】\""),
        Arguments.of("latin accents", "café", "\"café\""),
        Arguments.of("emoji (So, supplementary)", "\uD83D\uDE00", "\"\uD83D\uDE00\""),
        Arguments.of("NBSP not printable", "a\u00a0b", "\"a\\u00a0b\""),
        Arguments.of("ideographic space not printable", "\u3000", "\"\\u3000\""),
        Arguments.of("NEL (C1 control)", "\u0085", "\"\\u0085\""),
        Arguments.of("zero width space (Cf)", "\u200b", "\"\\u200b\""),
        Arguments.of("BOM (Cf)", "\ufeff", "\"\\ufeff\""),
        Arguments.of("line separator (Zl)", "\u2028", "\"\\u2028\""),
        Arguments.of("private use", "\ue000", "\"\\ue000\""),
        Arguments.of("supplementary format char", "\uDB40\uDC01", "\"\\U000e0001\""),
        Arguments.of("unassigned max code point", "\uDBFF\uDFFF", "\"\\U0010ffff\""),
        Arguments.of("lone high surrogate as invalid bytes", "a\ud800b", "\"a\\xed\\xa0\\x80b\""),
        Arguments.of("combining mark raw", "e\u0301", "\"e\u0301\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quotesLikeGo(String name, String input, String expected) {
    assertThat(GoQuote.quote(input)).isEqualTo(expected);
  }
}
