package io.github.alertrouter.escalate;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.config.EscalationTrigger;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides which escalation firings are due for an episode, and when the next one will be. Pure:
 * the answer depends only on the arguments, so callers record what fired in the state and ask
 * again. The rules are in the {@linkplain io.github.alertrouter.escalate package docs}. Stateless
 * and thread-safe.
 */
public final class EscalationPlanner {
  private static final Comparator<EscalationFiring> ORDER =
      Comparator.comparing(EscalationFiring::dueAt).thenComparingInt(EscalationFiring::stepIndex);

  private EscalationPlanner() {}

  /**
   * The firings due at {@code now} that have not fired in this episode, ordered by when they were
   * scheduled, then by step: at most one per step (its latest one scheduled at or before now).
   * Empty when the episode is resolved.
   */
  public static List<EscalationFiring> due(EscalationPolicy policy, EscalationState state, Instant now) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    if (state.resolved()) {
      return List.of();
    }
    Duration elapsed = Duration.between(state.firstNoticeAt(), now);
    List<EscalationFiring> due = new ArrayList<>();
    for (int i = 0; i < policy.steps().size(); i++) {
      EscalationStep step = policy.steps().get(i);
      if (!armed(step, state)) {
        continue;
      }
      StepSchedule schedule = new StepSchedule(policy, i);
      FiringSlot slot = schedule.latestAtOrBefore(elapsed);
      if (slot != null && !state.hasFired(slot)) {
        due.add(new EscalationFiring(slot, step, state.firstNoticeAt().plus(schedule.offset(slot))));
      }
    }
    due.sort(ORDER);
    return List.copyOf(due);
  }

  /**
   * The next instant strictly after {@code now} at which a firing that has not fired becomes due,
   * or {@code null} when none will. Firings already due at {@code now} are {@link #due}'s answer,
   * not this one. While the group is acknowledged, {@code UNACKED} steps are left out: the caller
   * asks again when the state changes (unacknowledged), since the answer is for this state only.
   */
  public static Instant nextWake(EscalationPolicy policy, EscalationState state, Instant now) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    if (state.resolved()) {
      return null;
    }
    Duration elapsed = Duration.between(state.firstNoticeAt(), now);
    Duration earliest = null;
    for (int i = 0; i < policy.steps().size(); i++) {
      if (!armed(policy.steps().get(i), state)) {
        continue;
      }
      StepSchedule schedule = new StepSchedule(policy, i);
      FiringSlot slot = schedule.nextAfter(elapsed);
      // a firing recorded ahead of its time (a clock that moved back) is skipped, not waited for
      while (slot != null && state.hasFired(slot)) {
        slot = schedule.nextAfter(schedule.offset(slot));
      }
      if (slot != null && (earliest == null || schedule.offset(slot).compareTo(earliest) < 0)) {
        earliest = schedule.offset(slot);
      }
    }
    return earliest == null ? null : state.firstNoticeAt().plus(earliest);
  }

  private static boolean armed(EscalationStep step, EscalationState state) {
    return step.when() == EscalationTrigger.UNRESOLVED || !state.acknowledged();
  }

  /**
   * Every firing of an episode that starts at {@code start} and is never acknowledged or resolved,
   * in order, at most {@code max}: the plan the preview shows.
   */
  public static List<EscalationFiring> plan(EscalationPolicy policy, Instant start, int max) {
    List<EscalationFiring> out = new ArrayList<>();
    EscalationState state = EscalationState.start(start);
    Instant at = start;
    while (at != null && out.size() < max) {
      List<EscalationFiring> due = due(policy, state, at);
      out.addAll(due);
      state = state.withFired(EscalationFiring.slots(due), at);
      at = nextWake(policy, state, at);
    }
    return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
  }
}
