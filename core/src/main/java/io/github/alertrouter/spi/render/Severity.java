package io.github.alertrouter.spi.render;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * How bad an alert's {@code severity} label says it is, in three ranks, the same for every
 * platform: what orders a digest's alerts and counts (most severe first) and colours a Lark card.
 * Values are compared stripped and in lower case; an unknown or missing severity ranks as a
 * {@link #WARNING} (something fires, nobody said how bad). Stateless and thread-safe.
 */
public final class Severity {
  /** critical, fatal, error, high, p0, p1. */
  public static final int CRITICAL = 0;
  /** warning, warn, medium, p2, and every value not listed here. */
  public static final int WARNING = 1;
  /** info, low, none, p3, p4. */
  public static final int INFO = 2;

  private static final Map<String, Integer> RANKS = Map.ofEntries(
      Map.entry("critical", CRITICAL), Map.entry("fatal", CRITICAL), Map.entry("error", CRITICAL),
      Map.entry("high", CRITICAL), Map.entry("p0", CRITICAL), Map.entry("p1", CRITICAL),
      Map.entry("warning", WARNING), Map.entry("warn", WARNING), Map.entry("medium", WARNING), Map.entry("p2", WARNING),
      Map.entry("info", INFO), Map.entry("low", INFO), Map.entry("none", INFO), Map.entry("p3", INFO),
      Map.entry("p4", INFO));

  /** Most severe first; stable sorts keep the order within a rank. */
  public static final Comparator<String> MOST_SEVERE_FIRST = Comparator.comparingInt(Severity::rank);

  private Severity() {}

  /** The rank of a raw {@code severity} label value ({@code null} for none). */
  public static int rank(String severity) {
    return severity == null ? WARNING : RANKS.getOrDefault(severity.strip().toLowerCase(Locale.ROOT), WARNING);
  }
}
