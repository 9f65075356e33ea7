package io.github.alertrouter.internal.action;

import java.time.Duration;

/** Short human durations for pages: {@code 1h}, {@code 1h30m}, {@code 2d}, {@code 45s}. Stateless. */
public final class Durations {
  private Durations() {}

  public static String human(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long days = s / 86_400;
    long hours = s % 86_400 / 3600;
    long minutes = s % 3600 / 60;
    long seconds = s % 60;
    if (days > 0) sb.append(days).append('d');
    if (hours > 0) sb.append(hours).append('h');
    if (minutes > 0) sb.append(minutes).append('m');
    if (seconds > 0) sb.append(seconds).append('s');
    return sb.toString();
  }
}
