package io.github.alertrouter.internal.config;

import io.github.alertrouter.config.*;
import java.util.List;

/** Placeholder until the validator lands (helper B owns this file). */
public final class ConfigValidator {
  private ConfigValidator() {}

  public static List<ConfigProblem> validate(
      List<Contact> contacts, List<ContactGroup> contactGroups, List<Robot> robots,
      List<Schedule> schedules, List<EscalationPolicy> escalationPolicies,
      List<NotificationPolicy> notificationPolicies, List<Silence> silences,
      List<InhibitRule> inhibitRules, List<TimeInterval> timeIntervals) {
    return List.of();
  }
}
