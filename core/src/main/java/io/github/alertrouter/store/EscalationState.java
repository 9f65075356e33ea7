package io.github.alertrouter.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one episode of an alert group stands: when its first notice went out, which firings
 * happened, whether it is acknowledged, whether it resolved. Each change returns a new state.
 * Immutable and thread-safe.
 *
 * @param firstNoticeAt when the episode's first notice went out; escalation is measured from it
 * @param fired each firing that happened, with when it went out
 * @param acknowledgedBy who acknowledged the group, or {@code null} when it is not acknowledged
 * @param acknowledgedAt when, or {@code null} when it is not acknowledged; set together with
 *     {@code acknowledgedBy}
 * @param resolved whether the group resolved; nothing is due afterwards
 */
public record EscalationState(
    Instant firstNoticeAt, Map<FiringSlot, Instant> fired, String acknowledgedBy, Instant acknowledgedAt,
    boolean resolved) {
  /**
   * Copies {@code fired}; a {@code null} map counts as empty.
   *
   * @throws IllegalArgumentException if only one of {@code acknowledgedBy} and {@code acknowledgedAt} is set
   * @throws NullPointerException if {@code firstNoticeAt} is null
   */
  public EscalationState {
    Objects.requireNonNull(firstNoticeAt, "firstNoticeAt");
    fired = Map.copyOf(Objects.requireNonNullElse(fired, Map.of()));
    if ((acknowledgedBy == null) != (acknowledgedAt == null)) {
      throw new IllegalArgumentException("acknowledgedBy and acknowledgedAt must be set together, but were "
          + acknowledgedBy + " and " + acknowledgedAt);
    }
  }

  /** A new episode whose first notice went out at {@code firstNoticeAt}. */
  public static EscalationState start(Instant firstNoticeAt) {
    return new EscalationState(firstNoticeAt, Map.of(), null, null, false);
  }

  /** Whether the group is acknowledged now. */
  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  /** Whether {@code slot} has fired in this episode. */
  public boolean hasFired(FiringSlot slot) {
    return fired.containsKey(slot);
  }

  /** This state with {@code slots} recorded as fired at {@code at}; a slot already fired keeps its time. */
  public EscalationState withFired(Collection<FiringSlot> slots, Instant at) {
    Objects.requireNonNull(at, "at");
    Map<FiringSlot, Instant> next = new HashMap<>(fired);
    for (FiringSlot slot : slots) {
      next.putIfAbsent(slot, at);
    }
    return new EscalationState(firstNoticeAt, next, acknowledgedBy, acknowledgedAt, resolved);
  }

  /** This state acknowledged by {@code by} at {@code at}; a second acknowledgement replaces the first. */
  public EscalationState acknowledge(String by, Instant at) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    return new EscalationState(firstNoticeAt, fired, by, at, resolved);
  }

  /** This state no longer acknowledged; held-back firings may then be due (see the package docs). */
  public EscalationState unacknowledge() {
    return new EscalationState(firstNoticeAt, fired, null, null, resolved);
  }

  /** This state resolved: nothing is due any more. */
  public EscalationState resolve() {
    return new EscalationState(firstNoticeAt, fired, acknowledgedBy, acknowledgedAt, true);
  }
}
