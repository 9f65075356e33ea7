package io.github.alertrouter.spi.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times and durations as messages show them, the same on every platform and in every
 * {@link Wording}: numeric dates and times, and durations in unit letters ({@code 1h 5m}), which
 * read the same in English and Chinese chats and in logs. Stateless and thread-safe.
 */
public final class TimeText {
  // "CST" alone is ambiguous (China, Cuba, US Central), so the offset follows the zone's name
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z (xxx)", Locale.ENGLISH);

  private TimeText() {}

  /** {@code 2026-03-08 10:00:05 CST (+08:00)}, or {@code ""} for {@code null}. */
  public static String instant(Instant at, ZoneId zone) {
    return at == null ? "" : FORMAT.format(at.atZone(zone));
  }

  /**
   * The two largest units of a duration: {@code 45s}, {@code 5m 3s}, {@code 1h 5m}, {@code 2d 3h};
   * {@code ""} when either end is unknown.
   */
  public static String between(Instant start, Instant end) {
    if (start == null || end == null || end.isBefore(start)) {
      return "";
    }
    long s = Duration.between(start, end).getSeconds();
    long[] amounts = {s / 86400, s % 86400 / 3600, s % 3600 / 60, s % 60};
    String[] units = {"d", "h", "m", "s"};
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < amounts.length && shown < 2; i++) {
      if (amounts[i] > 0 || shown > 0) {
        if (amounts[i] > 0) {
          out.append(out.length() == 0 ? "" : " ").append(amounts[i]).append(units[i]);
        }
        shown++;
      }
    }
    return out.length() == 0 ? "0s" : out.toString();
  }
}
