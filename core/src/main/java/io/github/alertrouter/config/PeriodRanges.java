package io.github.alertrouter.config;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text ranges of a {@link io.github.alertrouter.config.TimePeriod} into numbers, with
 * Alertmanager's numbering: minutes of the day, weekdays 0 (sunday) to 6 (saturday), days of month
 * as written (negative from the end, resolved per month by {@link PeriodMatcher}), months 1 to 12,
 * years. The config validator ({@code TimePeriodSyntax}) has already refused bad text; a period
 * built in code and never validated still fails here, loudly, rather than matching wrongly.
 * Stateless and thread-safe.
 */
final class PeriodRanges {
  private static final Pattern TIME_RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
  private static final List<String> WEEKDAYS =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

  private PeriodRanges() {}

  /** {@code HH:MM-HH:MM}, end exclusive, as the inclusive minutes {@code start..end-1}. */
  static IntRange time(String text) {
    Matcher m = TIME_RANGE.matcher(text.trim());
    if (!m.matches()) {
      throw invalid("time range", text);
    }
    int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
    if (start >= end || end > 24 * 60) {
      throw invalid("time range", text);
    }
    return new IntRange(start, end - 1);
  }

  static IntRange weekday(String text) {
    return range(text, "weekday", name -> {
      int index = WEEKDAYS.indexOf(name);
      if (index < 0) {
        throw invalid("weekday", text);
      }
      return index;
    });
  }

  static IntRange dayOfMonth(String text) {
    return range(text, "day of month", day -> {
      int n = integer(day, text, "day of month");
      if (n == 0 || n < -31 || n > 31) {
        throw invalid("day of month", text);
      }
      return n;
    });
  }

  static IntRange month(String text) {
    return range(text, "month", name -> {
      for (Month month : Month.values()) {
        if (month.name().toLowerCase(Locale.ROOT).equals(name)) {
          return month.getValue();
        }
      }
      int n = integer(name, text, "month");
      if (n < 1 || n > 12) {
        throw invalid("month", text);
      }
      return n;
    });
  }

  static IntRange year(String text) {
    return range(text, "year", year -> integer(year, text, "year"));
  }

  /** {@code begin} or {@code begin:end}, each part lower-cased and trimmed before {@code member}. */
  private static IntRange range(String text, String what, ToIntFunction<String> member) {
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      throw invalid(what, text);
    }
    int begin = member.applyAsInt(parts[0].trim().toLowerCase(Locale.ROOT));
    int end = parts.length == 2 ? member.applyAsInt(parts[1].trim().toLowerCase(Locale.ROOT)) : begin;
    return new IntRange(begin, end);
  }

  private static int integer(String part, String text, String what) {
    if (!part.matches("-?\\d{1,9}")) {
      throw invalid(what, text);
    }
    return Integer.parseInt(part);
  }

  private static IllegalArgumentException invalid(String what, String text) {
    return new IllegalArgumentException("not a valid " + what + " in a time period: \"" + text + "\"");
  }
}
