package io.github.alertrouter.config;

import java.util.List;

/**
 * Checks notification policies and their nested routes: references to robots, mention targets,
 * escalation policies and time intervals; repeatInterval and escalationPolicy never both on one
 * policy, and one of them on every top-level policy (nested routes may set neither: they
 * inherit); top-level policies named and uniquely so. Not thread-safe; one per validation.
 */
final class PolicyChecks {
  private final References refs;
  private final Provenance provenance;
  private final List<ConfigProblem> problems;

  PolicyChecks(References refs, Provenance provenance, List<ConfigProblem> problems) {
    this.refs = refs;
    this.provenance = provenance;
    this.problems = problems;
  }

  void checkTopLevel(List<NotificationPolicy> policies) {
    IdIndex names = new IdIndex(RouterConfigBinder.NOTIFICATION_POLICIES, "policy", "name", provenance);
    for (int i = 0; i < policies.size(); i++) {
      NotificationPolicy policy = policies.get(i);
      String path = provenance.path(policy, RouterConfigBinder.NOTIFICATION_POLICIES + "[" + i + "]");
      boolean partial = provenance.isPartial(policy);
      if (policy.name() == null || policy.name().isBlank()) {
        if (!partial) {
          problems.add(new ConfigProblem(path + ".name", "a top-level policy needs a name"));
        }
      } else {
        names.declare(policy.name(), path, problems);
      }
      if (!partial && policy.repeatInterval() == null && policy.escalationPolicy() == null) {
        problems.add(new ConfigProblem(path, "needs repeatInterval or escalationPolicy"));
      }
      check(policy, path);
    }
  }

  private void check(NotificationPolicy policy, String path) {
    if (policy.repeatInterval() != null && policy.escalationPolicy() != null) {
      problems.add(new ConfigProblem(path, "sets both repeatInterval and escalationPolicy; use one or the other"));
    }
    refs.escalationPolicies.reference(policy.escalationPolicy(), path + ".escalationPolicy", problems);
    refs.robots.references(policy.notifyRule().robots(), path + ".notifyRule.robots", problems);
    refs.mentions(policy.notifyRule().mention(), path + ".notifyRule.mention", problems);
    refs.timeIntervals.references(policy.muteTimeIntervals(), path + ".muteTimeIntervals", problems);
    refs.timeIntervals.references(policy.activeTimeIntervals(), path + ".activeTimeIntervals", problems);
    for (int i = 0; i < policy.routes().size(); i++) {
      NotificationPolicy route = policy.routes().get(i);
      check(route, provenance.path(route, path + ".routes[" + i + "]"));
    }
  }
}
