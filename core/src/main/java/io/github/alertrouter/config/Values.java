package io.github.alertrouter.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parsers for the scalar types a config spells as text. Each throws
 * {@link IllegalArgumentException} whose message says what was expected and names the bad value,
 * ready to become a problem at the value's path. Stateless and thread-safe.
 */
final class Values {
  private Values() {}

  /** {@code MON}..{@code SUN} or the full English name, case-insensitive. */
  static DayOfWeek dayOfWeek(String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
        return day;
      }
    }
    throw new IllegalArgumentException("must be a day MON..SUN or MONDAY..SUNDAY, but was \"" + text + "\"");
  }

  /** An IANA region such as {@code Asia/Shanghai}, or {@code UTC}; fixed offsets are refused. */
  static ZoneId zone(String text) {
    try {
      ZoneId zone = ZoneId.of(text);
      if (!(zone instanceof ZoneOffset)) {
        return zone;
      }
    } catch (java.time.DateTimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "must be an IANA time zone such as Asia/Shanghai or UTC, but was \"" + text + "\"");
  }

  /** A wall-clock date-time, {@code 2026-01-05T09:00} (seconds optional). */
  static LocalDateTime localDateTime(String text) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be a local date-time such as 2026-01-05T09:00, but was \"" + text + "\"", e);
    }
  }

  /** An RFC 3339 timestamp with offset, {@code 2026-01-05T09:00:00Z} or {@code ...+08:00}. */
  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be an RFC 3339 timestamp such as 2026-01-05T09:00:00Z, but was \"" + text + "\"", e);
    }
  }

  /** An enum constant by name, case-insensitive. */
  static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    throw new IllegalArgumentException("must be one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
        + ", but was \"" + text + "\"");
  }
}
