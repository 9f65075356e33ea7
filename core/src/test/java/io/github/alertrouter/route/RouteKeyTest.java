package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.neq;
import static io.github.alertrouter.config.Condition.nin;
import static io.github.alertrouter.config.Condition.nre;
import static io.github.alertrouter.config.Condition.re;
import static io.github.alertrouter.route.Policies.anyOf;
import static io.github.alertrouter.route.Policies.labels;
import static io.github.alertrouter.route.Policies.policy;
import static io.github.alertrouter.route.Policies.routes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route keys ({@code Route.Key()}) and group keys as Alertmanager 0.25 prints them. The first rows
 * are real captures: core/src/test/resources/fixtures/alertmanager-0.25 (groupKey fields).
 */
class RouteKeyTest {

  static GroupRule groupBy(String... fields) {
    return new GroupRule(null, null, List.of(fields));
  }

  static Stream<Arguments> groupKeys() {
    return Stream.of(
        Arguments.of("captured: root",
            policy("java-sdk.default"), labels("alertname", "DiskAlmostFull", "instance", "db-1"),
            "{}:{alertname=\"DiskAlmostFull\"}"),
        Arguments.of("captured: child with eq",
            policy("team.payments", eq("team", "payments")).groupRule(groupBy("alertname", "team")),
            labels("alertname", "PaymentGatewayLatencyHigh", "team", "payments", "severity", "critical"),
            "{}/{team=\"payments\"}:{alertname=\"PaymentGatewayLatencyHigh\", team=\"payments\"}"),
        Arguments.of("captured: child with regex (as re)",
            policy("oncall.critical", re("severity", "critical|page")),
            labels("alertname", "PaymentGatewayLatencyHigh", "severity", "critical"),
            "{}/{severity=~\"critical|page\"}:{alertname=\"PaymentGatewayLatencyHigh\"}"),
        Arguments.of("captured: child with regex (as in)",
            policy("oncall.critical", in("severity", "critical", "page")),
            labels("alertname", "PaymentGatewayLatencyHigh", "severity", "critical"),
            "{}/{severity=~\"critical|page\"}:{alertname=\"PaymentGatewayLatencyHigh\"}"),
        Arguments.of("captured: CJK group labels",
            policy("ops").groupRule(groupBy("alertname", "service")),
            labels("alertname", "磁盘空间不足", "service", "支付*网关_v2"),
            "{}:{alertname=\"磁盘空间不足\", service=\"支付*网关_v2\"}"),
        Arguments.of("captured: two group labels",
            policy("d").groupRule(groupBy("alertname", "job")),
            labels("alertname", "TargetDown", "job", "api", "instance", "i-1"),
            "{}:{alertname=\"TargetDown\", job=\"api\"}"),
        Arguments.of("missing grouping field is left out",
            policy("d").groupRule(groupBy("alertname", "cluster")), labels("alertname", "X"),
            "{}:{alertname=\"X\"}"),
        Arguments.of("present but empty grouping field is kept",
            policy("d").groupRule(groupBy("alertname", "cluster")), labels("alertname", "X", "cluster", ""),
            "{}:{alertname=\"X\", cluster=\"\"}"),
        Arguments.of("no grouping fields: one group",
            policy("d").groupRule(groupBy()), labels("alertname", "X"), "{}:{}"),
        Arguments.of("group by all labels",
            policy("d").groupRule(groupBy("...")), labels("b", "2", "a", "1"), "{}:{a=\"1\", b=\"2\"}"),
        Arguments.of("AM 0.25 order: a1 before a (pairs are sorted as strings)",
            policy("d").groupRule(groupBy("a", "a1")), labels("a", "1", "a1", "2"),
            "{}:{a1=\"2\", a=\"1\"}"),
        Arguments.of("quotes, backslashes, newlines in values",
            policy("d").groupRule(groupBy("msg")), labels("msg", "say \"hi\"\\\n"),
            "{}:{msg=\"say \\\"hi\\\"\\\\\\n\"}"),
        Arguments.of("non-printable space escaped, CJK raw",
            policy("d").groupRule(groupBy("svc")), labels("svc", "支付\u3000网关"),
            "{}:{svc=\"支付\\u3000网关\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groupKeys")
  void groupKey(String name, NotificationPolicy.Builder policy, Map<String, String> alert, String expected) {
    RoutingTree tree = RoutingTree.compile(List.of(policy.build()));
    List<RouteMatch> m = tree.match(alert);
    assertThat(m).hasSize(1);
    assertThat(m.get(0).groupKey(alert)).isEqualTo(expected);
  }

  static Stream<Arguments> routeKeys() {
    return Stream.of(
        Arguments.of("top-level without rules is the root", policy("r"), "{}"),
        Arguments.of("top-level with rules hangs below an implicit root",
            policy("p", eq("team", "payments")), "{}/{team=\"payments\"}"),
        Arguments.of("matchers sorted by name, then value, then type",
            policy("p", eq("team", "x"), neq("env", "prod"), eq("env", "prod"), re("env", "p.*")),
            "{}/{env=~\"p.*\",env=\"prod\",env!=\"prod\",team=\"x\"}"),
        Arguments.of("same name and value: type order = != =~ !~",
            policy("p", nre("a", "v"), re("a", "v"), neq("a", "v"), eq("a", "v")),
            "{}/{a=\"v\",a!=\"v\",a=~\"v\",a!~\"v\"}"),
        Arguments.of("in/nin as regex alternation of quoted literals",
            policy("p", in("host", "a.b", "c"), nin("env", "dev", "test")),
            "{}/{env!~\"dev|test\",host=~\"a\\\\.b|c\"}"),
        Arguments.of("OR'ed rules joined by |",
            anyOf("p", MatchingRule.of(eq("team", "a")), MatchingRule.of(eq("team", "b"), eq("env", "prod"))),
            "{}/{team=\"a\"}|{env=\"prod\",team=\"b\"}"),
        Arguments.of("rule with no conditions", anyOf("p", MatchingRule.of()), "{}/{}"),
        Arguments.of("CJK, quote, backslash, newline in matcher values",
            policy("p", eq("svc", "支付网关"), eq("msg", "a\"b\\c\nd")),
            "{}/{msg=\"a\\\"b\\\\c\\nd\",svc=\"支付网关\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routeKeys")
  void routeKey(String name, NotificationPolicy.Builder policy, String expected) {
    assertThat(RoutingTree.compile(List.of(policy.build())).topLevel().get(0).key()).isEqualTo(expected);
  }

  @Test
  void nestedKeysAppendSegments() {
    RoutingTree tree = RoutingTree.compile(routes(
        policy("root").routes(routes(
            policy("pay", eq("team", "payments")).routes(routes(
                policy("crit", eq("severity", "critical")),
                policy("rest")))))));
    List<String> keys = new ArrayList<>();
    tree.walk(n -> keys.add(n.key()));
    assertThat(keys).containsExactly(
        "{}",
        "{}/{team=\"payments\"}",
        "{}/{team=\"payments\"}/{severity=\"critical\"}",
        "{}/{team=\"payments\"}/{}");
  }

  @Test
  void nestedBelowTopLevelWithRules() {
    RoutingTree tree = RoutingTree.compile(routes(
        policy("pay", eq("team", "payments")).routes(routes(policy("crit", in("severity", "critical", "error"))))));
    Map<String, String> alert = labels("alertname", "X", "team", "payments", "severity", "error");
    RouteMatch m = tree.match(alert).get(0);
    assertThat(m.routeKey()).isEqualTo("{}/{team=\"payments\"}/{severity=~\"critical|error\"}");
    assertThat(m.groupKey(alert))
        .isEqualTo("{}/{team=\"payments\"}/{severity=~\"critical|error\"}:{alertname=\"X\"}");
    assertThat(m.groupLabels(alert)).containsExactly(Map.entry("alertname", "X"));
    assertThat(m.path()).containsExactly("pay", "crit");
  }

  @Test
  void groupLabelsAreSortedByNameAndIncludeAllWhenGroupingByAll() {
    RoutingTree tree = RoutingTree.compile(List.of(policy("p").groupRule(groupBy("...")).build()));
    Map<String, String> alert = labels("z", "1", "a1", "2", "a", "3");
    assertThat(tree.match(alert).get(0).groupLabels(alert).keySet()).containsExactly("a", "a1", "z");
  }
}
