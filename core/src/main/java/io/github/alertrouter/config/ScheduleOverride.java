package io.github.alertrouter.config;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Puts {@code contact} on duty from {@code from} to {@code to} (wall-clock, schedule zone),
 * whoever the layers say. Immutable and thread-safe.
 *
 * @param contact the contact id put on duty
 * @param from start, wall-clock in the schedule's zone (inclusive)
 * @param to end, wall-clock in the schedule's zone (exclusive); after {@code from}
 */
public record ScheduleOverride(String contact, LocalDateTime from, LocalDateTime to) {
  /**
   * Checks the contact and the bounds.
   *
   * @throws IllegalArgumentException when {@code contact} is empty or {@code to} is not after {@code from}
   * @throws NullPointerException when {@code from} or {@code to} is null
   */
  public ScheduleOverride {
    Contact.requireId(contact, "override contact");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("override to must be after from, but was " + from + " – " + to);
    }
  }
}
