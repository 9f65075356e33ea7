package io.github.alertrouter.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One period of a {@link TimeInterval}, in Alertmanager's syntax: every list left empty matches
 * everything, set lists must all match. Ranges are kept as written ({@code "monday:friday"},
 * {@code "1:5"}, {@code "-1"}, {@code "january:march"}, {@code "2026:2027"}); times as
 * {@code "HH:MM-HH:MM"}. Immutable and thread-safe.
 *
 * <p>{@link #contains} follows Alertmanager's {@code timeinterval} package: the instant is read on
 * the wall clock of {@code location}, and each set list must hold it. Times compare minutes of the
 * day, start inclusive and end exclusive ({@code 24:00} may end a range); weekday ranges run
 * forwards from sunday to saturday and do not wrap; a negative day of month counts back from the
 * end of that month ({@code -1} is the last day, {@code -3:-1} the last three), and a day beyond
 * the month's length matches nothing in it ({@code 30} never matches in February); months are
 * names or numbers. On a fall-back day both passes through the repeated hour match a time range
 * that covers it; times skipped by a spring-forward gap never occur, so never match.
 *
 * @param times {@code start-end} times of day, end exclusive
 * @param weekdays weekday names or ranges
 * @param daysOfMonth days 1..31 or -31..-1 (from month end), or ranges
 * @param months month names or numbers, or ranges
 * @param years years or ranges
 * @param location IANA zone the period is in; {@code "UTC"} by default
 */
public record TimePeriod(
    List<String> times,
    List<String> weekdays,
    List<String> daysOfMonth,
    List<String> months,
    List<String> years,
    String location) {
  /** Copies the lists (null meaning empty) and defaults a null or empty {@code location} to UTC. */
  public TimePeriod {
    times = List.copyOf(Objects.requireNonNullElse(times, List.of()));
    weekdays = List.copyOf(Objects.requireNonNullElse(weekdays, List.of()));
    daysOfMonth = List.copyOf(Objects.requireNonNullElse(daysOfMonth, List.of()));
    months = List.copyOf(Objects.requireNonNullElse(months, List.of()));
    years = List.copyOf(Objects.requireNonNullElse(years, List.of()));
    location = location == null || location.isEmpty() ? "UTC" : location;
  }

  /**
   * Whether {@code at} is in this period: every set list holds it, read in {@link #location}. The
   * ranges are parsed on each call, a few short strings. Pure: never reads the clock.
   *
   * @param at the instant to judge; not null
   * @throws IllegalArgumentException naming the value when a range or the location is not valid,
   *     which a validated config never has
   */
  public boolean contains(Instant at) {
    return PeriodMatcher.of(this).contains(Objects.requireNonNull(at, "at"));
  }
}
