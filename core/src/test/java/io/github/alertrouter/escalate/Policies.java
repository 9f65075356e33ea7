package io.github.alertrouter.escalate;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.config.EscalationTrigger;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.StepRepeat;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Shared fixtures over virtual minutes from {@link #T0}, the episode's first notice.
 *
 * <p>{@link #TWO_TIERS}: step 0 (UNACKED) at 10m, repeated at 15m and 20m; step 1 (UNRESOLVED) at
 * 30m. A round lasts 30m + 10m = 40m, so {@link #LOOPING} runs round 1 at 50, 55, 60 and 70.
 */
final class Policies {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  static final EscalationStep PRIMARY = new EscalationStep(Duration.ofMinutes(10), EscalationTrigger.UNACKED,
      List.of(MentionTarget.schedule("primary")), List.of(), new StepRepeat(2, Duration.ofMinutes(5)));
  static final EscalationStep MANAGER = new EscalationStep(Duration.ofMinutes(30), EscalationTrigger.UNRESOLVED,
      List.of(MentionTarget.contact("boss")), List.of(), null);

  static final EscalationPolicy TWO_TIERS = new EscalationPolicy("two-tiers", List.of(PRIMARY, MANAGER));
  static final EscalationPolicy LOOPING = new EscalationPolicy("looping", List.of(PRIMARY, MANAGER), 1);

  private Policies() {}

  static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  /** A slot written "step/repeat/loop". */
  static FiringSlot slot(String text) {
    int[] n = Arrays.stream(text.split("/")).mapToInt(Integer::parseInt).toArray();
    return new FiringSlot(n[0], n[1], n[2]);
  }

  /** A fresh episode with {@code slots} ("step/repeat/loop") recorded as fired at their own minute 0. */
  static EscalationState fired(String... slots) {
    EscalationState state = EscalationState.start(T0);
    for (String text : slots) {
      FiringSlot slot = slot(text);
      state = state.withFired(List.of(slot), T0);
    }
    return state;
  }

  /** Firings written "step/repeat/loop@minute". */
  static List<String> describe(List<EscalationFiring> firings) {
    return firings.stream()
        .map(f -> f.stepIndex() + "/" + f.repeat() + "/" + f.loop() + "@"
            + Duration.between(T0, f.dueAt()).toMinutes())
        .toList();
  }
}
