package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.neq;
import static io.github.alertrouter.config.Condition.nin;
import static io.github.alertrouter.config.Condition.nre;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelMatcherTest {
  private static final Map<String, String> PAYMENTS = Map.of("team", "payments", "sev", "critical");
  private static final Map<String, String> NO_TEAM = Map.of("sev", "critical");
  private static final Map<String, String> EMPTY_TEAM = Map.of("team", "", "sev", "critical");

  static Stream<Arguments> cases() {
    return Stream.of(
        row("eq equal", eq("team", "payments"), PAYMENTS, true),
        row("eq different", eq("team", "search"), PAYMENTS, false),
        row("eq is case-sensitive", eq("team", "Payments"), PAYMENTS, false),
        row("eq missing label", eq("team", "payments"), NO_TEAM, false),
        row("eq \"\" matches missing label", eq("team", ""), NO_TEAM, true),
        row("eq \"\" matches empty label", eq("team", ""), EMPTY_TEAM, true),
        row("eq \"\" fails on set label", eq("team", ""), PAYMENTS, false),
        row("neq different", neq("team", "search"), PAYMENTS, true),
        row("neq equal", neq("team", "payments"), PAYMENTS, false),
        row("neq missing label", neq("team", "payments"), NO_TEAM, true),
        row("neq \"\" needs non-empty: missing", neq("team", ""), NO_TEAM, false),
        row("neq \"\" needs non-empty: empty", neq("team", ""), EMPTY_TEAM, false),
        row("neq \"\" needs non-empty: set", neq("team", ""), PAYMENTS, true),
        row("in member", in("sev", "critical", "error"), PAYMENTS, true),
        row("in single value", in("sev", "critical"), PAYMENTS, true),
        row("in non-member", in("sev", "warning", "info"), PAYMENTS, false),
        row("in missing label", in("team", "payments", "search"), NO_TEAM, false),
        row("in with \"\" matches missing", in("team", "", "payments"), NO_TEAM, true),
        row("in values are literal", in("sev", "crit.*"), PAYMENTS, false),
        row("nin non-member", nin("sev", "warning", "info"), PAYMENTS, true),
        row("nin member", nin("sev", "critical", "error"), PAYMENTS, false),
        row("nin missing label", nin("team", "payments"), NO_TEAM, true),
        row("nin with \"\" fails on missing", nin("team", "", "x"), NO_TEAM, false),
        row("re full match", re("team", "pay.*"), PAYMENTS, true),
        row("re anchored at end", re("team", "pay"), PAYMENTS, false),
        row("re anchored at start", re("team", "ments"), PAYMENTS, false),
        row("re alternation anchored as a group", re("team", "pay|payments"), PAYMENTS, true),
        row("re alternation not partial", re("team", "x|pay"), PAYMENTS, false),
        row("re missing label tests \"\"", re("team", ".*"), NO_TEAM, true),
        row("re missing label vs .+", re("team", ".+"), NO_TEAM, false),
        row("re does not match across trailing newline", re("team", "pay"), Map.of("team", "pay\n"), false),
        row("re dot does not match newline", re("team", "a.b"), Map.of("team", "a\nb"), false),
        row("re CJK", re("svc", "支付.*"), Map.of("svc", "支付网关"), true),
        row("re literal alternation (set fast path)", re("sev", "page|critical"), PAYMENTS, true),
        row("re literal alternation is anchored", re("sev", "crit|page"), PAYMENTS, false),
        row("re literal with empty alternative matches missing", re("team", "x|"), NO_TEAM, true),
        row("re empty regex matches only \"\"", re("team", ""), PAYMENTS, false),
        row("re empty regex matches missing", re("team", ""), NO_TEAM, true),
        row("nre literal alternation", nre("sev", "page|critical"), PAYMENTS, false),
        row("nre match", nre("team", "pay.*"), PAYMENTS, false),
        row("nre no match", nre("team", "search|infra"), PAYMENTS, true),
        row("nre anchored", nre("team", "pay"), PAYMENTS, true),
        row("nre missing label tests \"\"", nre("team", ".+"), NO_TEAM, true),
        row("nre missing label vs .*", nre("team", ".*"), NO_TEAM, false));
  }

  private static Arguments row(String name, Condition c, Map<String, String> labels, boolean expected) {
    return Arguments.of(name, c, labels, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matches(String name, Condition condition, Map<String, String> labels, boolean expected) {
    assertThat(LabelMatcher.of(condition).matches(labels)).isEqualTo(expected);
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("eq", eq("team", "payments"), "team=\"payments\""),
        Arguments.of("neq", neq("team", "payments"), "team!=\"payments\""),
        Arguments.of("re", re("severity", "critical|page"), "severity=~\"critical|page\""),
        Arguments.of("nre", nre("env", "dev.*"), "env!~\"dev.*\""),
        Arguments.of("in as alternation", in("severity", "critical", "error"), "severity=~\"critical|error\""),
        Arguments.of("in quotes regex specials", in("host", "a.b", "c"), "host=~\"a\\\\.b|c\""),
        Arguments.of("nin", nin("env", "dev", "test"), "env!~\"dev|test\""),
        Arguments.of("quote in value", eq("msg", "say \"hi\""), "msg=\"say \\\"hi\\\"\""),
        Arguments.of("newline in value", eq("msg", "a\nb"), "msg=\"a\\nb\""),
        Arguments.of("CJK raw", eq("service", "支付网关"), "service=\"支付网关\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void formatsLikeAlertmanager(String name, Condition condition, String expected) {
    assertThat(LabelMatcher.of(condition).toAlertmanagerString()).isEqualTo(expected);
  }
}
