package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InertTextTest {
  /** A toy table: only {@code *} is markup. */
  private static final InertText MARKDOWN = new InertText(cp -> cp == '*' ? '＊' : cp, true);
  private static final InertText PLAIN = new InertText(cp -> cp == '*' ? '＊' : cp, false);
  // every markup character a platform replaces, kept where it cannot act (issue #22: faithful values)
  private static final InertText POSITIONAL =
      new InertText(FullWidth.replacing("@<>*_`[]#~|\\&"), true, InertText.Positions.MARKDOWN);

  static Stream<Arguments> blocks() {
    return Stream.of(
        Arguments.of("table applied", "a*b", "a＊b", "a＊b"),
        Arguments.of("invisibles dropped, joiners kept", "a\u200Bb\u202Ec👩\u200D💻", "abc👩\u200D💻", "abc👩\u200D💻"),
        Arguments.of("lone surrogate repaired", "a\uD800", "a\uFFFD", "a\uFFFD"),
        Arguments.of("tab becomes a space", "a\tb", "a b", "a b"),
        Arguments.of("at most one blank line", "a\n\n\n\nb", "a\n\nb", "a\n\nb"),
        Arguments.of("CRLF is one break, blanks before it go", "a  \r\nb", "a\nb", "a\nb"),
        Arguments.of("list and rule markers", "- x\n+ y\n==\n1. z\n2) w", "－ x\n＋ y\n＝=\n1． z\n2） w",
            "- x\n+ y\n==\n1. z\n2) w"),
        Arguments.of("not markers", "-x\n1.5", "-x\n1.5", "-x\n1.5"),
        Arguments.of("leading blanks", "  a\n  b", "a\nb", "a\n  b"),
        Arguments.of("trailing blanks", "a \n\n", "a", "a"),
        Arguments.of("null and empty", null, "", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void block(String name, String raw, String markdown, String plain) {
    assertThat(MARKDOWN.block(raw)).isEqualTo(markdown);
    assertThat(PLAIN.block(raw)).isEqualTo(plain);
  }

  @Test
  void inlineJoinsLinesWithOneSpace() {
    assertThat(MARKDOWN.inline("a\n\n- b\r\nc")).isEqualTo("a - b c");
  }

  @Test
  void boundedVariantsCutOnCodePoints() {
    assertThat(MARKDOWN.inline("🔥🔥🔥", 2)).isEqualTo("🔥🔥…");
    assertThat(MARKDOWN.block("ab\ncd", 3)).isEqualTo("ab…");
    assertThat(MARKDOWN.cut("abcd", 2)).isEqualTo("ab…");
  }

  /** Characters each rule of the escaper is about, and ordinary ones. */
  private static final String[] PIECES = {"a", "Z", "7", "0", "-", "+", "=", ".", ")", "*", " ", "  ", "\t", "\n",
      "\r\n", "\u2028", "\u00A0", "\u3000", "\u200B", "\u200D", "\u202E", "\u0007", "\uD800", "👩", "告警", "_", ":", "<", ">", "#", "&", "~", "\\", "@"};

  @Test
  void valuesLeftAsTheyAreReadTheSameAsRewritten() {
    java.util.Random random = new java.util.Random(20261207);
    int unchanged = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder raw = new StringBuilder();
      for (int k = random.nextInt(6) + 1; k > 0; k--) {
        // mostly ordinary text, as label values are
        raw.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : "ab9");
      }
      String value = raw.toString();
      for (InertText escaper : new InertText[] {MARKDOWN, PLAIN, POSITIONAL}) {
        for (boolean keepLines : new boolean[] {true, false}) {
          String rewritten = escaper.rewrite(value, keepLines);
          String escaped = keepLines ? escaper.block(value) : escaper.inline(value);
          assertThat(escaped).as("%s (markdown %s, lines %s)", value, escaper.markdownLineStarts(), keepLines)
              .isEqualTo(rewritten);
          if (escaper.unchanged(value)) {
            unchanged++;
            assertThat(escaped).isSameAs(value);
          }
        }
      }
    }
    assertThat(unchanged).as("the fast path was taken").isGreaterThan(10_000);
  }

  static Stream<Arguments> positional() {
    return Stream.of(
        Arguments.of("intraword underscores stay", "pay_api node_cpu_seconds_total", "pay_api node_cpu_seconds_total"),
        Arguments.of("an underscore at a word's edge could emphasise", "_x_ a_", "＿x＿ a＿"),
        Arguments.of("comparisons stay", "p99 > 2s, err < 1%", "p99 > 2s, err < 1%"),
        Arguments.of("a tag cannot open", "<b>x</b>", "＜b>x＜/b>"),
        Arguments.of("quote and heading only at the start", "> q #1", "＞ q #1"),
        Arguments.of("an entity cannot start", "R&D &amp; &#64;", "R＆D ＆amp; ＆#64;"),
        Arguments.of("neighbours are what is written: the zero-width space goes", "~\u200B~x", "～～x"),
        Arguments.of("a line break is a blank, not the word beyond it", "a\n_b c_\nd", "a ＿b c＿ d"),
        Arguments.of("@ never stays", "a@b", "a＠b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positional")
  void positionalKeepsWhatCannotActWhereItStands(String name, String raw, String expected) {
    assertThat(POSITIONAL.inline(raw)).isEqualTo(expected);
  }
}
