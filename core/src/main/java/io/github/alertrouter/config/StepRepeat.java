package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * Repeats an escalation step {@code count} more times, {@code every} apart. Immutable and
 * thread-safe.
 *
 * @param count repetitions after the step's first firing; {@code >= 1}
 * @param every time between two firings; {@code > 0}
 */
public record StepRepeat(int count, Duration every) {
  /**
   * Checks the count and the interval.
   *
   * @throws IllegalArgumentException when {@code count < 1} or {@code every} is not positive
   * @throws NullPointerException when {@code every} is null
   */
  public StepRepeat {
    if (count < 1) {
      throw new IllegalArgumentException("repeat count must be >= 1, but was " + count);
    }
    Objects.requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("repeat every must be > 0, but was " + Durations.format(every));
    }
  }
}
