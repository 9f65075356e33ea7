package io.github.alertrouter.time;

import java.time.LocalTime;

/**
 * A wall-clock time of day with minute precision, {@code 00:00} to {@code 24:00} inclusive:
 * {@code 24:00} is the end of the day, which {@link LocalTime} cannot express but windows such as
 * {@code 00:00–24:00} need. Immutable and thread-safe.
 *
 * @param minuteOfDay 0 to 1440
 */
public record TimeOfDay(int minuteOfDay) implements Comparable<TimeOfDay> {
  /** {@code 00:00}. */
  public static final TimeOfDay START_OF_DAY = new TimeOfDay(0);
  /** {@code 24:00}: the end of the day, the next day's {@code 00:00}. */
  public static final TimeOfDay END_OF_DAY = new TimeOfDay(24 * 60);

  /** @throws IllegalArgumentException if {@code minuteOfDay} is outside 0..1440 */
  public TimeOfDay {
    if (minuteOfDay < 0 || minuteOfDay > 24 * 60) {
      throw new IllegalArgumentException("time of day must be 00:00 to 24:00, but was minute " + minuteOfDay);
    }
  }

  /**
   * Parses {@code HH:mm} ({@code 00:00} to {@code 24:00}).
   *
   * @throws IllegalArgumentException naming the bad text
   */
  public static TimeOfDay parse(String text) {
    if (text != null && text.matches("\\d{2}:\\d{2}")) {
      int hours = Integer.parseInt(text.substring(0, 2));
      int minutes = Integer.parseInt(text.substring(3));
      if (minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0))) {
        return new TimeOfDay(hours * 60 + minutes);
      }
    }
    throw new IllegalArgumentException("must be a time of day HH:mm from 00:00 to 24:00, but was \"" + text + "\"");
  }

  /** {@code time}'s hour and minute; seconds and below are dropped. */
  public static TimeOfDay of(LocalTime time) {
    return new TimeOfDay(time.getHour() * 60 + time.getMinute());
  }

  /**
   * The instant this time shows on {@code date} in {@code zone}: a time in a spring-forward gap
   * resolves to the gap's end, a time in a fall-back overlap to its first occurrence, and
   * {@code 24:00} is the next day's {@code 00:00} (see {@link WallClock}). Windows, rotations and
   * restrictions all resolve their times through this one rule.
   *
   * @throws java.time.DateTimeException when the date is outside the range java.time supports
   */
  public java.time.Instant on(java.time.LocalDate date, java.time.ZoneId zone) {
    return WallClock.resolve(date, this, zone);
  }

  /** Whether this is {@code 24:00}. */
  public boolean isEndOfDay() {
    return minuteOfDay == 24 * 60;
  }

  @Override
  public int compareTo(TimeOfDay other) {
    return Integer.compare(minuteOfDay, other.minuteOfDay);
  }

  @Override
  public String toString() {
    return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }
}
