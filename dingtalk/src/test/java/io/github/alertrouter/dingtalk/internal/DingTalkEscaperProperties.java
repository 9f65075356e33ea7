package io.github.alertrouter.dingtalk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DingTalkEscaperProperties {
  @Property(tries = 2000)
  void inlineNeverProducesMentionsTagsOrLinks(@ForAll("hostile") String raw) {
    String out = DingTalkEscaper.inline(raw);
    assertThat(out).doesNotContain("@").doesNotContain("<").doesNotContain("](").doesNotContain("\n");
    assertNoLoneSurrogate(out);
  }

  @Property(tries = 2000)
  void blockNeverProducesMentionsTagsOrLinks(@ForAll("hostile") String raw) {
    String out = DingTalkEscaper.block(raw);
    assertThat(out).doesNotContain("@").doesNotContain("<").doesNotContain("](");
    assertThat(out.lines()).noneMatch(l -> l.startsWith("#") || l.startsWith(">") || l.startsWith("- "));
    assertNoLoneSurrogate(out);
  }

  @Property(tries = 1000)
  void anyStringAtAllIsHandled(@ForAll String raw, @ForAll @IntRange(max = 50) int cut) {
    String out = DingTalkEscaper.block(raw, cut);
    assertThat(out).doesNotContain("@").doesNotContain("<").doesNotContain("](");
    assertThat(out.codePointCount(0, out.length())).isLessThanOrEqualTo(cut + 1);
    assertNoLoneSurrogate(out);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("@", "@all", "<", ">", "<at user_id=\"all\">", "](", "[", "]", "(", ")", "!", "#", "- ",
            "+ ", "1. ", "\n", "\r\n", " ", "\t", "*", "_", "`", "\\", "&#64;", "\u200B", "\u202E", "\uD83D",
            "\uDE00", "🔥", "磁盘", "http://evil.example.com", "＠"),
        Arbitraries.strings().ofMaxLength(5));
    return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
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
