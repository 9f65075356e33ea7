package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.re;
import static io.github.alertrouter.route.Policies.labels;
import static io.github.alertrouter.route.Policies.names;
import static io.github.alertrouter.route.Policies.policy;
import static io.github.alertrouter.route.Policies.routes;
import static io.github.alertrouter.route.Policies.tree;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nested routes behave like Alertmanager's {@code dispatch.Route.Match}. The trees are the amtool
 * corpus files {@code 05-nested-continue-mixed.yml} and {@code 04-nested-depth4.yml}; expected
 * receivers follow Alertmanager's algorithm.
 */
class NestedRoutingTest {

  /** amtool-corpus/trees/05-nested-continue-mixed.yml */
  static final RoutingTree MIXED = tree(policy("root").routes(routes(
      policy("pay", eq("team", "payments")).continueMatching(true).routes(routes(
          policy("pay-crit", eq("severity", "critical")).continueMatching(true),
          policy("pay-prod", eq("env", "prod")),
          policy("pay-prod-or-staging", re("env", "prod|staging")))),
      policy("crit", eq("severity", "critical")).routes(routes(
          policy("crit-prod", eq("env", "prod")).continueMatching(true).routes(routes(
              policy("crit-prod-a", eq("dc", "a")).continueMatching(true),
              policy("crit-prod-ab", re("dc", "a|b")))),
          policy("crit-prod-again", eq("env", "prod")))),
      policy("crit-unreachable", eq("severity", "critical")))));

  /** amtool-corpus/trees/04-nested-depth4.yml */
  static final RoutingTree DEEP = tree(policy("root").routes(routes(
      policy("eu", eq("region", "eu")).routes(routes(
          policy("eu-payments", eq("team", "payments")).routes(routes(
              policy("eu-payments-critical", eq("severity", "critical")).routes(routes(
                  policy("eu-payments-critical-prod", eq("env", "prod")),
                  policy("eu-payments-critical-staging", eq("env", "staging")))),
              policy("eu-payments-warning", eq("severity", "warning")))),
          policy("eu-search", eq("team", "search")))),
      policy("us", eq("region", "us")).routes(routes(
          policy("us-payments", eq("team", "payments")))))));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("continue at depth 1, 2 and 3", MIXED,
            labels("team", "payments", "severity", "critical", "env", "prod", "dc", "a"),
            List.of("pay-crit", "pay-prod", "crit-prod-a", "crit-prod-ab", "crit-prod-again")),
        Arguments.of("first matching child without continue stops its siblings", MIXED,
            labels("team", "payments", "env", "prod"), List.of("pay-prod")),
        Arguments.of("later sibling reached when earlier ones miss", MIXED,
            labels("team", "payments", "env", "staging"), List.of("pay-prod-or-staging")),
        Arguments.of("parent matches itself when no child matches", MIXED,
            labels("team", "payments"), List.of("pay")),
        Arguments.of("non-continuing match hides a later identical sibling", MIXED,
            labels("severity", "critical", "env", "dev"), List.of("crit")),
        Arguments.of("continue inside a non-continuing parent", MIXED,
            labels("severity", "critical", "env", "prod", "dc", "b"),
            List.of("crit-prod-ab", "crit-prod-again")),
        Arguments.of("root matches itself", MIXED, labels("alertname", "X"), List.of("root")),
        Arguments.of("depth 4 leaf", DEEP,
            labels("region", "eu", "team", "payments", "severity", "critical", "env", "staging"),
            List.of("eu-payments-critical-staging")),
        Arguments.of("depth 3 node is final when its children miss", DEEP,
            labels("region", "eu", "team", "payments", "severity", "critical", "env", "dev"),
            List.of("eu-payments-critical")),
        Arguments.of("depth 1 node is final", DEEP, labels("region", "eu"), List.of("eu")),
        Arguments.of("second branch", DEEP, labels("region", "us", "team", "payments"),
            List.of("us-payments")),
        Arguments.of("second branch, child misses", DEEP, labels("region", "us", "team", "search"),
            List.of("us")),
        Arguments.of("nothing below root", DEEP, labels("team", "payments"), List.of("root")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesLikeAlertmanager(String name, RoutingTree tree, Map<String, String> alert, List<String> expected) {
    assertThat(names(tree.match(alert))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pathsLeadFromTheTop(String name, RoutingTree tree, Map<String, String> alert, List<String> expected) {
    for (RouteMatch m : tree.match(alert)) {
      assertThat(m.path().get(0)).isEqualTo("root");
      assertThat(m.path().get(m.path().size() - 1)).isEqualTo(m.settings().name());
      assertThat(m.path()).hasSize(m.node().depth() + 1);
    }
  }
}
