package io.github.alertrouter.config;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Puts {@code contact} on duty from {@code from} to {@code to} (wall-clock, schedule zone),
 * whoever the layers say. Immutable and thread-safe.
 */
public record ScheduleOverride(String contact, LocalDateTime from, LocalDateTime to) {
  public ScheduleOverride {
    Contact.requireId(contact, "override contact");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("override to must be after from, but was " + from + " – " + to);
    }
  }
}
