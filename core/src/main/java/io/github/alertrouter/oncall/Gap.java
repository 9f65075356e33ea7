package io.github.alertrouter.oncall;

import java.time.Instant;
import java.util.Objects;

/**
 * A time with nobody on duty, from {@code start} (inclusive) to {@code end} (exclusive).
 * Immutable and thread-safe.
 *
 * @param start the first instant nobody is on duty
 * @param end the first instant someone is again
 */
public record Gap(Instant start, Instant end) {
  /**
   * @throws IllegalArgumentException unless {@code end} is after {@code start}
   * @throws NullPointerException if either is null
   */
  public Gap {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("gap end must be after start, but was " + start + " – " + end);
    }
  }
}
