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

  static Sections bind(Node root) {
    if (root.isPresent() && !root.isMap(CONTACTS, CONTACT_GROUPS, ROBOTS, SCHEDULES, ESCALATION_POLICIES,
        NOTIFICATION_POLICIES, SILENCES, INHIBIT_RULES, TIME_INTERVALS)) {
      return new Sections(null, null, null, null, null, null, null, null, null);
    }
    return new Sections(
        section(root, CONTACTS, "id", ContactBinder::contact),
        section(root, CONTACT_GROUPS, "id", ContactBinder::group),
        section(root, ROBOTS, "id", RobotBinder::robot),
        section(root, SCHEDULES, "id", ScheduleBinder::schedule),
        section(root, ESCALATION_POLICIES, "id", EscalationBinder::policy),
        section(root, NOTIFICATION_POLICIES, "name", PolicyBinder::policy),
        section(root, SILENCES, "id", SilenceBinder::silence),
        section(root, INHIBIT_RULES, null, SilenceBinder::inhibitRule),
        section(root, TIME_INTERVALS, "name", TimeIntervalBinder::interval));
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
