package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An adversarial corpus through every dialect: nothing may come out able to mention, link or format. */
class LarkEscaperTest {
  static Stream<String> corpus() {
    return Stream.of(
        "<at id=all></at>", "<at user_id=\"all\">所有人</at>", "<at ids=ou_a,ou_b></at>", "<person id=x>",
        "[x](http://evil)", "<a href='https://evil.example.com'>click</a>", "<font color=red>RESOLVED</font>",
        "&#60;at id=all&#62;&#60;/at&#62;", "&lt;at id=all&gt;", "&amp;#60;at id=all&amp;#62;",
        "<AT ID=ALL></AT>", "<at\tid=all></at>", "<at email=a@example.com></at>", "<at id=\"ou_1\"></at>",
        "**bold** __bold__ *it* ~~strike~~", "`code` ```fence```", "# heading\n## h2", "> quote",
        "- item\n+ item\n1. item", "![img](img_v2_x)", "<text_tag color='red'>P0</text_tag>", ":OK: :FIRE:",
        "<link icon='x' url='http://evil'>", "<local_datetime millisecond=''>", "<raw>**</raw>", "\\<at id=all>",
        "磁盘空间不足 🔥💾 👩‍💻 🇨🇳", "\u202Eevil\u202C \u200Bzero\u200B\uFEFF", "\uD83D lone \uDE00",
        "line1\r\nline2\n\n\n\nline3", "$x$ | a | b |", "@all @所有人 <@all>", "http://evil.example.com/<at id=all></at>");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void cardMarkdownHasNoTagLinkOrMarkup(String raw) {
    for (String out : new String[] {LarkDialect.CARD.inline(raw, 500), LarkDialect.CARD.block(raw, 500)}) {
      // with our numeric entities taken out, no metacharacter (nor a stray &) is left
      assertThat(out.replaceAll("&#\\d+;", "")).as("card(%s)", raw)
          .doesNotContainPattern("[<>*_~`\\[\\]()#\\\\+!:$\"'|&-]");
      assertWellFormed(out);
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void textHasNoAngleBracketOrAmpersand(String raw) {
    for (String out : new String[] {LarkDialect.TEXT.inline(raw, 500), LarkDialect.TEXT.block(raw, 500)}) {
      assertThat(out).as("text(%s)", raw).doesNotContain("<").doesNotContain(">").doesNotContain("&");
      assertWellFormed(out);
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void postKeepsTheWordsButNoControlsOrInvisibles(String raw) {
    String out = LarkDialect.POST.block(raw, 500);
    assertThat(out).doesNotContain("\u202E").doesNotContain("\u200B").doesNotContain("\uFEFF").doesNotContain("\r");
    assertWellFormed(out);
  }

  @Test
  void examples() {
    assertThat(LarkDialect.CARD.inline("<at id=all></at>")).isEqualTo("&#60;at id=all&#62;&#60;/at&#62;");
    assertThat(LarkDialect.TEXT.inline("<at user_id=\"all\">所有人</at>")).isEqualTo("＜at user_id=\"all\"＞所有人＜/at＞");
    assertThat(LarkDialect.CARD.inline("a\nb")).isEqualTo("a b");
    assertThat(LarkDialect.CARD.block("a\n\n\n\nb", 100)).isEqualTo("a\n\nb");
    assertThat(LarkDialect.POST.inline("  👩‍💻 ok\t")).isEqualTo("👩‍💻 ok");
  }

  @Test
  void cuttingNeverSplitsAnEntityOrAnEmoji() {
    assertThat(LarkDialect.CARD.inline("<<<<", 2)).isEqualTo("&#60;&#60;…");
    assertThat(LarkDialect.POST.inline("🔥🔥🔥", 1)).isEqualTo("🔥…");
    assertThat(LarkDialect.cutUnits("abc", 3)).isEqualTo("abc");
  }

  private static void assertWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("paired at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
        assertThat(Character.getType(c) == Character.CONTROL && c != '\n').as("control at %d", i).isFalse();
      }
    }
  }
}
