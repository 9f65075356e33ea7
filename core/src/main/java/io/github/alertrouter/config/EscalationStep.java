package io.github.alertrouter.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One tier: {@code after} the group's first notice, while {@code when} holds, notify
 * {@code targets} (YAML key {@code notify}) (through {@code robots}, or the policy's robots when empty), optionally repeated.
 * Immutable and thread-safe.
 *
 * @param after delay from the first notification; >= 0
 * @param when the condition that keeps the step armed
 * @param targets who to @mention (YAML key {@code notify}); not empty
 * @param robots robot ids; empty means the policy's robots
 * @param repeat repetition, or {@code null}
 */
public record EscalationStep(
    Duration after, EscalationTrigger when, List<MentionTarget> targets, List<String> robots, StepRepeat repeat) {
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
}
