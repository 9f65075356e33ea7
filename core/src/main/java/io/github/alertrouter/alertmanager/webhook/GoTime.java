package io.github.alertrouter.alertmanager.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * RFC 3339 timestamps as Go's {@code time.Time} reads and writes them in JSON.
 *
 * <p>Written by hand instead of with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}, which accepts
 * things RFC 3339 does not (a missing seconds field, second-precision offsets) and cannot trim
 * trailing zeros of the fraction the way Go's RFC3339Nano does. Stateless and thread-safe.
 */
final class GoTime {
  /** Go's zero {@code time.Time}; Alertmanager writes it for "no end". */
  public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

  private static final String ZERO_TEXT = "0001-01-01T00:00:00Z";

  private GoTime() {}

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}.
   *
   * @throws DateTimeException naming what is wrong, without the input (the caller quotes it)
   */
  public static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      throw new DateTimeException("expected RFC 3339 yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm)");
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (len < 1 || len > 9) {
        throw new DateTimeException("the fraction of a second must have 1 to 9 digits");
      }
      nanos = digits(s, start, len);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offset(s, i);
    // LocalDateTime.of checks the ranges (month 1-12, day of that month, hour < 24, no leap second).
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /**
   * Formats like Go's {@code time.RFC3339Nano} in UTC: fraction with trailing zeros trimmed, none
   * when zero, {@code Z}; {@code null} is written as Go's zero time.
   *
   * @throws IllegalArgumentException if the year is outside 0000-9999, which Go refuses to write
   */
  public static String format(Instant instant) {
    if (instant == null) {
      return ZERO_TEXT;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      throw new IllegalArgumentException(
          "Go can only write years 0000-9999 in JSON, but the time was " + instant);
    }
    StringBuilder b = new StringBuilder(30);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      pad(b.append('.'), nanos, digits);
    }
    return b.append('Z').toString();
  }

  private static int offset(String s, int i) {
    int n = s.length();
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return 0;
    }
    if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if (hours > 23 || minutes > 59) {
        throw new DateTimeException("the UTC offset is out of range");
      }
      int total = hours * 3600 + minutes * 60;
      return s.charAt(i) == '-' ? -total : total;
    }
    throw new DateTimeException("expected Z or an offset +hh:mm after the seconds");
  }

  private static int digits(String s, int from, int len) {
    int value = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new DateTimeException("expected a digit at index " + i);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int k = digits.length(); k < width; k++) {
      b.append('0');
    }
    return b.append(digits);
  }
}
