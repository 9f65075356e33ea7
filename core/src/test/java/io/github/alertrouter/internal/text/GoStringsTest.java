package io.github.alertrouter.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoStringsTest {

  static Stream<Arguments> order() {
    return Stream.of(
        Arguments.of("equal", "abc", "abc", 0),
        Arguments.of("prefix first", "ab", "abc", -1),
        Arguments.of("byte order", "B", "a", -1),
        Arguments.of("'.' before 'r'", "p.*", "prod", -1),
        Arguments.of("BMP above surrogates before supplementary", "\uffff", "\uD83D\uDE00", -1),
        Arguments.of("supplementary after private use", "\uD83D\uDE00", "\ue000", 1),
        Arguments.of("CJK by code point", "告", "磁", -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("order")
  void comparesLikeGoBytes(String name, String a, String b, int sign) {
    assertThat(Integer.signum(GoStrings.compare(a, b))).isEqualTo(sign);
    assertThat(Integer.signum(GoStrings.compare(b, a))).isEqualTo(-sign);
  }

  static Stream<Arguments> quoteMeta() {
    return Stream.of(
        Arguments.of("plain", "critical", "critical"),
        Arguments.of("dot", "a.b", "a\\.b"),
        Arguments.of("all specials", "\\.+*?()|[]{}^$", "\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$"),
        Arguments.of("dash and CJK untouched", "ops-钉钉[告警]", "ops-钉钉\\[告警\\]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quoteMeta")
  void quotesMetaLikeGo(String name, String input, String expected) {
    assertThat(GoStrings.quoteMeta(input)).isEqualTo(expected);
  }
}
