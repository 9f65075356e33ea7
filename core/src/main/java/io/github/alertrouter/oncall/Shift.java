package io.github.alertrouter.oncall;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the final schedule: {@code contactId} is on duty from {@code start} (inclusive) to
 * {@code end} (exclusive) because of {@code source} ({@code layer:NAME} or {@code override}, as in
 * {@link OnDuty}). Immutable and thread-safe.
 *
 * @param start the shift's first instant
 * @param end the first instant after it
 * @param contactId the contact on duty
 * @param source {@code layer:NAME} or {@code override}
 */
public record Shift(Instant start, Instant end, String contactId, String source) {
  /**
   * @throws IllegalArgumentException unless {@code end} is after {@code start}
   * @throws NullPointerException if a component is null
   */
  public Shift {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(source, "source");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("shift end must be after start, but was " + start + " – " + end);
    }
  }
}
