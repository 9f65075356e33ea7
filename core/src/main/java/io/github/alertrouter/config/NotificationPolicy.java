package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A notification policy: which alerts (matching rules), how they are batched (group rule), where
 * and to whom they go (notify rule), and how often they are repeated ({@code repeatInterval}) or
 * escalated ({@code escalationPolicy}) — exactly one of the two at the top level.
 *
 * <p>Top-level policies behave like ARMS: every matching policy fires, {@code continue} defaults to
 * {@code true}. Nested {@code routes} behave like Alertmanager's routing tree: depth-first, the
 * first matching child wins unless it sets {@code continue: true}, a policy whose children all miss
 * matches itself, and unset fields ({@code null}) are inherited from the parent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the policy's name (the receiver, for routes imported from Alertmanager); nested
 *     routes may leave it {@code null} to inherit it
 * @param matchingRules OR of rules; empty matches every alert
 * @param groupRule grouping; never {@code null}, fields may be
 * @param notifyRule robots and mentions; never {@code null}, fields may be
 * @param repeatInterval how often a still-firing group is re-sent, or {@code null}
 * @param escalationPolicy id of an escalation policy used instead of repeating, or {@code null}
 * @param sendResolved whether to say when alerts resolve, or {@code null} (default {@code true})
 * @param continueMatching whether later siblings are still tried after this one matched, or
 *     {@code null} (default: {@code true} at the top level, {@code false} nested)
 * @param muteTimeIntervals names of time intervals when this policy is muted
 * @param activeTimeIntervals names of time intervals outside which this policy is muted
 * @param routes nested policies evaluated Alertmanager-style
 */
public record NotificationPolicy(
    String name,
    List<MatchingRule> matchingRules,
    GroupRule groupRule,
    NotifyRule notifyRule,
    Duration repeatInterval,
    String escalationPolicy,
    Boolean sendResolved,
    Boolean continueMatching,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<NotificationPolicy> routes) {

  /** Alertmanager's default {@code repeat_interval}. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  /**
   * Copies the lists (null meaning empty) and replaces a null group or notify rule by one that sets
   * nothing.
   *
   * @throws IllegalArgumentException when {@code repeatInterval} is not positive
   */
  public NotificationPolicy {
    matchingRules = List.copyOf(Objects.requireNonNullElse(matchingRules, List.of()));
    groupRule = Objects.requireNonNullElse(groupRule, GroupRule.INHERIT);
    notifyRule = Objects.requireNonNullElse(notifyRule, NotifyRule.INHERIT);
    if (repeatInterval != null && (repeatInterval.isNegative() || repeatInterval.isZero())) {
      throw new IllegalArgumentException("repeatInterval must be > 0, but was " + Durations.format(repeatInterval));
    }
    muteTimeIntervals = List.copyOf(Objects.requireNonNullElse(muteTimeIntervals, List.of()));
    activeTimeIntervals = List.copyOf(Objects.requireNonNullElse(activeTimeIntervals, List.of()));
    routes = List.copyOf(Objects.requireNonNullElse(routes, List.of()));
  }

  /**
   * Starts a builder for a policy with this name and nothing else set: it matches every alert,
   * groups and notifies by the inherited or default rules, as a YAML entry with only {@code name}.
   *
   * @param name the policy's name; {@code null} only for a nested route that inherits it
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder holding this policy's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .matchingRules(matchingRules)
        .groupRule(groupRule)
        .notifyRule(notifyRule)
        .repeatInterval(repeatInterval)
        .escalationPolicy(escalationPolicy)
        .sendResolved(sendResolved)
        .continueMatching(continueMatching)
        .muteTimeIntervals(muteTimeIntervals)
        .activeTimeIntervals(activeTimeIntervals)
        .routes(routes);
  }

  /**
   * Builds a {@link NotificationPolicy}; list-valued setters replace, {@link #matching} adds. Not
   * thread-safe.
   */
  public static final class Builder {
    private String name;
    private List<MatchingRule> matchingRules = List.of();
    private GroupRule groupRule = GroupRule.INHERIT;
    private NotifyRule notifyRule = NotifyRule.INHERIT;
    private Duration repeatInterval;
    private String escalationPolicy;
    private Boolean sendResolved;
    private Boolean continueMatching;
    private List<String> muteTimeIntervals = List.of();
    private List<String> activeTimeIntervals = List.of();
    private List<NotificationPolicy> routes = List.of();

    private Builder() {}

    /** The policy's name; {@code null} for a nested route that inherits its parent's. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Replaces the matching rules (OR of them); none matches every alert. */
    public Builder matchingRules(List<MatchingRule> matchingRules) {
      this.matchingRules = matchingRules;
      return this;
    }

    /** Adds one rule whose conditions must all hold. */
    public Builder matching(Condition... conditions) {
      this.matchingRules = new java.util.ArrayList<>(matchingRules);
      this.matchingRules.add(MatchingRule.of(conditions));
      return this;
    }

    /** How alerts are batched ({@link GroupRule#builder()}); default: everything inherited or defaulted. */
    public Builder groupRule(GroupRule groupRule) {
      this.groupRule = groupRule;
      return this;
    }

    /** Robots, mentions and window ({@link NotifyRule#builder()}); default: everything inherited. */
    public Builder notifyRule(NotifyRule notifyRule) {
      this.notifyRule = notifyRule;
      return this;
    }

    /**
     * How often a still-firing group is re-sent; {@code > 0}. {@code null} (the default) inherits;
     * a top-level policy needs this or {@link #escalationPolicy}.
     */
    public Builder repeatInterval(Duration repeatInterval) {
      this.repeatInterval = repeatInterval;
      return this;
    }

    /** Id of an escalation policy used instead of repeating; {@code null} (the default) means none. */
    public Builder escalationPolicy(String escalationPolicy) {
      this.escalationPolicy = escalationPolicy;
      return this;
    }

    /** Whether to say when alerts resolve; {@code null} (the default) inherits, {@code true} at the top level. */
    public Builder sendResolved(Boolean sendResolved) {
      this.sendResolved = sendResolved;
      return this;
    }

    /**
     * Whether later siblings are still tried after this policy matched (YAML {@code continue});
     * {@code null} (the default) means {@code true} at the top level, {@code false} nested.
     */
    public Builder continueMatching(Boolean continueMatching) {
      this.continueMatching = continueMatching;
      return this;
    }

    /** Replaces the names of the time intervals during which this policy is muted. */
    public Builder muteTimeIntervals(List<String> muteTimeIntervals) {
      this.muteTimeIntervals = muteTimeIntervals;
      return this;
    }

    /** Replaces the names of the time intervals outside which this policy is muted. */
    public Builder activeTimeIntervals(List<String> activeTimeIntervals) {
      this.activeTimeIntervals = activeTimeIntervals;
      return this;
    }

    /** Replaces the nested policies, evaluated Alertmanager-style. */
    public Builder routes(List<NotificationPolicy> routes) {
      this.routes = routes;
      return this;
    }

    /**
     * Builds the policy. References (robots, escalation policy, time intervals) and the
     * repeat-or-escalation rule are checked when the {@link RouterConfig} is built.
     *
     * @throws ConfigException when {@code repeatInterval} is not positive
     */
    public NotificationPolicy build() {
      return new BuildCheck("notification policy", name).build(() -> new NotificationPolicy(
          name, matchingRules, groupRule, notifyRule, repeatInterval, escalationPolicy,
          sendResolved, continueMatching, muteTimeIntervals, activeTimeIntervals, routes));
    }
  }
}
