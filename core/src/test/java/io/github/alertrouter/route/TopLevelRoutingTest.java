package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.re;
import static io.github.alertrouter.route.Policies.anyOf;
import static io.github.alertrouter.route.Policies.labels;
import static io.github.alertrouter.route.Policies.names;
import static io.github.alertrouter.route.Policies.policy;
import static io.github.alertrouter.route.Policies.routes;
import static io.github.alertrouter.route.Policies.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.MatchingRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Top-level policies behave like ARMS: every matching policy fires; continue defaults to true. */
class TopLevelRoutingTest {

  static Stream<Arguments> cases() {
    Map<String, String> payCrit = labels("alertname", "X", "team", "payments", "severity", "critical");
    Map<String, String> payWarn = labels("alertname", "X", "team", "payments", "severity", "warning");
    Map<String, String> other = labels("alertname", "X", "team", "search");
    return Stream.of(
        Arguments.of("every matching policy fires in list order",
            tree(policy("pay", eq("team", "payments")), policy("crit", eq("severity", "critical")),
                policy("all")),
            payCrit, List.of("pay", "crit", "all")),
        Arguments.of("non-matching policies are skipped",
            tree(policy("pay", eq("team", "payments")), policy("crit", eq("severity", "critical")),
                policy("all")),
            other, List.of("all")),
        Arguments.of("no policies: nothing", tree(), payCrit, List.of()),
        Arguments.of("nothing matches: empty",
            tree(policy("pay", eq("team", "payments"))), other, List.of()),
        Arguments.of("continueMatching=false stops later policies once matched",
            tree(policy("pay", eq("team", "payments")),
                policy("crit", eq("severity", "critical")).continueMatching(false),
                policy("all")),
            payCrit, List.of("pay", "crit")),
        Arguments.of("continueMatching=false does nothing when it did not match",
            tree(policy("pay", eq("team", "payments")),
                policy("crit", eq("severity", "critical")).continueMatching(false),
                policy("all")),
            payWarn, List.of("pay", "all")),
        Arguments.of("first policy stops all",
            tree(policy("all").continueMatching(false), policy("pay", eq("team", "payments"))),
            payCrit, List.of("all")),
        Arguments.of("explicit continueMatching=true",
            tree(policy("pay", eq("team", "payments")).continueMatching(true), policy("all")),
            payCrit, List.of("pay", "all")),
        Arguments.of("rule is AND: all conditions must hold",
            tree(policy("pay-crit", eq("team", "payments"), eq("severity", "critical"))),
            payWarn, List.of()),
        Arguments.of("rule is AND: holds",
            tree(policy("pay-crit", eq("team", "payments"), in("severity", "critical", "error"))),
            payCrit, List.of("pay-crit")),
        Arguments.of("policy is OR of rules: second rule",
            tree(anyOf("either", MatchingRule.of(eq("team", "search")),
                MatchingRule.of(eq("severity", "critical")))),
            payCrit, List.of("either")),
        Arguments.of("policy is OR of rules: none",
            tree(anyOf("either", MatchingRule.of(eq("team", "search")),
                MatchingRule.of(re("severity", "crit")))),
            payCrit, List.of()),
        Arguments.of("rule with no conditions matches everything",
            tree(anyOf("empty-rule", MatchingRule.of())), other, List.of("empty-rule")),
        Arguments.of("matching top-level policy expands to its nested match, then continues",
            tree(policy("pay", eq("team", "payments"))
                    .routes(routes(policy("pay-crit", eq("severity", "critical")))),
                policy("all")),
            payCrit, List.of("pay-crit", "all")),
        Arguments.of("nested continue does not leak to the top level",
            tree(policy("pay", eq("team", "payments")).continueMatching(false)
                    .routes(routes(policy("pay-crit", eq("severity", "critical")).continueMatching(true))),
                policy("all")),
            payCrit, List.of("pay-crit")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesLikeArms(String name, RoutingTree tree, Map<String, String> alert, List<String> expected) {
    assertThat(names(tree.match(alert))).isEqualTo(expected);
  }
}
