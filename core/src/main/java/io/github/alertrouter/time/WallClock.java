package io.github.alertrouter.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns a wall-clock time on a date into an instant, the one way the design prescribes for every
 * recurring time (windows, rotations, restrictions):
 *
 * <ul>
 *   <li>a time that does not exist (it falls in a spring-forward gap) resolves forward to the
 *       first instant after the gap: 02:30 on 2024-03-10 in America/Chicago is 03:00 CDT;
 *   <li>a time that exists twice (it falls in a fall-back overlap) takes the earlier offset, so
 *       its first occurrence: 01:30 on 2024-11-03 in America/Chicago is 01:30 CDT;
 *   <li>{@code 24:00} is {@code 00:00} of the next day, resolved by the same two rules.
 * </ul>
 *
 * <p>Note the gap rule differs from {@link java.time.ZonedDateTime#of}, which shifts a missing
 * time by the gap's length (02:30 would become 03:30): resolving to the gap's end keeps a missing
 * time before every real time that follows it. Stateless and thread-safe.
 */
final class WallClock {
  private WallClock() {}

  /**
   * The instant {@code time} on {@code date} shows in {@code zone}, by the rules above.
   *
   * @throws java.time.DateTimeException when the date is outside the range java.time supports
   */
  static Instant resolve(LocalDate date, TimeOfDay time, ZoneId zone) {
    LocalDateTime local = time.isEndOfDay()
        ? date.plusDays(1).atStartOfDay()
        : date.atTime(time.minuteOfDay() / 60, time.minuteOfDay() % 60);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    // atZone picks the earlier offset of an overlap, which is the rule we want.
    return local.atZone(zone).toInstant();
  }
}
