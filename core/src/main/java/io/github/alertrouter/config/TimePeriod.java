package io.github.alertrouter.config;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One period of a {@link TimeInterval}, in Alertmanager's syntax: every list left empty matches
 * everything, set lists must all match. Ranges are kept as written ({@code "monday:friday"},
 * {@code "1:5"}, {@code "-1"}, {@code "january:march"}, {@code "2026:2027"}); times as
 * {@code "HH:MM-HH:MM"}. Immutable and thread-safe. Build one in code with {@link #builder()}.
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

  /**
   * Starts a builder for a period that matches every time in UTC, as a YAML period with no
   * fields; each list set narrows it. The syntax of the ranges is checked when the
   * {@link RouterConfig} is built, as for a loaded one.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this period's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder().location(location);
    b.times = times;
    b.weekdays = weekdays;
    b.daysOfMonth = daysOfMonth;
    b.months = months;
    b.years = years;
    return b;
  }

  /** Builds a {@link TimePeriod}; each list left unset matches everything. Not thread-safe. */
  public static final class Builder {
    private List<String> times = List.of();
    private List<String> weekdays = List.of();
    private List<String> daysOfMonth = List.of();
    private List<String> months = List.of();
    private List<String> years = List.of();
    private String location;

    private Builder() {}

    /** Times of day as {@code "09:00-17:00"} (end exclusive, {@code 24:00} allowed), replacing any set before. */
    public Builder times(String... ranges) {
      this.times = list(ranges);
      return this;
    }

    /** Weekdays or ranges ({@code "monday:friday"}, {@code "saturday"}), replacing any set before. */
    public Builder weekdays(String... ranges) {
      this.weekdays = list(ranges);
      return this;
    }

    /** Days of the month or ranges ({@code "1:5"}; {@code "-1"} is the last day), replacing any set before. */
    public Builder daysOfMonth(String... ranges) {
      this.daysOfMonth = list(ranges);
      return this;
    }

    /** Months by name or number, or ranges ({@code "january:march"}), replacing any set before. */
    public Builder months(String... ranges) {
      this.months = list(ranges);
      return this;
    }

    /** Years or ranges ({@code "2026:2027"}), replacing any set before. */
    public Builder years(String... ranges) {
      this.years = list(ranges);
      return this;
    }

    /** The IANA zone the period is read in; {@code null} or empty (the default) means UTC. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    private static List<String> list(String[] values) {
      return values == null ? List.of() : Arrays.asList(values);
    }

    /**
     * Builds the period.
     *
     * @throws ConfigException naming each list with a null element
     */
    public TimePeriod build() {
      return new BuildCheck("time period", null).elements("times", times).elements("weekdays", weekdays)
          .elements("daysOfMonth", daysOfMonth).elements("months", months).elements("years", years)
          .build(() -> new TimePeriod(times, weekdays, daysOfMonth, months, years, location));
    }
  }
}
