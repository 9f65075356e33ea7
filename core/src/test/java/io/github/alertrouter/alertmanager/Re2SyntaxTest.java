package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Re2SyntaxTest {

  @ParameterizedTest(name = "accepts {0}")
  @ValueSource(strings = {
      "critical|page", "db-.*", "[a-z]+\\d{2,3}", "\\Qa.b(c\\E", "(?i)prod", "(?P<x>a)", "[]a]", "[^]a]",
      "a{2}", "\\.\\*\\+", "\\x41\\x{263a}", "\\pL\\p{Han}", "\\A\\z\\b", "\\012", "a+?b*?", "[\\d-]"})
  void acceptsRe2(String regex) {
    assertThatCode(() -> Re2Syntax.check(regex)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a(?=b)       | invalid or unsupported Perl syntax: `(?=`",
      "a(?!b)       | invalid or unsupported Perl syntax: `(?!`",
      "(?<=a)b      | invalid or unsupported Perl syntax: `(?<=`",
      "(?<!a)b      | invalid or unsupported Perl syntax: `(?<!`",
      "(?>a)        | invalid or unsupported Perl syntax: `(?>`",
      "(a)\\1       | invalid escape sequence: `\\1`",
      "a*+          | invalid nested repetition operator: `*+`",
      "a++          | invalid nested repetition operator: `++`",
      "a{2}+        | invalid nested repetition operator: `}+`",
      "end\\Z       | invalid escape sequence: `\\Z`",
      "\\h          | invalid escape sequence: `\\h`",
      "\\R          | invalid escape sequence: `\\R`"})
  void refusesWhatGoRefuses(String regex, String message) {
    assertThatThrownBy(() -> Re2Syntax.check(regex.strip()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: " + message.strip());
  }
}
