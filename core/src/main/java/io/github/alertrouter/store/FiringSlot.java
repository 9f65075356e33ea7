package io.github.alertrouter.store;

/**
 * Names one firing of an escalation policy within an episode: the identity by which a firing
 * fires at most once. Immutable and thread-safe.
 *
 * @param stepIndex the step's index in the policy, from 0
 * @param repeat 0 for the step's first firing, then 1 up to the step's repeat count
 * @param loop the round, 0 for the first, up to the policy's {@code loops}
 */
public record FiringSlot(int stepIndex, int repeat, int loop) {
  /** @throws IllegalArgumentException if a number is negative */
  public FiringSlot {
    if (stepIndex < 0 || repeat < 0 || loop < 0) {
      throw new IllegalArgumentException(
          "firing slot numbers must be >= 0, but were step " + stepIndex + ", repeat " + repeat + ", loop " + loop);
    }
  }
}
