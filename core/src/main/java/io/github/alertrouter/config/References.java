package io.github.alertrouter.config;

import java.util.List;

/** The id indexes that references point into, and the check of mention targets against them. */
final class References {
  final IdIndex contacts;
  final IdIndex groups;
  final IdIndex robots;
  final IdIndex schedules;
  final IdIndex escalationPolicies;
  final IdIndex timeIntervals;

  References(Provenance provenance) {
    contacts = new IdIndex(RouterConfigBinder.CONTACTS, "contact", "id", provenance);
    groups = new IdIndex(RouterConfigBinder.CONTACT_GROUPS, "contact group", "id", provenance);
    robots = new IdIndex(RouterConfigBinder.ROBOTS, "robot", "id", provenance);
    schedules = new IdIndex(RouterConfigBinder.SCHEDULES, "schedule", "id", provenance);
    escalationPolicies = new IdIndex(RouterConfigBinder.ESCALATION_POLICIES, "escalation policy", "id", provenance);
    timeIntervals = new IdIndex(RouterConfigBinder.TIME_INTERVALS, "time interval", "name", provenance);
  }

  /** Checks {@code contact:}, {@code group:} and {@code schedule:} targets; the others name no config id. */
  void mentions(List<MentionTarget> targets, String path, List<ConfigProblem> problems) {
    if (targets == null) {
      return;
    }
    for (int i = 0; i < targets.size(); i++) {
      MentionTarget target = targets.get(i);
      String at = path + "[" + i + "]";
      switch (target.kind()) {
        case CONTACT -> contacts.reference(target.ref(), at, problems);
        case GROUP -> groups.reference(target.ref(), at, problems);
        case SCHEDULE -> schedules.reference(target.ref(), at, problems);
        default -> { }
      }
    }
  }
}
