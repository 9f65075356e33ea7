package io.github.alertrouter.config;

import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a policy may send: on {@code days}, from {@code from} to {@code to} wall-clock time in
 * {@code timeZone}. A window with {@code to <= from} runs across midnight and belongs to the day
 * it starts on ({@code FRI 22:00–06:00} covers Saturday 03:00). Immutable and thread-safe.
 */
public record NotifyWindow(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to, ZoneId timeZone) {
  /** Every day, all day, UTC. */
  public static final NotifyWindow ALWAYS =
      new NotifyWindow(EnumSet.allOf(DayOfWeek.class), TimeOfDay.START_OF_DAY, TimeOfDay.END_OF_DAY, ZoneId.of("UTC"));

  public NotifyWindow {
    Objects.requireNonNull(days, "days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("window days must not be empty");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timeZone, "timeZone");
    if (from.isEndOfDay()) {
      throw new IllegalArgumentException("window from must be before 24:00");
    }
  }
}
