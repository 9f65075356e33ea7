package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.re;
import static io.github.alertrouter.route.Policies.labels;
import static io.github.alertrouter.route.Policies.names;
import static io.github.alertrouter.route.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves routing work grows with the policies an alert can match, not with all policies. */
class IndexUsageTest {
  static final int N = 10_000;

  @Test
  void topLevelEvaluatesOnlyCandidates() {
    List<NotificationPolicy> policies = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      // eq on service; every third also needs a regex, every fifth uses `in`
      NotificationPolicy.Builder b = i % 5 == 0
          ? policy("p" + i, in("service", "svc-" + i, "alias-" + i))
          : i % 3 == 0 ? policy("p" + i, eq("service", "svc-" + i), re("env", "prod|staging"))
          : policy("p" + i, eq("service", "svc-" + i));
      policies.add(b.build());
    }
    policies.add(policy("catch-all").build());
    RoutingTree tree = RoutingTree.compile(policies);

    MatchStats stats = new MatchStats();
    Map<String, String> alert = labels("alertname", "X", "service", "svc-4242", "env", "prod", "team", "t");
    List<RouteMatch> matches = tree.match(alert, stats);

    assertThat(names(matches)).containsExactly("p4242", "catch-all");
    assertThat(stats.policiesEvaluated).isEqualTo(2);
    assertThat(stats.rulesEvaluated).isEqualTo(1);
  }

  @Test
  void nestedSiblingsAreIndexedToo() {
    List<NotificationPolicy> children = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      children.add(policy("c" + i, eq("service", "svc-" + i), eq("team", "t" + (i % 7))).build());
    }
    RoutingTree tree = RoutingTree.compile(List.of(policy("root").routes(children).build()));

    MatchStats stats = new MatchStats();
    List<RouteMatch> matches = tree.match(labels("service", "svc-77", "team", "t0"), stats);

    assertThat(names(matches)).containsExactly("c77");
    assertThat(stats.policiesEvaluated).isEqualTo(2); // root + c77
    assertThat(stats.rulesEvaluated).isEqualTo(1);
  }

  @Test
  void aCandidateWhoseOnlyConditionIsTheIndexedOneIsNotEvaluatedAgain() {
    List<NotificationPolicy> policies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      policies.add(policy("eq" + i, eq("service", "svc-" + i)).build());
    }
    policies.add(policy("in", in("service", "svc-1", "svc-2")).build());
    policies.add(policy("two-conditions", eq("service", "svc-1"), eq("env", "prod")).build());
    policies.add(policy("two-conditions-miss", eq("service", "svc-1"), eq("env", "dev")).build());
    RoutingTree tree = RoutingTree.compile(policies);

    MatchStats stats = new MatchStats();
    List<RouteMatch> matches = tree.match(labels("service", "svc-1", "env", "prod"), stats);

    assertThat(names(matches)).containsExactly("eq1", "in", "two-conditions");
    assertThat(stats.policiesEvaluated).isEqualTo(4);
    assertThat(stats.rulesEvaluated).isEqualTo(2); // only the two-condition policies' rules
  }

  @Test
  void unindexableRulesAreAlwaysChecked() {
    List<NotificationPolicy> policies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      policies.add(policy("eq" + i, eq("service", "svc-" + i)).build());
    }
    policies.add(policy("regex-only", re("service", "svc-1.")).build());
    policies.add(policy("eq-empty", eq("team", "")).build());
    policies.add(policy("in-with-empty", in("team", "", "x")).build());
    RoutingTree tree = RoutingTree.compile(policies);

    MatchStats stats = new MatchStats();
    List<RouteMatch> matches = tree.match(labels("service", "svc-12"), stats);

    assertThat(names(matches)).containsExactly("eq12", "regex-only", "eq-empty", "in-with-empty");
    assertThat(stats.policiesEvaluated).isEqualTo(4);
  }

  @Test
  void noMatchingLabelsMeansNoEvaluation() {
    List<NotificationPolicy> policies = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      policies.add(policy("p" + i, eq("service", "svc-" + i)).build());
    }
    MatchStats stats = new MatchStats();
    assertThat(RoutingTree.compile(policies).match(labels("alertname", "X"), stats)).isEmpty();
    assertThat(stats.policiesEvaluated).isZero();
  }
}
