package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Condition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerMatchersTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        row("quoted", "team=\"payments\"", Condition.eq("team", "payments")),
        row("unquoted", "team=payments", Condition.eq("team", "payments")),
        row("spaces around operator", "  team =  payments  ", Condition.eq("team", "payments")),
        row("not equal", "env!=\"dev\"", Condition.neq("env", "dev")),
        row("regex", "severity=~\"critical|page\"", Condition.re("severity", "critical|page")),
        row("negative regex", "instance!~\"db-.*\"", Condition.nre("instance", "db-.*")),
        row("empty quoted value", "team=\"\"", Condition.eq("team", "")),
        row("empty unquoted value", "team=", Condition.eq("team", "")),
        row("escaped quote and backslash", "msg=\"say \\\"hi\\\" \\\\o/\"", Condition.eq("msg", "say \"hi\" \\o/")),
        row("escaped newline", "msg=\"a\\nb\"", Condition.eq("msg", "a\nb")),
        row("spurious escape kept", "path=\"C:\\dir\"", Condition.eq("path", "C:\\dir")),
        row("trailing backslash literal", "path=a\\", Condition.eq("path", "a\\")),
        row("comma inside quotes", "list=\"a,b\"", Condition.eq("list", "a,b")),
        row("CJK in value", "alertname=\"接口错误率过高\"", Condition.eq("alertname", "接口错误率过高")),
        row("colon in name", "a:b=c", Condition.eq("a:b", "c")),
        row("value with equals", "q=a=b", Condition.eq("q", "a=b")),
        row("braces and several", "{team=\"payments\", env=~\"prod|staging\"}",
            Condition.eq("team", "payments"), Condition.re("env", "prod|staging")),
        row("several without braces", "a=1,b!=2", Condition.eq("a", "1"), Condition.neq("b", "2")),
        row("trailing comma", "a=1,", Condition.eq("a", "1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesWhatAlertmanagerAccepts(String text, List<Condition> expected) {
    assertThat(AlertmanagerMatchers.parse(text)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(Named.of("no operator", "team"), "bad matcher format: team"),
        Arguments.of(Named.of("name starts with digit", "1team=x"), "bad matcher format: 1team=x"),
        Arguments.of(Named.of("dash in name", "my-team=x"), "bad matcher format: my-team=x"),
        Arguments.of(Named.of("CJK name", "服务=x"), "bad matcher format: 服务=x"),
        Arguments.of(Named.of("unterminated quote", "team=\"pay"), "matcher value contains unescaped double quote: \"pay"),
        Arguments.of(Named.of("quote in middle", "team=\"a\"b\""), "matcher value contains unescaped double quote: \"a\"b\""),
        Arguments.of(Named.of("bare quote in unquoted value", "team=a\"b"), "matcher value contains unescaped double quote: a\"b"),
        Arguments.of(Named.of("invalid regex", "team=~\"(\""), "error parsing regexp: missing closing ): `^(?:()$`"),
        Arguments.of(Named.of("look-ahead is not RE2", "team=~\"a(?=b)\""), "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        Arguments.of(Named.of("back-reference is not RE2", "team=~\"(a)\\\\1\""), "error parsing regexp: invalid escape sequence: `\\1`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesWhatAlertmanagerRefuses(String text, String message) {
    assertThatThrownBy(() -> AlertmanagerMatchers.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  private static Arguments row(String name, String text, Condition... expected) {
    return Arguments.of(Named.of(name, text), List.of(expected));
  }
}
