package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.MarkdownInert;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkEscaperTest {
  /** Hostile and awkward inputs: every one must come out inert. */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("at all", "@all"),
        Arguments.of("at mobile", "@13800000000 please look"),
        Arguments.of("at userId", "ping @manager7675"),
        Arguments.of("full-width at already", "＠all"),
        Arguments.of("lark at tag", "<at user_id=\"all\">everyone</at>"),
        Arguments.of("wecom at tag", "<@alice.wang>"),
        Arguments.of("font colour", "<font color=#FF0000>RESOLVED</font>"),
        Arguments.of("markdown link", "[click](http://evil.example.com)"),
        Arguments.of("image tracker", "![x](http://track.example.com/p.png)"),
        Arguments.of("autolink", "<http://evil.example.com>"),
        Arguments.of("reference link", "[a]: http://evil.example.com\n[a][a]"),
        Arguments.of("fake resolved heading", "# RESOLVED"),
        Arguments.of("fake heading after newline", "ok\n### ✅ RESOLVED all good"),
        Arguments.of("fake list", "\n- fake item\n+ other\n* star"),
        Arguments.of("ordered list", "1. first\n2) second"),
        Arguments.of("quote", "> quoted\n>> nested"),
        Arguments.of("setext heading", "Title\n===\nSub\n---"),
        Arguments.of("bold", "**bold** and __under__"),
        Arguments.of("code", "`code` and ```fenced```"),
        Arguments.of("table", "| a | b |\n|---|---|"),
        Arguments.of("strike", "~~gone~~"),
        Arguments.of("indented code", "    indented\n\tTabbed"),
        Arguments.of("zero-width space in at", "@\u200Ball and \uFEFF@\u2060all"),
        Arguments.of("rtl override", "\u202Eevil\u202C txt.exe \u2066iso\u2069"),
        Arguments.of("controls", "a\u0000b\u0007c\u001Bd\u007Fe\u0085f"),
        Arguments.of("emoji", "🔥 disk 👨‍👩‍👧 full 🇨🇳"),
        Arguments.of("CJK", "磁盘已满，请处理"),
        Arguments.of("CJK with at", "请@所有人处理"),
        Arguments.of("backslashes", "\\@all \\[x\\](y) C:\\path\\"),
        Arguments.of("html entity", "&amp; &#64;all &lt;at&gt;"),
        Arguments.of("lone surrogates", "a\uD800b\uDC00c"),
        Arguments.of("crlf", "line1\r\nline2\rline3"),
        Arguments.of("unicode line separator", "a\u2028# b\u2029> c"),
        Arguments.of("very long", "@all [x](y) ".repeat(2_000)),
        Arguments.of("only whitespace", "   \n\t  "),
        Arguments.of("email", "ops@example.com"),
        Arguments.of("url with underscores", "see http://evil.example.com/a_b_c?x=[1]"),
        Arguments.of("bracket paren split", "]\n(http://x)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void inlineIsInert(String name, String raw) {
    String out = DingTalkDialect.inline(raw);
    assertInert(out);
    assertThat(out).doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void blockIsInert(String name, String raw) {
    String out = DingTalkDialect.block(raw);
    assertInert(out);
    assertThat(out).doesNotContain("\n\n\n");
  }

  static void assertInert(String out) {
    assertThat(MarkdownInert.markup(out)).as("markup left in %s", out).isEmpty();
    out.codePoints().forEach(cp -> {
      assertThat(Character.getType(cp)).as("lone surrogate U+%04X", cp).isNotEqualTo((int) Character.SURROGATE);
      assertThat(cp == '\n' || !Character.isISOControl(cp)).as("control U+%04X", cp).isTrue();
      assertThat(cp).as("invisible format character").isNotIn(0x200B, 0x202E, 0x202C, 0x2066, 0x2069, 0xFEFF, 0x2060);
    });
  }

  static Stream<Arguments> exact() {
    return Stream.of(
        Arguments.of("at all", "@all", "＠all"),
        Arguments.of("CJK untouched", "磁盘已满", "磁盘已满"),
        Arguments.of("emoji sequence keeps its joiners", "👨‍👩‍👧", "👨‍👩‍👧"),
        Arguments.of("link becomes readable text", "[click](http://evil)", "［click］(http://evil)"),
        Arguments.of("image", "![x](http://t)", "!［x］(http://t)"),
        Arguments.of("heading", "# RESOLVED", "＃ RESOLVED"),
        Arguments.of("newline becomes space", "a\nb", "a b"),
        Arguments.of("leading list marker", "- fake", "－ fake"),
        Arguments.of("negative number is not a list", "-5", "-5"),
        Arguments.of("ordered list marker", "1. x", "1． x"),
        Arguments.of("decimal is not a list", "1.5 s", "1.5 s"),
        Arguments.of("angle brackets: no tag can open", "<b>", "＜b>"),
        Arguments.of("entity", "&#64;", "＆#64;"),
        Arguments.of("tab", "a\tb", "a b"),
        Arguments.of("lone surrogate", "x\uD800", "x\uFFFD"),
        Arguments.of("email", "ops@example.com", "ops＠example.com"),
        // faithful: what cannot form markup where it stands is the value itself (issue #22)
        Arguments.of("underscores inside a word", "pay_api node_cpu_seconds_total", "pay_api node_cpu_seconds_total"),
        Arguments.of("underscore at a word's edge", "_private __init__", "＿private ＿＿init＿＿"),
        Arguments.of("comparison", "cpu > 90% and mem < 2GiB", "cpu > 90% and mem < 2GiB"),
        Arguments.of("arrow", "a->b => c", "a->b => c"),
        Arguments.of("ampersand between words", "R&D & ops", "R＆D & ops"),
        Arguments.of("issue number", "see #42", "see #42"),
        Arguments.of("home path", "~/logs", "~/logs"),
        Arguments.of("double tilde", "~~x~~", "～～x～～"),
        Arguments.of("windows path", "C:\\Windows\\Temp", "C:\\Windows\\Temp"),
        Arguments.of("escape before punctuation", "\\*x", "＼＊x"),
        Arguments.of("multiplication", "2 * 3", "2 * 3"),
        Arguments.of("emphasis star", "*x*", "＊x＊"),
        Arguments.of("quote only at the start", "> quoted", "＞ quoted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exact")
  void inlineExamples(String name, String raw, String expected) {
    assertThat(DingTalkDialect.inline(raw)).isEqualTo(expected);
  }

  @Test
  void blockKeepsLinesButNeutralisesEachStart() {
    assertThat(DingTalkDialect.block("disk full\n\n\n\n# RESOLVED\n- fake\n  > quote\n2. step"))
        .isEqualTo("disk full\n\n＃ RESOLVED\n－ fake\n＞ quote\n2． step");
    assertThat(DingTalkDialect.block("a > b\n> c\n  # d #e")).isEqualTo("a > b\n＞ c\n＃ d #e");
  }

  @Test
  void cutKeepsWholeCodePointsAndMarksTheCut() {
    assertThat(DingTalkDialect.inline("🔥🔥🔥", 2)).isEqualTo("🔥🔥…");
    assertThat(DingTalkDialect.inline("abc", 3)).isEqualTo("abc");
    assertThat(DingTalkDialect.inline("＠all [x]", 4)).isEqualTo("＠all…");
  }

  @Test
  void nullIsEmpty() {
    assertThat(DingTalkDialect.inline(null)).isEmpty();
    assertThat(DingTalkDialect.block(null)).isEmpty();
  }
}
