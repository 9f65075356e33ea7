package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * One period of a {@link TimeInterval}, in Alertmanager's syntax: every list left empty matches
 * everything, set lists must all match. Ranges are kept as written ({@code "monday:friday"},
 * {@code "1:5"}, {@code "-1"}, {@code "january:march"}, {@code "2026:2027"}); times as
 * {@code "HH:MM-HH:MM"}. Immutable and thread-safe.
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
  public TimePeriod {
    times = List.copyOf(Objects.requireNonNullElse(times, List.of()));
    weekdays = List.copyOf(Objects.requireNonNullElse(weekdays, List.of()));
    daysOfMonth = List.copyOf(Objects.requireNonNullElse(daysOfMonth, List.of()));
    months = List.copyOf(Objects.requireNonNullElse(months, List.of()));
    years = List.copyOf(Objects.requireNonNullElse(years, List.of()));
    location = location == null || location.isEmpty() ? "UTC" : location;
  }
}
