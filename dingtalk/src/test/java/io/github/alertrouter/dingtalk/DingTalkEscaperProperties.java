package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.MarkdownInert;
import io.github.alertrouter.testkit.RandomText;
import org.junit.jupiter.api.Test;

/** Escaper invariants over thousands of seeded random inputs; a failure names its input. */
class DingTalkEscaperProperties {
  @Test
  void inlineNeverProducesMentionsTagsOrLinks() {
    RandomText random = new RandomText(7);
    for (int i = 0; i < 2000; i++) {
      String raw = random.hostile(30);
      String out = DingTalkDialect.inline(raw);
      assertThat(MarkdownInert.markup(out)).as("inline(%s)", raw).isEmpty();
      assertThat(out).as("inline(%s)", raw).doesNotContain("\n");
      assertNoLoneSurrogate(out);
    }
  }

  @Test
  void blockNeverProducesMentionsTagsOrLinks() {
    RandomText random = new RandomText(11);
    for (int i = 0; i < 2000; i++) {
      String raw = random.hostile(30);
      String out = DingTalkDialect.block(raw);
      assertThat(MarkdownInert.markup(out)).as("block(%s)", raw).isEmpty();
      assertNoLoneSurrogate(out);
    }
  }

  @Test
  void anyStringAtAllIsHandled() {
    RandomText random = new RandomText(13);
    for (int i = 0; i < 1000; i++) {
      String raw = random.any(200);
      int cut = random.between(0, 50);
      String out = DingTalkDialect.block(raw, cut);
      // a cut ends a value anywhere (an intraword _ may end up last): what must hold still is that
      // nothing mentions, tags, links or decodes
      assertThat(MarkdownInert.markup(out)).as("block(%s, %d)", raw, cut)
          .filteredOn(w -> w.startsWith("a mention") || w.startsWith("a tag") || w.startsWith("a link")
              || w.startsWith("an entity"))
          .isEmpty();
      assertThat(out.codePointCount(0, out.length())).isLessThanOrEqualTo(cut + 1);
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
