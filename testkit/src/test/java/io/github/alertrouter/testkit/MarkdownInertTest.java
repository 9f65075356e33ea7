package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The judge the escaper tests rely on must itself see markup where a renderer would. */
class MarkdownInertTest {
  @ParameterizedTest
  @ValueSource(strings = {"hi @all", "<b>x", "</b>", "<!-- x", "<@alice>", "&amp;", "&#64;", "_x_", "a *b*",
      "*x", "> quote", "  # heading", "- item", "+ item", "1. item", "2) item", "===", "~~gone~~", "\\*", "[x](y)",
      "`code`", "| a |", "a\r\nb"})
  void flagsWhatWouldFormMarkup(String text) {
    assertThat(MarkdownInert.markup(text)).as(text).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pay_api", "a > b", "x < 5", "see #42", "~/logs", "R＆D & ops", "2 * 3", "C:\\Windows",
      "-5", "1.5 s", "磁盘_已满", "＠all ＜b＞ ［x］"})
  void passesWhatCannot(String text) {
    assertThat(MarkdownInert.markup(text)).as(text).isEmpty();
  }
}
