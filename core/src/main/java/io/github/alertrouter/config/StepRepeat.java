package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * Repeats an escalation step {@code count} more times, {@code every} apart. Immutable and
 * thread-safe.
 */
public record StepRepeat(int count, Duration every) {
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
