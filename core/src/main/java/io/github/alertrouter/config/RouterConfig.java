package io.github.alertrouter.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole router configuration. A {@code RouterConfig} is always valid: the constructor checks
 * every cross-reference (robots, contacts, groups, schedules, escalation policies, time
 * intervals), unique ids and the repeat-or-escalation rule, and throws a {@link ConfigException}
 * listing all problems with their paths. Immutable and thread-safe.
 */
public record RouterConfig(
    List<Contact> contacts,
    List<ContactGroup> contactGroups,
    List<Robot> robots,
    List<Schedule> schedules,
    List<EscalationPolicy> escalationPolicies,
    List<NotificationPolicy> notificationPolicies,
    List<Silence> silences,
    List<InhibitRule> inhibitRules,
    List<TimeInterval> timeIntervals) {

  /**
   * Copies the sections (null meaning empty) and validates the whole configuration.
   *
   * @throws ConfigException listing every problem with its path
   */
  public RouterConfig {
    contacts = copy(contacts);
    contactGroups = copy(contactGroups);
    robots = copy(robots);
    schedules = copy(schedules);
    escalationPolicies = copy(escalationPolicies);
    notificationPolicies = copy(notificationPolicies);
    silences = copy(silences);
    inhibitRules = copy(inhibitRules);
    timeIntervals = copy(timeIntervals);
    List<ConfigProblem> problems =
        ConfigValidator.validate(
            contacts, contactGroups, robots, schedules, escalationPolicies,
            notificationPolicies, silences, inhibitRules, timeIntervals);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** An empty configuration: no policies, nothing routed. */
  public static RouterConfig empty() {
    return builder().build();
  }

  /**
   * Loads a YAML ({@code .yaml}/{@code .yml}) or JSON ({@code .json}) file, substituting
   * {@code ${VAR}} from the process environment.
   *
   * @throws ConfigException listing every problem with its path; nothing is half-loaded
   */
  public static RouterConfig load(Path file) {
    return ConfigLoader.load(file, System.getenv());
  }

  /** Like {@link #load(Path)} with {@code ${VAR}} taken from {@code environment}. */
  public static RouterConfig load(Path file, Map<String, String> environment) {
    return ConfigLoader.load(file, environment);
  }

  /**
   * Parses configuration text: JSON when {@code source} ends in {@code .json}, YAML otherwise.
   * {@code ${VAR}} in string values is taken from {@code environment} (<code>$${</code> is a literal
   * <code>${</code>); {@code source} names the text in error messages and may be {@code null}.
   *
   * @throws ConfigException listing every problem with its path, in document order; no message
   *     quotes a robot's webhook or secret
   */
  public static RouterConfig parse(String text, String source, Map<String, String> environment) {
    return ConfigLoader.parse(text, source, environment);
  }

  /**
   * {@link #parse(String, String, Map)} for text read from a file in {@code baseDir}: the template
   * files a Go template names ({@code files}) are read relative to it, as
   * {@link #load(java.nio.file.Path, Map)} reads them relative to the file's directory;
   * {@code null} means the working directory.
   *
   * @throws ConfigException listing every problem with its path, in document order
   */
  public static RouterConfig parse(String text, String source, Map<String, String> environment,
      java.nio.file.Path baseDir) {
    return ConfigLoader.parse(text, source, environment, baseDir);
  }

  /** Starts a builder with every section empty; {@link Builder#build()} validates. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's sections, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.contacts.addAll(contacts);
    b.contactGroups.addAll(contactGroups);
    b.robots.addAll(robots);
    b.schedules.addAll(schedules);
    b.escalationPolicies.addAll(escalationPolicies);
    b.notificationPolicies.addAll(notificationPolicies);
    b.silences.addAll(silences);
    b.inhibitRules.addAll(inhibitRules);
    b.timeIntervals.addAll(timeIntervals);
    return b;
  }

  private static <T> List<T> copy(List<T> list) {
    return List.copyOf(Objects.requireNonNullElse(list, List.of()));
  }

  /** Collects the parts of a {@link RouterConfig}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final List<Contact> contacts = new ArrayList<>();
    private final List<ContactGroup> contactGroups = new ArrayList<>();
    private final List<Robot> robots = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<EscalationPolicy> escalationPolicies = new ArrayList<>();
    private final List<NotificationPolicy> notificationPolicies = new ArrayList<>();
    private final List<Silence> silences = new ArrayList<>();
    private final List<InhibitRule> inhibitRules = new ArrayList<>();
    private final List<TimeInterval> timeIntervals = new ArrayList<>();

    private Builder() {}

    /** Adds a contact ({@link Contact#builder}). */
    public Builder contact(Contact contact) {
      contacts.add(contact);
      return this;
    }

    /** Adds a contact group ({@link ContactGroup#of}). */
    public Builder contactGroup(ContactGroup group) {
      contactGroups.add(group);
      return this;
    }

    /** Adds a robot ({@link Robot#builder}). */
    public Builder robot(Robot robot) {
      robots.add(robot);
      return this;
    }

    /** Adds an on-call schedule ({@link Schedule#builder}). */
    public Builder schedule(Schedule schedule) {
      schedules.add(schedule);
      return this;
    }

    /** Adds an escalation policy ({@link EscalationPolicy#builder}). */
    public Builder escalationPolicy(EscalationPolicy policy) {
      escalationPolicies.add(policy);
      return this;
    }

    /** Adds a notification policy after those added before ({@link NotificationPolicy#builder}). */
    public Builder notificationPolicy(NotificationPolicy policy) {
      notificationPolicies.add(policy);
      return this;
    }

    /** Adds a silence ({@link Silence#builder}). */
    public Builder silence(Silence silence) {
      silences.add(silence);
      return this;
    }

    /** Adds an inhibit rule ({@link InhibitRule#builder()}). */
    public Builder inhibitRule(InhibitRule rule) {
      inhibitRules.add(rule);
      return this;
    }

    /** Adds a named time interval ({@link TimeInterval#of}). */
    public Builder timeInterval(TimeInterval interval) {
      timeIntervals.add(interval);
      return this;
    }

    /**
     * What {@link #build} would refuse, with each element's path as {@code provenance} recorded it
     * (a loaded document whose broken elements were left out). Never throws.
     */
    List<ConfigProblem> problems(Provenance provenance) {
      return ConfigValidator.validate(
          contacts, contactGroups, robots, schedules, escalationPolicies,
          notificationPolicies, silences, inhibitRules, timeIntervals, provenance);
    }

    /**
     * Builds and validates.
     *
     * @throws ConfigException listing every problem with its path
     */
    public RouterConfig build() {
      return new RouterConfig(
          contacts, contactGroups, robots, schedules, escalationPolicies,
          notificationPolicies, silences, inhibitRules, timeIntervals);
    }
  }
}
