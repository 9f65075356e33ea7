package io.github.alertrouter.config;

import io.github.alertrouter.oncall.LayerOverlaps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks what no single record can: unique ids per section, that every reference names something
 * declared (with a "did you mean"), the repeat-or-escalation rule, names of top-level policies,
 * the range syntax of time periods, and that layers of a schedule with {@code disallowOverlap} do
 * not overlap. Collects every problem with its path; never throws.
 * {@link io.github.alertrouter.config.RouterConfig}'s constructor calls it, so configs built in
 * code get the same checks as loaded ones. Stateless and thread-safe.
 */
final class ConfigValidator {
  private ConfigValidator() {}

  /** Every problem of these sections, in section order; empty when they form a valid config. */
  public static List<ConfigProblem> validate(
      List<Contact> contacts, List<ContactGroup> contactGroups, List<Robot> robots,
      List<Schedule> schedules, List<EscalationPolicy> escalationPolicies,
      List<NotificationPolicy> notificationPolicies, List<Silence> silences,
      List<InhibitRule> inhibitRules, List<TimeInterval> timeIntervals) {
    return validate(contacts, contactGroups, robots, schedules, escalationPolicies,
        notificationPolicies, silences, inhibitRules, timeIntervals, Provenance.NONE);
  }

  static List<ConfigProblem> validate(
      List<Contact> contacts, List<ContactGroup> contactGroups, List<Robot> robots,
      List<Schedule> schedules, List<EscalationPolicy> escalationPolicies,
      List<NotificationPolicy> notificationPolicies, List<Silence> silences,
      List<InhibitRule> inhibitRules, List<TimeInterval> timeIntervals, Provenance provenance) {
    List<ConfigProblem> problems = new ArrayList<>();
    References refs = new References(provenance);
    declare(refs.contacts, contacts, RouterConfigBinder.CONTACTS, Contact::id, provenance, problems);
    declare(refs.groups, contactGroups, RouterConfigBinder.CONTACT_GROUPS, ContactGroup::id, provenance, problems);
    declare(refs.robots, robots, RouterConfigBinder.ROBOTS, Robot::id, provenance, problems);
    declare(refs.schedules, schedules, RouterConfigBinder.SCHEDULES, Schedule::id, provenance, problems);
    declare(refs.escalationPolicies, escalationPolicies, RouterConfigBinder.ESCALATION_POLICIES,
        EscalationPolicy::id, provenance, problems);
    declare(refs.timeIntervals, timeIntervals, RouterConfigBinder.TIME_INTERVALS, TimeInterval::name,
        provenance, problems);
    IdIndex silenceIds = new IdIndex(RouterConfigBinder.SILENCES, "silence", "id", provenance);
    declare(silenceIds, silences, RouterConfigBinder.SILENCES, Silence::id, provenance, problems);

    for (int i = 0; i < contactGroups.size(); i++) {
      ContactGroup group = contactGroups.get(i);
      String path = provenance.path(group, RouterConfigBinder.CONTACT_GROUPS + "[" + i + "]");
      refs.contacts.references(group.members(), path + ".members", problems);
    }
    for (int i = 0; i < schedules.size(); i++) {
      Schedule schedule = schedules.get(i);
      String path = provenance.path(schedule, RouterConfigBinder.SCHEDULES + "[" + i + "]");
      checkSchedule(schedule, path, refs, problems);
      if (schedule.disallowOverlap() && !provenance.isPartial(schedule)) {
        for (LayerOverlaps.Overlap overlap : LayerOverlaps.overlaps(schedule)) {
          problems.add(new ConfigProblem(path + ".layers[" + overlap.later() + "]", overlap.description()));
        }
      }
    }
    for (int i = 0; i < escalationPolicies.size(); i++) {
      EscalationPolicy policy = escalationPolicies.get(i);
      String path = provenance.path(policy, RouterConfigBinder.ESCALATION_POLICIES + "[" + i + "]");
      for (int j = 0; j < policy.steps().size(); j++) {
        EscalationStep step = policy.steps().get(j);
        String stepPath = path + ".steps[" + j + "]";
        refs.mentions(step.targets(), stepPath + ".notify", problems);
        refs.robots.references(step.robots(), stepPath + ".robots", problems);
      }
    }
    new PolicyChecks(refs, provenance, problems).checkTopLevel(notificationPolicies);
    for (int i = 0; i < timeIntervals.size(); i++) {
      TimeInterval interval = timeIntervals.get(i);
      String path = provenance.path(interval, RouterConfigBinder.TIME_INTERVALS + "[" + i + "]");
      for (int j = 0; j < interval.periods().size(); j++) {
        checkPeriod(interval.periods().get(j), path + ".periods[" + j + "]", problems);
      }
    }
    return problems;
  }

  private static <T> void declare(IdIndex index, List<T> elements, String section, Function<T, String> id,
      Provenance provenance, List<ConfigProblem> problems) {
    for (int i = 0; i < elements.size(); i++) {
      T element = elements.get(i);
      index.declare(id.apply(element), provenance.path(element, section + "[" + i + "]"), problems);
    }
  }

  private static void checkSchedule(Schedule schedule, String path, References refs, List<ConfigProblem> problems) {
    refs.robots.reference(schedule.handoffRobot(), path + ".handoffRobot", problems);
    for (int j = 0; j < schedule.layers().size(); j++) {
      ScheduleLayer layer = schedule.layers().get(j);
      refs.contacts.references(layer.members(), path + ".layers[" + j + "].members", problems);
    }
    for (int j = 0; j < schedule.overrides().size(); j++) {
      refs.contacts.reference(schedule.overrides().get(j).contact(), path + ".overrides[" + j + "].contact", problems);
    }
  }

  private static void checkPeriod(TimePeriod period, String path, List<ConfigProblem> problems) {
    checkEach(period.times(), path + ".times", TimePeriodSyntax::time, problems);
    checkEach(period.weekdays(), path + ".weekdays", TimePeriodSyntax::weekday, problems);
    checkEach(period.daysOfMonth(), path + ".daysOfMonth", TimePeriodSyntax::dayOfMonth, problems);
    checkEach(period.months(), path + ".months", TimePeriodSyntax::month, problems);
    checkEach(period.years(), path + ".years", TimePeriodSyntax::year, problems);
    try {
      Values.zone(period.location());
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(path + ".location", e.getMessage()));
    }
  }

  private static void checkEach(List<String> values, String path, Function<String, String> check,
      List<ConfigProblem> problems) {
    for (int i = 0; i < values.size(); i++) {
      String message = check.apply(values.get(i));
      if (message != null) {
        problems.add(new ConfigProblem(path + "[" + i + "]", message));
      }
    }
  }
}
