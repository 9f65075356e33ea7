package io.github.alertrouter.route;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Terse builders for routing tests. */
final class Policies {
  private Policies() {}

  /** A policy with one rule made of {@code conditions} (none: matches everything). */
  static NotificationPolicy.Builder policy(String name, Condition... conditions) {
    NotificationPolicy.Builder b = NotificationPolicy.builder(name);
    return conditions.length == 0 ? b : b.matching(conditions);
  }

  /** A policy whose rules are OR'ed. */
  static NotificationPolicy.Builder anyOf(String name, MatchingRule... rules) {
    return NotificationPolicy.builder(name).matchingRules(List.of(rules));
  }

  static List<NotificationPolicy> routes(NotificationPolicy.Builder... children) {
    List<NotificationPolicy> out = new ArrayList<>();
    for (NotificationPolicy.Builder c : children) {
      out.add(c.build());
    }
    return out;
  }

  static RoutingTree tree(NotificationPolicy.Builder... top) {
    return RoutingTree.compile(routes(top));
  }

  /** {@code labels("a", "1", "b", "2")}. */
  static Map<String, String> labels(String... kv) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The effective names of the matched nodes, in order. */
  static List<String> names(List<RouteMatch> matches) {
    List<String> out = new ArrayList<>();
    for (RouteMatch m : matches) {
      out.add(m.settings().name());
    }
    return out;
  }
}
