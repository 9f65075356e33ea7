package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextSafetyTest {
  static Stream<Arguments> invisibles() {
    return Stream.of(
        Arguments.of("NUL", 0x00, true), Arguments.of("BEL", 0x07, true), Arguments.of("C1 CSI", 0x9B, true),
        Arguments.of("zero-width space", 0x200B, true), Arguments.of("RTL override", 0x202E, true),
        Arguments.of("LTR isolate", 0x2066, true), Arguments.of("BOM", 0xFEFF, true),
        Arguments.of("tag letter a", 0xE0061, true),
        Arguments.of("tab", '\t', false), Arguments.of("ZWNJ", 0x200C, false), Arguments.of("ZWJ", 0x200D, false),
        Arguments.of("letter", 'a', false), Arguments.of("CJK", '中', false), Arguments.of("emoji", 0x1F525, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invisibles")
  void invisibleMeansControlOrFormatButNotTabOrJoiners(String name, int cp, boolean invisible) {
    assertThat(TextSafety.isInvisible(cp)).isEqualTo(invisible);
  }

  @Test
  void lineBreaksIncludeUnicodeSeparators() {
    assertThat(IntStream.of('\n', '\r', 0x85, 0x2028, 0x2029).allMatch(TextSafety::isLineBreak)).isTrue();
    assertThat(TextSafety.isLineBreak('\t')).isFalse();
  }

  @Test
  void loneSurrogatesAreRepairedAndPairsKept() {
    assertThat(TextSafety.repaired(0xD800)).isEqualTo(0xFFFD);
    assertThat(TextSafety.repaired(0x1F525)).isEqualTo(0x1F525);
    assertThat(TextSafety.repairSurrogates("a\uD800b🔥\uDC00")).isEqualTo("a\uFFFDb🔥\uFFFD");
    String clean = "no surrogates here";
    assertThat(TextSafety.repairSurrogates(clean)).isSameAs(clean);
  }

  @Test
  void cutCountsCodePointsAndAddsAnEllipsis() {
    assertThat(TextSafety.cut("🔥🔥🔥", 2)).isEqualTo("🔥🔥…");
    assertThat(TextSafety.cut("abc", 3)).isEqualTo("abc");
    assertThat(TextSafety.cut("ab cd", 3)).isEqualTo("ab…");
    assertThat(TextSafety.cut("abc", -1)).isEqualTo("…");
  }

  @Test
  void snippetNeverSplitsASurrogatePair() {
    assertThat(TextSafety.snippet("abcdef", 6)).isEqualTo("abcdef");
    assertThat(TextSafety.snippet("abcdef", 3)).isEqualTo("abc…");
    assertThat(TextSafety.snippet("ab🔥", 3)).isEqualTo("ab…");
  }
}
