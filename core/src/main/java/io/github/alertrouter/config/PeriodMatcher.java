package io.github.alertrouter.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link TimePeriod} parsed once, matching instants as Alertmanager's {@code timeinterval}
 * package does ({@code TimeInterval.ContainsTime}). The instant is converted to the wall clock of
 * {@code zone}, and each set field must then contain it: the minute of the day in a {@code times}
 * range (end exclusive), the weekday, the day of the month, the month and the year in their
 * inclusive ranges. An empty field matches anything.
 *
 * <p>Because an instant is turned into wall-clock time, never the reverse, DST needs no
 * resolution rule here: on a fall-back day both passes through the repeated hour match
 * {@code 01:00-02:00}, and on a spring-forward day the skipped times never occur, so a range
 * lying wholly in the gap matches nothing that day.
 *
 * <p>Days of month: a negative day counts from the end of the instant's month ({@code -1} is the
 * 30th in April, the 29th in February 2024), measured with calendar arithmetic. Alertmanager once
 * measured the month in hours and so got a month with a spring-forward day one day short
 * (prometheus/alertmanager#5447); this follows the fix. A range whose start lies beyond the month
 * ({@code 30:31} in February) matches no day of it; Alertmanager's clamping of the other ends to
 * the month changes nothing that a day can match, so it has no counterpart here.
 *
 * <p>Immutable and thread-safe.
 */
record PeriodMatcher(
    List<IntRange> minutes,
    List<IntRange> weekdays,
    List<IntRange> daysOfMonth,
    List<IntRange> months,
    List<IntRange> years,
    ZoneId zone) {

  /** Copies the lists; parse a {@link TimePeriod} with {@link #of} rather than calling this. */
  public PeriodMatcher {
    minutes = List.copyOf(minutes);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
  }

  /**
   * Parses {@code period}.
   *
   * @throws IllegalArgumentException naming the value when a range or the location is not valid
   *     (a validated config never has one)
   */
  public static PeriodMatcher of(TimePeriod period) {
    ZoneId zone;
    try {
      zone = ZoneId.of(period.location());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a valid location in a time period: \"" + period.location() + "\"", e);
    }
    return new PeriodMatcher(
        parse(period.times(), PeriodRanges::time),
        parse(period.weekdays(), PeriodRanges::weekday),
        parse(period.daysOfMonth(), PeriodRanges::dayOfMonth),
        parse(period.months(), PeriodRanges::month),
        parse(period.years(), PeriodRanges::year),
        zone);
  }

  /** Whether every set field contains {@code at}, read on {@link #zone}'s wall clock. */
  public boolean contains(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    int day = local.getDayOfMonth();
    int monthLength = local.toLocalDate().lengthOfMonth();
    return any(minutes, local.getHour() * 60 + local.getMinute())
        // DayOfWeek numbers monday 1 to sunday 7; Alertmanager, like Go, sunday 0 to saturday 6.
        && any(weekdays, local.getDayOfWeek().getValue() % 7)
        && (daysOfMonth.isEmpty() || daysOfMonth.stream().anyMatch(r -> inMonth(r, monthLength).contains(day)))
        && any(months, local.getMonthValue())
        && any(years, local.getYear());
  }

  /** {@code range} with negative days turned into days of a month of {@code length} days. */
  private static IntRange inMonth(IntRange range, int length) {
    int begin = range.begin() < 0 ? length + range.begin() + 1 : range.begin();
    int end = range.end() < 0 ? length + range.end() + 1 : range.end();
    return new IntRange(begin, end);
  }

  private static boolean any(List<IntRange> ranges, int value) {
    return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(value));
  }

  private static List<IntRange> parse(List<String> texts, Function<String, IntRange> parser) {
    return texts.stream().map(parser).toList();
  }
}
