package io.github.alertrouter.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: the indexed evaluator returns exactly what a naive, index-free reading of the
 * semantics returns, for thousands of random policy trees and alerts from fixed seeds. The naive
 * evaluator below shares no code with the router (not even {@link LabelMatcher}).
 */
class IndexedVsNaiveRoutingTest {
  private static final String[] KEYS = {"alertname", "team", "severity", "env", "dc", "svc"};
  private static final String[] VALUES = {"a", "b", "c", "d", "e", ""};
  private static final String[] REGEXES = {"a|b", "[a-c]", ".*", ".+", "a", "", "b.*"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 42L, 20260308L})
  void indexedEqualsNaive(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int compared = 0;
    for (int set = 0; set < 700; set++) {
      List<NotificationPolicy> policies = randomPolicies(rnd, 0, 1 + rnd.nextInt(40));
      RoutingTree tree = RoutingTree.compile(policies);
      for (int a = 0; a < 20; a++) {
        Map<String, String> alert = randomAlert(rnd);
        List<List<Integer>> expected = naive(policies, alert);
        List<List<Integer>> actual = new ArrayList<>();
        for (RouteMatch m : tree.match(alert)) {
          actual.add(positions(m.node()));
        }
        assertThat(actual).as("policy set %d, alert %s", set, alert).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(14_000);
  }

  private static List<NotificationPolicy> randomPolicies(SplittableRandom rnd, int depth, int count) {
    List<NotificationPolicy> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<MatchingRule> rules = new ArrayList<>();
      int nRules = rnd.nextInt(10) < 2 ? 0 : 1 + (rnd.nextInt(10) < 2 ? rnd.nextInt(3) : 0);
      for (int r = 0; r < nRules; r++) {
        List<Condition> conds = new ArrayList<>();
        int nConds = 1 + rnd.nextInt(3);
        for (int c = 0; c < nConds; c++) {
          conds.add(randomCondition(rnd));
        }
        rules.add(new MatchingRule(conds));
      }
      int nKids = depth >= 3 || rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(depth == 0 ? 12 : 5);
      int cont = rnd.nextInt(3);
      out.add(NotificationPolicy.builder("p" + depth + "-" + i)
          .matchingRules(rules)
          .continueMatching(cont == 0 ? null : cont == 1)
          .routes(randomPolicies(rnd, depth + 1, nKids))
          .build());
    }
    return out;
  }

  private static Condition randomCondition(SplittableRandom rnd) {
    String key = KEYS[rnd.nextInt(KEYS.length)];
    int op = rnd.nextInt(10);
    if (op < 4) {
      return Condition.eq(key, VALUES[rnd.nextInt(VALUES.length)]);
    } else if (op < 6) {
      return Condition.in(key, VALUES[rnd.nextInt(VALUES.length)], VALUES[rnd.nextInt(VALUES.length)]);
    } else if (op < 7) {
      return Condition.neq(key, VALUES[rnd.nextInt(VALUES.length)]);
    } else if (op < 8) {
      return Condition.nin(key, VALUES[rnd.nextInt(VALUES.length)]);
    } else if (op < 9) {
      return Condition.re(key, REGEXES[rnd.nextInt(REGEXES.length)]);
    }
    return Condition.nre(key, REGEXES[rnd.nextInt(REGEXES.length)]);
  }

  private static Map<String, String> randomAlert(SplittableRandom rnd) {
    Map<String, String> alert = new HashMap<>();
    for (String k : KEYS) {
      if (rnd.nextInt(3) > 0) {
        alert.put(k, VALUES[rnd.nextInt(VALUES.length)]);
      }
    }
    return alert;
  }

  private static List<Integer> positions(RouteNode node) {
    List<Integer> out = new ArrayList<>();
    for (RouteNode n = node; n != null; n = n.parent()) {
      out.add(0, n.position());
    }
    return out;
  }

  // ---- the semantics, read literally ----

  private static List<List<Integer>> naive(List<NotificationPolicy> top, Map<String, String> alert) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      NotificationPolicy p = top.get(i);
      if (matches(p, alert)) {
        collect(p, List.of(i), alert, out);
        if (Boolean.FALSE.equals(p.continueMatching())) {
          break;
        }
      }
    }
    return out;
  }

  private static void collect(NotificationPolicy p, List<Integer> path, Map<String, String> alert,
      List<List<Integer>> out) {
    int before = out.size();
    for (int j = 0; j < p.routes().size(); j++) {
      NotificationPolicy child = p.routes().get(j);
      if (matches(child, alert)) {
        List<Integer> childPath = new ArrayList<>(path);
        childPath.add(j);
        collect(child, childPath, alert, out);
        if (!Boolean.TRUE.equals(child.continueMatching())) {
          break;
        }
      }
    }
    if (out.size() == before) {
      out.add(path);
    }
  }

  private static boolean matches(NotificationPolicy p, Map<String, String> alert) {
    if (p.matchingRules().isEmpty()) {
      return true;
    }
    return p.matchingRules().stream()
        .anyMatch(rule -> rule.conditions().stream().allMatch(c -> holds(c, alert)));
  }

  private static boolean holds(Condition c, Map<String, String> alert) {
    String v = alert.getOrDefault(c.key(), "");
    boolean positive = switch (c.op()) {
      case EQ, NEQ -> v.equals(c.value());
      case IN, NIN -> c.values().contains(v);
      case RE, NRE -> v.matches(c.value());
    };
    return c.op().isNegative() != positive;
  }
}
