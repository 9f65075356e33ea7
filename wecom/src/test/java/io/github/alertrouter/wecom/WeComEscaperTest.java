package io.github.alertrouter.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.MarkdownInert;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeComEscaperTest {

  /** Hostile and awkward inputs: every one must come out inert in both dialects. */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("wecom @all token", "<@all>"),
        Arguments.of("wecom userid token", "<@userid>"),
        Arguments.of("token with a blank", "<@ zhangsan>"),
        Arguments.of("token with dots", "ping <@alice.wang> now"),
        Arguments.of("plain at all", "@all"),
        Arguments.of("at mobile", "@13800000000 please look"),
        Arguments.of("full-width at already", "＠all ＜@all>"),
        Arguments.of("font colour", "<font color=\"warning\">FIRING</font>"),
        Arguments.of("font colour info spoof", "<font color=\"info\">✅ RESOLVED</font>"),
        Arguments.of("markdown link", "[x](http://evil)"),
        Arguments.of("image tracker", "![x](http://t)"),
        Arguments.of("autolink", "<http://evil.example.com>"),
        Arguments.of("reference link", "[a]: http://evil.example.com\n[a][a]"),
        Arguments.of("fake resolved heading", "# RESOLVED"),
        Arguments.of("fake heading after newline", "ok\n### ✅ RESOLVED all good"),
        Arguments.of("quote", "> quote\n>> nested\n>>> deeper"),
        Arguments.of("fake list", "\n- fake item\n+ other\n* star"),
        Arguments.of("ordered list", "1. first\n2) second"),
        Arguments.of("rule and setext", "Title\n===\nSub\n---"),
        Arguments.of("bold and italics", "**bold** and *it* and __under__"),
        Arguments.of("code", "`code` and ```fenced```"),
        Arguments.of("table (v2)", "| a | b |\n| :-- | --: |"),
        Arguments.of("strike", "~~gone~~"),
        Arguments.of("indented code", "    indented\n\tTabbed"),
        Arguments.of("zero-width inside the token", "<\u200B@all> <@\u200Ball> \uFEFF<@\u2060all>"),
        Arguments.of("bidi override", "\u202E<@lla>\u202C txt.exe \u2066iso\u2069"),
        Arguments.of("controls", "a\u0000b\u0007c\u001Bd\u007Fe\u0085f"),
        Arguments.of("emoji", "🔥 disk 👨‍👩‍👧 full 🇨🇳 🧑🏽‍💻"),
        Arguments.of("CJK", "磁盘已满，请处理"),
        Arguments.of("CJK with at", "请@所有人处理 <@所有人>"),
        Arguments.of("backslashes", "\\<@all\\> \\[x\\](y) C:\\path\\"),
        Arguments.of("html entities", "&lt;@all&gt; &#60;@all&#62; &amp;"),
        Arguments.of("lone surrogates", "a\uD800b\uDC00c"),
        Arguments.of("crlf", "line1\r\nline2\rline3"),
        Arguments.of("unicode line separator", "a\u2028# b\u2029> c"),
        Arguments.of("very long", "<@all> [x](y) ".repeat(2_000)),
        Arguments.of("only whitespace", "   \n\t  "),
        Arguments.of("email", "ops@example.com"),
        Arguments.of("bracket paren split", "]\n(http://x)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void markdownInlineIsInert(String name, String raw) {
    String out = WeComDialect.MARKDOWN.inline(raw);
    assertMarkdownInert(out);
    assertThat(out).doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void markdownBlockIsInert(String name, String raw) {
    String out = WeComDialect.MARKDOWN.block(raw);
    assertMarkdownInert(out);
    assertThat(out).doesNotContain("\n\n\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void textCannotMention(String name, String raw) {
    for (String out : new String[] {WeComDialect.TEXT.inline(raw), WeComDialect.TEXT.block(raw)}) {
      // plain text: only mentions, tags and entities matter
      assertThat(MarkdownInert.markup(out)).filteredOn(w -> w.startsWith("a mention") || w.startsWith("a tag")
          || w.startsWith("an entity")).as("in %s", out).isEmpty();
      assertClean(out);
    }
  }

  static void assertMarkdownInert(String out) {
    assertThat(MarkdownInert.markup(out)).as("markup left in %s", out).isEmpty();
    assertClean(out);
  }

  private static void assertClean(String out) {
    out.codePoints().forEach(cp -> {
      assertThat(Character.getType(cp)).as("lone surrogate U+%04X", cp).isNotEqualTo((int) Character.SURROGATE);
      assertThat(cp == '\n' || !Character.isISOControl(cp)).as("control U+%04X", cp).isTrue();
      assertThat(cp).as("invisible format character").isNotIn(0x200B, 0x202E, 0x202C, 0x2066, 0x2069, 0xFEFF, 0x2060);
    });
  }

  static Stream<Arguments> exact() {
    return Stream.of(
        // a > that closes nothing stays: the < before it cannot open a tag or a mention any more
        Arguments.of("@all token", "<@all>", "＜＠all>", "＜＠all>"),
        Arguments.of("userid token", "<@zhangsan>", "＜＠zhangsan>", "＜＠zhangsan>"),
        Arguments.of("font", "<font color=\"warning\">x</font>", "＜font color=\"warning\">x＜/font>",
            "＜font color=\"warning\">x＜/font>"),
        Arguments.of("link stays readable", "[x](http://evil)", "［x］(http://evil)", "[x](http://evil)"),
        Arguments.of("image", "![x](http://t)", "!［x］(http://t)", "![x](http://t)"),
        Arguments.of("heading", "# RESOLVED", "＃ RESOLVED", "# RESOLVED"),
        Arguments.of("quote", "> quote", "＞ quote", "＞ quote"),
        Arguments.of("CJK untouched", "磁盘已满", "磁盘已满", "磁盘已满"),
        Arguments.of("emoji sequence keeps its joiners", "👨‍👩‍👧", "👨‍👩‍👧", "👨‍👩‍👧"),
        Arguments.of("zero-width removed", "<\u200B@all>", "＜＠all>", "＜＠all>"),
        Arguments.of("leading list marker", "- fake", "－ fake", "- fake"),
        Arguments.of("negative number is not a list", "-5", "-5", "-5"),
        Arguments.of("decimal is not a list", "1.5 s", "1.5 s", "1.5 s"),
        Arguments.of("entity", "&lt;", "＆lt;", "＆lt;"),
        Arguments.of("newline becomes space", "a\nb", "a b", "a b"),
        Arguments.of("lone surrogate", "x\uD800", "x\uFFFD", "x\uFFFD"),
        Arguments.of("email", "ops@example.com", "ops＠example.com", "ops＠example.com"),
        // faithful values (issue #22): what cannot act where it stands is the value itself
        Arguments.of("underscores inside a word", "pay_api", "pay_api", "pay_api"),
        Arguments.of("comparison", "p99 > 2s, err < 1%", "p99 > 2s, err < 1%", "p99 > 2s, err < 1%"),
        Arguments.of("ampersand between words", "R&D & ops", "R＆D & ops", "R＆D & ops"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exact")
  void inlineExamples(String name, String raw, String markdown, String text) {
    assertThat(WeComDialect.MARKDOWN.inline(raw)).isEqualTo(markdown);
    assertThat(WeComDialect.TEXT.inline(raw)).isEqualTo(text);
  }

  @Test
  void blockKeepsLinesButNeutralisesEachStart() {
    assertThat(WeComDialect.MARKDOWN.block("disk full\n\n\n\n# RESOLVED\n- fake\n  > quote\n2. step"))
        .isEqualTo("disk full\n\n＃ RESOLVED\n－ fake\n＞ quote\n2． step");
    assertThat(WeComDialect.TEXT.block("disk full\n\n\n\n# RESOLVED\n  <@all>"))
        .isEqualTo("disk full\n\n# RESOLVED\n  ＜＠all>");
  }

  @Test
  void cutKeepsWholeCodePointsAndMarksTheCut() {
    assertThat(WeComDialect.MARKDOWN.inline("🔥🔥🔥", 2)).isEqualTo("🔥🔥…");
    assertThat(WeComDialect.MARKDOWN.inline("abc", 3)).isEqualTo("abc");
    assertThat(WeComDialect.MARKDOWN.inline("<@all> x", 4)).isEqualTo("＜＠al…");
  }

  @Test
  void nullIsEmpty() {
    assertThat(WeComDialect.MARKDOWN.inline(null)).isEmpty();
    assertThat(WeComDialect.TEXT.block(null)).isEmpty();
  }
}
