package io.github.alertrouter.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One tier: {@code after} the group's first notice, while {@code when} holds, notify
 * {@code targets} (YAML key {@code notify}) (through {@code robots}, or the policy's robots when empty), optionally repeated.
 * Immutable and thread-safe. Build one in code with {@link #builder}.
 *
 * @param after delay from the first notification; >= 0
 * @param when the condition that keeps the step armed
 * @param targets who to @mention (YAML key {@code notify}); not empty
 * @param robots robot ids; empty means the policy's robots
 * @param repeat repetition, or {@code null}
 */
public record EscalationStep(
    Duration after, EscalationTrigger when, List<MentionTarget> targets, List<String> robots, StepRepeat repeat) {
  /**
   * Checks the delay, the trigger and the targets and copies the lists (null robots meaning the
   * policy's).
   *
   * @throws IllegalArgumentException when {@code after} is negative or there is no target
   * @throws NullPointerException when {@code after} or {@code when} is null
   */
  public EscalationStep {
    Objects.requireNonNull(after, "after");
    GroupRule.requireNotNegative(after, "after");
    Objects.requireNonNull(when, "when");
    targets = List.copyOf(Objects.requireNonNullElse(targets, List.of()));
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("escalation step notify must not be empty");
    }
    robots = List.copyOf(Objects.requireNonNullElse(robots, List.of()));
  }

  /**
   * Starts a builder for a step through the policy's robots, not repeated.
   *
   * @param after delay from the group's first notice; {@code >= 0}
   * @param when what keeps the step armed
   * @param notify who to @mention, in the YAML form ({@code "schedule:primary"}, {@code "group:sre"},
   *     ...); at least one
   */
  public static Builder builder(Duration after, EscalationTrigger when, String... notify) {
    return new Builder(after, when).targets(notify);
  }

  /** A builder holding this step's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(after, when).targets(targets.stream().map(MentionTarget::toString).toArray(String[]::new))
        .robots(robots).repeat(repeat);
  }

  /** Builds an {@link EscalationStep}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final Duration after;
    private final EscalationTrigger when;
    private List<String> targets = List.of();
    private List<String> robots;
    private Integer repeatCount;
    private Duration repeatEvery;

    private Builder(Duration after, EscalationTrigger when) {
      this.after = after;
      this.when = when;
    }

    /** Replaces who to @mention (YAML key {@code notify}), in the YAML form; at least one. */
    public Builder targets(String... targets) {
      this.targets = targets == null ? List.of() : Arrays.asList(targets);
      return this;
    }

    /** The robots this step sends through, replacing any set before; none (the default) means the policy's. */
    public Builder robots(String... robots) {
      return robots(robots == null ? null : Arrays.asList(robots));
    }

    /** Like {@link #robots(String...)}; {@code null} means the policy's robots. */
    public Builder robots(List<String> robots) {
      this.robots = robots;
      return this;
    }

    /**
     * Repeats the step {@code count} more times, {@code every} apart, while {@code when} holds;
     * by default a step fires once.
     *
     * @param count repetitions after the first; {@code >= 1}
     * @param every time between two; {@code > 0}
     */
    public Builder repeat(int count, Duration every) {
      this.repeatCount = count;
      this.repeatEvery = every;
      return this;
    }

    /** Like {@link #repeat(int, Duration)}; {@code null} means not repeated. */
    public Builder repeat(StepRepeat repeat) {
      this.repeatCount = repeat == null ? null : repeat.count();
      this.repeatEvery = repeat == null ? null : repeat.every();
      return this;
    }

    /**
     * Builds the step.
     *
     * @throws ConfigException naming each field that is wrong: a missing or negative {@code after},
     *     a missing {@code when}, no or a malformed target ({@code notify[0]}), an empty robot id, a
     *     bad {@code repeat}
     */
    public EscalationStep build() {
      BuildCheck check = new BuildCheck("escalation step", null).required("after", after).required("when", when)
          .notEmpty("notify", targets, "name at least one target").ids("robots", robots);
      List<MentionTarget> parsed = check.mentions("notify", targets);
      StepRepeat repeat = null;
      if (repeatCount != null) {
        try {
          repeat = new StepRepeat(repeatCount, repeatEvery);
        } catch (IllegalArgumentException | NullPointerException e) {
          check.problem("repeat", repeatEvery == null ? "every is required" : e.getMessage());
        }
      }
      StepRepeat built = repeat;
      return check.build(() -> new EscalationStep(after, when, parsed, robots, built));
    }
  }
}
