package io.github.alertrouter;

import java.util.List;

/**
 * A group's flush, stage by stage, in one place (Alertmanager's {@code PipelineBuilder}):
 *
 * <pre>
 * HoldOutsideWindow ─► TimeMute ─► Mute (silences, inhibition) ─► DedupAgainstDelivered
 *   ─► Episode (escalation) ─► PlanMentions ─► Enqueue (per robot: identities, links, lane)
 * per robot lane (RobotLane): rate window / penalty ─► render ─► sign ─► send ─► classify ─► retry
 *   ─► Receipt: record DELIVERED (only now) ─► collect the resolved alerts once all were delivered
 * </pre>
 *
 * {@link Flusher} runs the timers and this list; each stage is a small class over the immutable
 * {@link Flush}.
 */
final class Pipeline {
  private final List<Stage> stages;

  Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Runs the stages in order; the verdict of the last one, or of the one that halted. */
  Stage.Verdict run(Flush flush) {
    Flush current = flush;
    for (Stage stage : stages) {
      Stage.Verdict verdict = stage.apply(current);
      if (verdict instanceof Stage.Halt) {
        return verdict;
      }
      current = ((Stage.Next) verdict).flush();
    }
    return new Stage.Next(current);
  }
}
