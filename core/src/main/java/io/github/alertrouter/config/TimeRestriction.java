package io.github.alertrouter.config;

import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Limits a schedule layer to part of the week, in the schedule's time zone, in one of two forms:
 *
 * <ul>
 *   <li><b>daily</b> ({@code days}): on each of {@code days}, {@code from}–{@code to}; when
 *       {@code to <= from} the window runs across midnight into the next day (so
 *       {@code from == to} is a whole 24 hours from {@code from});
 *   <li><b>weekly</b> ({@code fromDay}, {@code toDay}): one window a week from {@code fromDay}
 *       {@code from} to {@code toDay} {@code to}, e.g. FRI 18:00 → MON 09:00; when the end is not
 *       after the start within the week it runs into the next week (so equal ends are the whole
 *       week).
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param days the days of a daily restriction; empty for a weekly one
 * @param from start time of day
 * @param to end time of day
 * @param fromDay start day of a weekly restriction, else {@code null}
 * @param toDay end day of a weekly restriction, else {@code null}
 */
public record TimeRestriction(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to, DayOfWeek fromDay, DayOfWeek toDay) {
  /**
   * Checks that exactly one of the two forms is given and copies the days.
   *
   * @throws IllegalArgumentException naming what is missing or combined wrongly
   * @throws NullPointerException when {@code from} or {@code to} is null
   */
  public TimeRestriction {
    if (days != null && days.isEmpty() && fromDay == null && toDay == null) {
      throw new IllegalArgumentException("restriction days must not be empty");
    }
    days = days == null || days.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(days));
    if (!days.isEmpty() && (fromDay != null || toDay != null)) {
      throw new IllegalArgumentException("restriction: set either days, or fromDay and toDay, not both");
    }
    if ((fromDay == null) != (toDay == null)) {
      throw new IllegalArgumentException("restriction: fromDay and toDay go together, but only "
          + (fromDay == null ? "toDay" : "fromDay") + " was set");
    }
    if (days.isEmpty() && fromDay == null) {
      throw new IllegalArgumentException("restriction needs days, or fromDay and toDay");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** A daily restriction: on {@code days}, {@code from}–{@code to}. */
  public TimeRestriction(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to) {
    this(Objects.requireNonNull(days, "days"), from, to, null, null);
  }

  /** A daily restriction: on {@code days}, {@code from}–{@code to} (across midnight when {@code to <= from}). */
  public static TimeRestriction daily(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to) {
    return new TimeRestriction(days, from, to);
  }

  /** A weekly restriction: from {@code fromDay} {@code from} to {@code toDay} {@code to}. */
  public static TimeRestriction weekly(DayOfWeek fromDay, TimeOfDay from, DayOfWeek toDay, TimeOfDay to) {
    return new TimeRestriction(null, from, to, Objects.requireNonNull(fromDay, "fromDay"),
        Objects.requireNonNull(toDay, "toDay"));
  }

  /** Whether this is the weekly form ({@code fromDay}–{@code toDay}). */
  public boolean isWeekly() {
    return fromDay != null;
  }
}
