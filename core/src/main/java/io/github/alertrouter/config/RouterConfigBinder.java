package io.github.alertrouter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds the document root: one list per top-level section. An element that fails to bind is left
 * out of its section (its problems are reported); the element's path and, when readable, its id
 * are recorded so the validator neither misplaces later elements nor calls references to it
 * unknown.
 */
final class RouterConfigBinder {
  static final String CONTACTS = "contacts";
  static final String CONTACT_GROUPS = "contactGroups";
  static final String ROBOTS = "robots";
  static final String SCHEDULES = "schedules";
  static final String ESCALATION_POLICIES = "escalationPolicies";
  static final String NOTIFICATION_POLICIES = "notificationPolicies";
  static final String SILENCES = "silences";
  static final String INHIBIT_RULES = "inhibitRules";
  static final String TIME_INTERVALS = "timeIntervals";

  private RouterConfigBinder() {}

  /** The sections bound so far; broken elements are left out (their problems are in the context). */
  static RouterConfig.Builder bind(Node root) {
    RouterConfig.Builder config = RouterConfig.builder();
    if (root.isPresent() && !root.isMap(CONTACTS, CONTACT_GROUPS, ROBOTS, SCHEDULES, ESCALATION_POLICIES,
        NOTIFICATION_POLICIES, SILENCES, INHIBIT_RULES, TIME_INTERVALS)) {
      return config;
    }
    section(root, CONTACTS, "id", ContactBinder::contact).forEach(config::contact);
    section(root, CONTACT_GROUPS, "id", ContactBinder::group).forEach(config::contactGroup);
    section(root, ROBOTS, "id", RobotBinder::robot).forEach(config::robot);
    section(root, SCHEDULES, "id", ScheduleBinder::schedule).forEach(config::schedule);
    section(root, ESCALATION_POLICIES, "id", EscalationBinder::policy).forEach(config::escalationPolicy);
    section(root, NOTIFICATION_POLICIES, "name", PolicyBinder::policy).forEach(config::notificationPolicy);
    section(root, SILENCES, "id", SilenceBinder::silence).forEach(config::silence);
    section(root, INHIBIT_RULES, null, SilenceBinder::inhibitRule).forEach(config::inhibitRule);
    section(root, TIME_INTERVALS, "name", TimeIntervalBinder::interval).forEach(config::timeInterval);
    return config;
  }

  private static <T> List<T> section(Node root, String name, String idField, Function<Node, T> binder) {
    List<T> out = new ArrayList<>();
    for (Node item : root.field(name).items()) {
      T element = binder.apply(item);
      if (element != null) {
        item.context().origin(element, item.path());
        out.add(element);
      } else if (idField != null) {
        item.context().broken(name, item.field(idField).peek(), item.path());
      }
    }
    return out;
  }
}
