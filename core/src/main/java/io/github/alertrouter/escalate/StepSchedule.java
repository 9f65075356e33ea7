package io.github.alertrouter.escalate;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.store.FiringSlot;
import java.time.Duration;

/**
 * One step's firings as offsets from the episode's first notice: round {@code l}, repeat {@code k}
 * at {@code l * roundLength + after + k * every}. Offsets grow strictly with (round, repeat), because
 * a round is longer than its last firing's offset (the policy guarantees a positive pause when it
 * loops); so the latest and next firings have closed forms, however many rounds there are.
 */
final class StepSchedule {
  private final int stepIndex;
  private final Duration after;
  private final int count;
  private final Duration every;
  private final int loops;
  private final Duration round;

  StepSchedule(EscalationPolicy policy, int stepIndex) {
    EscalationStep step = policy.steps().get(stepIndex);
    this.stepIndex = stepIndex;
    this.after = step.after();
    this.count = step.repeat() == null ? 0 : step.repeat().count();
    this.every = step.repeat() == null ? null : step.repeat().every();
    this.loops = policy.loops();
    this.round = policy.roundLength();
  }

  Duration offset(FiringSlot slot) {
    Duration offset = round.multipliedBy(slot.loop()).plus(after);
    return slot.repeat() == 0 ? offset : offset.plus(every.multipliedBy(slot.repeat()));
  }

  /** The last firing at or before {@code elapsed}, or null when none is. */
  FiringSlot latestAtOrBefore(Duration elapsed) {
    if (elapsed.compareTo(after) < 0) {
      return null;
    }
    int loop = (int) Math.min(loops, roundOf(elapsed));
    Duration intoRound = elapsed.minus(round.multipliedBy(loop));
    if (intoRound.compareTo(after) < 0) {
      return new FiringSlot(stepIndex, count, loop - 1); // loop > 0: round 0 started before elapsed
    }
    int repeat = count == 0 ? 0 : (int) Math.min(count, intoRound.minus(after).dividedBy(every));
    return new FiringSlot(stepIndex, repeat, loop);
  }

  /** The first firing strictly after {@code elapsed}, or null when none is. */
  FiringSlot nextAfter(Duration elapsed) {
    if (elapsed.compareTo(after) < 0) {
      return new FiringSlot(stepIndex, 0, 0);
    }
    long loop = roundOf(elapsed);
    if (loop > loops) {
      return null;
    }
    Duration intoRound = elapsed.minus(round.multipliedBy(loop));
    if (intoRound.compareTo(after) < 0) {
      return new FiringSlot(stepIndex, 0, (int) loop);
    }
    long repeat = count == 0 ? 1 : intoRound.minus(after).dividedBy(every) + 1;
    if (repeat <= count) {
      return new FiringSlot(stepIndex, (int) repeat, (int) loop);
    }
    return loop < loops ? new FiringSlot(stepIndex, 0, (int) loop + 1) : null;
  }

  /** The round {@code elapsed} (>= 0) falls in; 0 when the policy does not loop. */
  private long roundOf(Duration elapsed) {
    return loops == 0 ? 0 : elapsed.dividedBy(round);
  }
}
