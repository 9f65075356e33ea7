package io.github.alertrouter.escalate;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A firing that is due: which step, which repeat and round, and when it was scheduled (which is
 * earlier than now when it fires late). Immutable and thread-safe.
 *
 * @param slot the firing's identity within the episode
 * @param step the step to notify
 * @param dueAt when the firing was scheduled
 */
public record EscalationFiring(FiringSlot slot, EscalationStep step, Instant dueAt) {
  public EscalationFiring {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(dueAt, "dueAt");
  }

  /** The slots of {@code firings}, in order: what an {@link EscalationState} records as fired. */
  public static List<FiringSlot> slots(Collection<EscalationFiring> firings) {
    return firings.stream().map(EscalationFiring::slot).toList();
  }

  /** The step's index in the policy, from 0. */
  public int stepIndex() {
    return slot.stepIndex();
  }

  /** 0 for the step's first firing, then 1 up to the step's repeat count. */
  public int repeat() {
    return slot.repeat();
  }

  /** The round, 0 for the first. */
  public int loop() {
    return slot.loop();
  }

  /**
   * Describes the firing for a message, counting from 1: {@code "escalation step 2 of 3"}, then
   * {@code ", round 2 of 3"} when the policy loops and {@code " (repeat 1 of 2)"} for a repeat.
   *
   * @param policy the policy the firing belongs to
   */
  public String describe(EscalationPolicy policy) {
    StringBuilder text = new StringBuilder("escalation step ")
        .append(stepIndex() + 1).append(" of ").append(policy.steps().size());
    if (policy.loops() > 0) {
      text.append(", round ").append(loop() + 1).append(" of ").append(policy.loops() + 1);
    }
    if (repeat() > 0) {
      text.append(" (repeat ").append(repeat()).append(" of ").append(step.repeat().count()).append(')');
    }
    return text.toString();
  }
}
