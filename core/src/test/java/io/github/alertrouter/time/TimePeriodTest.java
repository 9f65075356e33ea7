package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.TimePeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden table for {@link TimePeriod#contains}, following Alertmanager's {@code timeinterval}
 * package. A period is written {@code "field=value|value; field=value"}; instants are UTC with
 * the local time in the row's name.
 */
class TimePeriodTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"timeRows", "weekdayRows", "dayOfMonthRows", "monthAndYearRows", "dstRows"})
  void containsAsTabled(String name, TimePeriod period, Instant at, boolean expected) {
    assertThat(period.contains(at)).isEqualTo(expected);
  }

  static Stream<Arguments> timeRows() {
    return Stream.of(
        row("empty period matches anything", "", "2024-02-29T12:34:56Z", true),
        row("09:00-17:00: start is inclusive", "times=09:00-17:00", "2024-03-11T09:00:00Z", true),
        row("09:00-17:00: 16:59:59", "times=09:00-17:00", "2024-03-11T16:59:59Z", true),
        row("09:00-17:00: end is exclusive", "times=09:00-17:00", "2024-03-11T17:00:00Z", false),
        row("09:00-17:00: 08:59", "times=09:00-17:00", "2024-03-11T08:59:59Z", false),
        row("00:00-24:00: 23:59", "times=00:00-24:00", "2024-03-11T23:59:59Z", true),
        row("20:00-24:00: midnight belongs to the next day", "times=20:00-24:00", "2024-03-12T00:00:00Z", false),
        row("any of several ranges", "times=00:00-06:00|20:00-24:00", "2024-03-11T21:00:00Z", true),
        row("in none of several ranges", "times=00:00-06:00|20:00-24:00", "2024-03-11T12:00:00Z", false),
        row("times in the location", "times=09:00-17:00; location=Asia/Shanghai", "2024-03-11T01:00:00Z", true),
        row("times in the location, not UTC", "times=09:00-17:00; location=Asia/Shanghai", "2024-03-11T09:00:00Z", false));
  }

  static Stream<Arguments> weekdayRows() {
    return Stream.of(
        row("monday:friday on Monday", "weekdays=monday:friday", "2024-03-11T00:00:00Z", true),
        row("monday:friday on Friday", "weekdays=monday:friday", "2024-03-15T23:59:00Z", true),
        row("monday:friday on Saturday", "weekdays=monday:friday", "2024-03-16T00:00:00Z", false),
        row("monday:friday on Sunday", "weekdays=monday:friday", "2024-03-17T12:00:00Z", false),
        row("saturday and sunday listed apart, Sunday", "weekdays=saturday|sunday", "2024-03-17T12:00:00Z", true),
        row("sunday:saturday is every day", "weekdays=sunday:saturday", "2024-03-13T12:00:00Z", true),
        row("names ignore case", "weekdays=Monday:FRIDAY", "2024-03-13T12:00:00Z", true),
        row("weekday in the location: Mon 02:00Z is Sun 21:00 in Chicago",
            "weekdays=monday:friday; location=America/Chicago", "2024-03-11T02:00:00Z", false),
        row("weekday in the location: Fri 20:00Z is Sat 04:00 in Shanghai",
            "weekdays=monday:friday; location=Asia/Shanghai", "2024-03-15T20:00:00Z", false),
        row("business hours in Shanghai: Mon 09:30",
            "weekdays=monday:friday; times=09:00-18:00; location=Asia/Shanghai", "2024-03-11T01:30:00Z", true),
        row("business hours in Shanghai: Sat 09:30",
            "weekdays=monday:friday; times=09:00-18:00; location=Asia/Shanghai", "2024-03-16T01:30:00Z", false));
  }

  static Stream<Arguments> dayOfMonthRows() {
    return Stream.of(
        row("1:5 on the 5th", "daysOfMonth=1:5", "2024-03-05T12:00:00Z", true),
        row("1:5 on the 6th", "daysOfMonth=1:5", "2024-03-06T00:00:00Z", false),
        row("-1 in 30-day April is the 30th", "daysOfMonth=-1", "2024-04-30T12:00:00Z", true),
        row("-1 in 30-day April, not the 29th", "daysOfMonth=-1", "2024-04-29T12:00:00Z", false),
        row("-1 in leap February is the 29th", "daysOfMonth=-1", "2024-02-29T12:00:00Z", true),
        row("-1 in leap February, not the 28th", "daysOfMonth=-1", "2024-02-28T12:00:00Z", false),
        row("-1 in February 2023 is the 28th", "daysOfMonth=-1", "2023-02-28T12:00:00Z", true),
        row("29 in February 2023 matches no day: not the 28th", "daysOfMonth=29", "2023-02-28T12:00:00Z", false),
        row("29 in February 2023 does not spill into March 1st", "daysOfMonth=29", "2023-03-01T12:00:00Z", false),
        row("31 in April matches no day", "daysOfMonth=31", "2024-04-30T12:00:00Z", false),
        row("30:31 in February matches no day", "daysOfMonth=30:31", "2024-02-29T12:00:00Z", false),
        row("28:31 in February 2023 is the 28th", "daysOfMonth=28:31", "2023-02-28T12:00:00Z", true),
        row("-3:-1 in February 2023: the 26th", "daysOfMonth=-3:-1", "2023-02-26T00:00:00Z", true),
        row("-3:-1 in February 2023: not the 25th", "daysOfMonth=-3:-1", "2023-02-25T23:59:00Z", false),
        row("-3:-1 in 31-day March: the 29th", "daysOfMonth=-3:-1", "2023-03-29T00:00:00Z", true),
        row("-31:-29 in February 2023 is empty", "daysOfMonth=-31:-29", "2023-02-01T12:00:00Z", false),
        row("-31:-29 in 31-day March: the 1st", "daysOfMonth=-31:-29", "2023-03-01T12:00:00Z", true),
        row("-30:-1 in February 2023 clamps to the whole month", "daysOfMonth=-30:-1", "2023-02-01T12:00:00Z", true),
        row("1:-1 is the whole month", "daysOfMonth=1:-1", "2024-04-30T12:00:00Z", true),
        row("25:-5 in February 2023 (25..24) is empty", "daysOfMonth=25:-5", "2023-02-25T12:00:00Z", false),
        row("15 or -1: the 15th", "daysOfMonth=15|-1", "2024-06-15T12:00:00Z", true),
        row("day in the location: Mar 31 23:30Z is Apr 1 in Shanghai, not -1",
            "daysOfMonth=-1; location=Asia/Shanghai", "2024-03-31T23:30:00Z", false),
        row("day in the location: Mar 31 23:30Z is Apr 1 in Shanghai, the 1st",
            "daysOfMonth=1; location=Asia/Shanghai", "2024-03-31T23:30:00Z", true),
        // Alertmanager measured months in hours and lost a day in spring-forward months (#5447).
        row("-1 in New York's March 2021 (spring forward) is the 31st",
            "daysOfMonth=-1; location=America/New_York", "2021-03-31T16:00:00Z", true),
        row("-1 in New York's March 2021 (spring forward), not the 30th",
            "daysOfMonth=-1; location=America/New_York", "2021-03-30T16:00:00Z", false));
  }

  static Stream<Arguments> monthAndYearRows() {
    return Stream.of(
        row("january:march in February", "months=january:march", "2024-02-29T12:00:00Z", true),
        row("january:march in April", "months=january:march", "2024-04-01T00:00:00Z", false),
        row("month numbers: 1:3 in March", "months=1:3", "2024-03-31T23:59:00Z", true),
        row("month name ignores case", "months=December", "2024-12-01T00:00:00Z", true),
        row("mixed name and number range: march:5 in May", "months=march:5", "2024-05-15T00:00:00Z", true),
        row("month in the location: Jan 1 03:00Z is Dec 31 in Chicago",
            "months=december; location=America/Chicago", "2024-01-01T03:00:00Z", true),
        row("2024:2025 in 2025", "years=2024:2025", "2025-06-01T00:00:00Z", true),
        row("2024:2025 in 2026", "years=2024:2025", "2026-01-01T00:00:00Z", false),
        row("year in the location: 2023-12-31 20:00Z is 2024 in Shanghai",
            "years=2024; location=Asia/Shanghai", "2023-12-31T20:00:00Z", true),
        row("all fields must match: Feb 29 2024 business hours",
            "times=09:00-17:00; weekdays=thursday; daysOfMonth=-1; months=february; years=2024",
            "2024-02-29T10:00:00Z", true),
        row("all fields must match: one miss (the year) fails",
            "times=09:00-17:00; weekdays=thursday; daysOfMonth=-1; months=february; years=2023",
            "2024-02-29T10:00:00Z", false));
  }

  static Stream<Arguments> dstRows() {
    // Chicago 2024-03-10: 02:00 CST jumps to 03:00 CDT at 08:00Z. 2024-11-03: 02:00 CDT falls
    // back to 01:00 CST at 07:00Z. London 2023-10-29: 02:00 BST falls back to 01:00 GMT at 01:00Z.
    String chicago = "; location=America/Chicago";
    String london = "; location=Europe/London";
    return Stream.of(
        row("Chicago spring: 01:00-03:00 at 01:59 CST", "times=01:00-03:00" + chicago, "2024-03-10T07:59:00Z", true),
        row("Chicago spring: 01:00-03:00 at 03:00 CDT", "times=01:00-03:00" + chicago, "2024-03-10T08:00:00Z", false),
        row("Chicago spring: 02:00-03:00 never happens, 01:59 CST", "times=02:00-03:00" + chicago,
            "2024-03-10T07:59:00Z", false),
        row("Chicago spring: 02:00-03:00 never happens, 03:00 CDT", "times=02:00-03:00" + chicago,
            "2024-03-10T08:00:00Z", false),
        row("Chicago fall: 01:00-02:00 at 01:30 CDT, first pass", "times=01:00-02:00" + chicago,
            "2024-11-03T06:30:00Z", true),
        row("Chicago fall: 01:00-02:00 at 01:30 CST, second pass", "times=01:00-02:00" + chicago,
            "2024-11-03T07:30:00Z", true),
        row("Chicago fall: 01:00-02:00 at 02:00 CST", "times=01:00-02:00" + chicago, "2024-11-03T08:00:00Z", false),
        row("Chicago fall: Sunday all day, 23:59 CST", "weekdays=sunday" + chicago, "2024-11-04T05:59:00Z", true),
        row("Chicago fall: Sunday all day, Monday 00:00 CST", "weekdays=sunday" + chicago,
            "2024-11-04T06:00:00Z", false),
        row("London fall: 01:00-02:00 at 01:30 BST", "times=01:00-02:00" + london, "2023-10-29T00:30:00Z", true),
        row("London fall: 01:00-02:00 at 01:30 GMT", "times=01:00-02:00" + london, "2023-10-29T01:30:00Z", true),
        row("London fall: 01:00-02:00 at 02:00 GMT", "times=01:00-02:00" + london, "2023-10-29T02:00:00Z", false),
        row("London spring: 01:00-02:00 never happens", "times=01:00-02:00" + london, "2024-03-31T01:00:00Z", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRows")
  void refusesWhatTheValidatorRefuses(String name, String spec, String message) {
    TimePeriod period = period(spec);
    assertThatThrownBy(() -> period.contains(Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidRows() {
    return Stream.of(
        arguments("time range backwards", "times=17:00-09:00",
            "not a valid time range in a time period: \"17:00-09:00\""),
        arguments("unknown weekday", "weekdays=funday", "not a valid weekday in a time period: \"funday\""),
        arguments("day 0", "daysOfMonth=0", "not a valid day of month in a time period: \"0\""),
        arguments("month 13", "months=13", "not a valid month in a time period: \"13\""),
        arguments("unknown location", "location=Mars/Olympus",
            "not a valid location in a time period: \"Mars/Olympus\""));
  }

  /** A period from {@code "field=value|value; field=value"}. */
  static TimePeriod period(String spec) {
    Map<String, List<String>> fields = new HashMap<>();
    for (String field : spec.split(";")) {
      if (!field.isBlank()) {
        String[] kv = field.strip().split("=", 2);
        fields.put(kv[0], new ArrayList<>(Arrays.asList(kv[1].split("\\|"))));
      }
    }
    List<String> location = fields.getOrDefault("location", List.of());
    return new TimePeriod(
        fields.get("times"), fields.get("weekdays"), fields.get("daysOfMonth"), fields.get("months"),
        fields.get("years"), location.isEmpty() ? null : location.get(0));
  }

  private static Arguments row(String name, String spec, String at, boolean expected) {
    return arguments(name, period(spec), Instant.parse(at), expected);
  }
}
