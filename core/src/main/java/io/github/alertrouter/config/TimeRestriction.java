package io.github.alertrouter.config;

import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Limits a schedule layer to part of the week: on {@code days}, {@code from}–{@code to} in the
 * schedule's time zone ({@code to <= from} runs across midnight). Immutable and thread-safe.
 */
public record TimeRestriction(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to) {
  public TimeRestriction {
    Objects.requireNonNull(days, "days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("restriction days must not be empty");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
