package io.github.alertrouter.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the way configs spell them: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 4h}, {@code 1d}, {@code 1w}, and concatenations such as {@code 1h30m} (Prometheus'
 * duration syntax, largest unit first). Stateless and thread-safe.
 */
public final class Durations {
  private static final Pattern UNIT = Pattern.compile("(\\d+)(ms|w|d|h|m|s)");
  private static final String[] ORDER = {"w", "d", "h", "m", "s", "ms"};

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text);
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = UNIT.matcher(text);
    Duration total = Duration.ZERO;
    int pos = 0;
    int lastUnit = -1;
    while (pos < text.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw invalid(text);
      }
      int unit = unitIndex(m.group(2));
      if (unit <= lastUnit) {
        throw invalid(text); // units must be given largest first, each once
      }
      lastUnit = unit;
      long amount;
      try {
        amount = Long.parseLong(m.group(1));
        total = total.plus(unitDuration(m.group(2)).multipliedBy(amount));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration \"" + text + "\" is too large", e);
      }
      pos = m.end();
    }
    return total;
  }

  /** Formats the shortest form that {@link #parse} reads back: {@code 1h30m}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    long ms = duration.toMillis();
    StringBuilder out = new StringBuilder();
    long[] sizes = {7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
    for (int i = 0; i < sizes.length; i++) {
      long amount = ms / sizes[i];
      if (amount > 0) {
        out.append(amount).append(ORDER[i]);
        ms -= amount * sizes[i];
      }
    }
    return out.toString();
  }

  private static int unitIndex(String unit) {
    for (int i = 0; i < ORDER.length; i++) {
      if (ORDER[i].equals(unit)) {
        return i;
      }
    }
    throw new IllegalStateException(unit);
  }

  private static Duration unitDuration(String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(1);
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      case "d" -> Duration.ofDays(1);
      case "w" -> Duration.ofDays(7);
      default -> throw new IllegalStateException(unit);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"" + text + "\"");
  }
}
