package io.github.alertrouter.config;

import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the range syntax of a time period as Alertmanager's {@code time_intervals} do: times
 * {@code HH:MM-HH:MM} (start before end, end up to 24:00), weekday names and ranges (not
 * wrapping: {@code saturday:sunday} is refused, as there), days of month {@code 1..31} or
 * {@code -31..-1} (a negative start needs a negative end; a range must not run backwards even in
 * a 28-day month), month names or numbers, years. Each check returns a message naming the bad
 * value, or {@code null} when it is fine. Stateless and thread-safe.
 */
final class TimePeriodSyntax {
  private static final Pattern TIME_RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
  private static final String[] WEEKDAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

  private TimePeriodSyntax() {}

  static String time(String text) {
    Matcher m = TIME_RANGE.matcher(text);
    if (m.matches()) {
      int start = minute(m.group(1), m.group(2));
      int end = minute(m.group(3), m.group(4));
      if (start >= 0 && end >= 0 && start < 24 * 60) {
        return start < end ? null : "start time must be before end time, but was \"" + text + "\"";
      }
    }
    return "must be a time range HH:MM-HH:MM such as 09:00-17:00, but was \"" + text + "\"";
  }

  static String weekday(String text) {
    return range(text, TimePeriodSyntax::weekdayNumber,
        "must be a weekday such as monday, or a range such as monday:friday", "day");
  }

  static String dayOfMonth(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      return dayOfMonthSyntax(text);
    }
    int begin = dayNumber(parts[0]);
    int end = parts.length == 2 ? dayNumber(parts[1]) : begin;
    if (begin == 0 || end == 0) {
      return dayOfMonthSyntax(text);
    }
    if (begin < 0 && end > 0) {
      return "end day must be negative when the start day is, but was \"" + text + "\"";
    }
    // Negative days count from the month's end; compare them in the shortest month (28 days).
    int checkBegin = begin < 0 ? 29 + begin : begin;
    int checkEnd = end < 0 ? 29 + end : end;
    return checkBegin <= checkEnd ? null : "end day is before start day in \"" + text + "\"";
  }

  static String month(String text) {
    return range(text, TimePeriodSyntax::monthNumber,
        "must be a month name such as january or a number 1..12, or a range such as january:march", "month");
  }

  static String year(String text) {
    return range(text, TimePeriodSyntax::yearNumber, "must be a year such as 2026, or a range such as 2026:2027", "year");
  }

  /** Parses a {@code begin[:end]} range with {@code number} (0 meaning invalid). */
  private static String range(String text, java.util.function.ToIntFunction<String> number, String syntax, String unit) {
    String[] parts = text.split(":", -1);
    int begin = parts.length <= 2 ? number.applyAsInt(parts[0]) : 0;
    int end = parts.length == 2 ? number.applyAsInt(parts[1]) : begin;
    if (begin == 0 || end == 0) {
      return syntax + ", but was \"" + text + "\"";
    }
    return begin <= end ? null : "start " + unit + " must not be after end " + unit + ", but was \"" + text + "\"";
  }

  private static String dayOfMonthSyntax(String text) {
    return "must be a day of month 1..31 or -31..-1, or a range such as 1:7, but was \"" + text + "\"";
  }

  private static int minute(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    return m < 60 && (h < 24 || (h == 24 && m == 0)) ? h * 60 + m : -1;
  }

  /** 1 (sunday) to 7 (saturday), Alertmanager's order; 0 when not a weekday. */
  private static int weekdayNumber(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < WEEKDAYS.length; i++) {
      if (WEEKDAYS[i].equals(lower)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int monthNumber(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      if (month.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return month.getValue();
      }
    }
    int n = integer(lower);
    return n >= 1 && n <= 12 ? n : 0;
  }

  private static int yearNumber(String text) {
    int n = integer(text.trim());
    return n >= 1 ? n : 0;
  }

  /** A day 1..31 or -31..-1; 0 when not one. */
  private static int dayNumber(String text) {
    int n = integer(text.trim());
    return n >= -31 && n <= 31 && n != Integer.MIN_VALUE ? n : 0;
  }

  private static int integer(String text) {
    if (!text.matches("-?\\d{1,9}")) {
      return Integer.MIN_VALUE;
    }
    return Integer.parseInt(text);
  }
}
