package io.github.alertrouter.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.MarkdownInert;
import io.github.alertrouter.testkit.RandomText;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Escaper invariants over seeded random inputs (50 inputs per seed); a failure names its seed. */
class WeComEscaperProperties {
  static Stream<Long> seeds() {
    return RandomText.seeds(80);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noOutputCanMentionOrTag(long seed) {
    RandomText random = new RandomText(seed);
    for (int i = 0; i < 50; i++) {
      String raw = random.coin() ? random.hostile(30) : random.any(200) + random.hostile(10);
      for (WeComDialect escaper : new WeComDialect[] {WeComDialect.MARKDOWN, WeComDialect.TEXT}) {
        for (String out : new String[] {escaper.inline(raw), escaper.block(raw)}) {
          // no mention and no tag can form; a < that opens nothing may stay (x < 5)
          assertThat(MarkdownInert.markup(out)).as("seed %d: %s", seed, raw)
              .filteredOn(w -> w.startsWith("a mention") || w.startsWith("a tag") || w.startsWith("an entity"))
              .isEmpty();
          assertNoLoneSurrogate(out);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void markdownOutputCannotLinkOrStartABlock(long seed) {
    RandomText random = new RandomText(seed * 31);
    for (int i = 0; i < 50; i++) {
      String raw = random.hostile(30);
      String out = WeComDialect.MARKDOWN.block(raw);
      assertThat(out).as("seed %d: %s", seed, raw).doesNotContain("](").doesNotContain("[");
      assertThat(out.lines()).as("seed %d: %s", seed, raw)
          .noneMatch(l -> l.startsWith("#") || l.startsWith(">") || l.startsWith("- ") || l.startsWith(" "));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cutsStayWithinTheirLength(long seed) {
    RandomText random = new RandomText(seed * 17);
    for (int i = 0; i < 50; i++) {
      String raw = random.any(200) + random.emoji(20);
      int cut = random.between(0, 50);
      String out = WeComDialect.MARKDOWN.block(raw, cut);
      assertThat(out.codePointCount(0, out.length())).as("seed %d", seed).isLessThanOrEqualTo(cut + 1);
      assertNoLoneSurrogate(out);
    }
  }

  static void assertNoLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("paired at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
  }
}
