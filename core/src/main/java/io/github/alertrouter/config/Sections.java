package io.github.alertrouter.config;

import java.util.List;

/**
 * The top-level sections of a configuration before they are known to be valid together: what the
 * binder produces and the validator checks. A {@link RouterConfig} is one that passed.
 */
record Sections(
    List<Contact> contacts,
    List<ContactGroup> contactGroups,
    List<Robot> robots,
    List<Schedule> schedules,
    List<EscalationPolicy> escalationPolicies,
    List<NotificationPolicy> notificationPolicies,
    List<Silence> silences,
    List<InhibitRule> inhibitRules,
    List<TimeInterval> timeIntervals) {

  Sections {
    contacts = copy(contacts);
    contactGroups = copy(contactGroups);
    robots = copy(robots);
    schedules = copy(schedules);
    escalationPolicies = copy(escalationPolicies);
    notificationPolicies = copy(notificationPolicies);
    silences = copy(silences);
    inhibitRules = copy(inhibitRules);
    timeIntervals = copy(timeIntervals);
  }

  /** Builds the config; its constructor validates it. */
  RouterConfig toConfig() {
    return new RouterConfig(contacts, contactGroups, robots, schedules, escalationPolicies,
        notificationPolicies, silences, inhibitRules, timeIntervals);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
