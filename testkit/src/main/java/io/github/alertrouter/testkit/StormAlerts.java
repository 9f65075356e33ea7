package io.github.alertrouter.testkit;

import io.github.alertrouter.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The alert storm of issue #19 ("storms people can read"), seeded so that every run sees the same
 * storm: {@code count} distinct firing alerts, each with a unique {@code instance}
 * ({@code i-00042}), an {@code alertname} out of {@link #ALERTNAMES}, a {@code severity} drawn
 * critical 30 %, warning 60 %, info 10 %, a {@code team} out of {@link #TEAMS} values
 * ({@code team-0417}) and a one-line summary. Grouped by {@code [alertname, instance]}, each is a
 * group of its own. Immutable and thread-safe.
 *
 * @param count how many alerts
 * @param seed the seed of the severity and team draws
 */
public record StormAlerts(int count, long seed) {
  /** The storm's alert names. */
  public static final List<String> ALERTNAMES =
      List.of("HighLatency", "ErrorRate", "DiskFull", "PodCrashLooping", "NodeNotReady");
  /** How many distinct teams the alerts are spread over. */
  public static final int TEAMS = 1_000;

  /** @throws IllegalArgumentException if {@code count} is negative */
  public StormAlerts {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, but was " + count);
    }
  }

  /** The issue's storm: 10,000 alerts. */
  public static StormAlerts issue19() {
    return new StormAlerts(10_000, 19);
  }

  /** The instance label of the {@code i}-th alert: unique per alert, so it names it in a message. */
  public static String instance(int i) {
    return String.format("i-%05d", i);
  }

  /**
   * The alerts, in arrival order; each starts at its arrival ({@code start} plus {@code i} times
   * {@code spacing}) and its source keeps it alive for a day (no resolve during the storm).
   */
  public List<Alert> alerts(Instant start, Duration spacing) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Alert> alerts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = ALERTNAMES.get(random.nextInt(ALERTNAMES.size()));
      int draw = random.nextInt(10);
      String severity = draw < 3 ? "critical" : draw < 9 ? "warning" : "info";
      String team = String.format("team-%04d", random.nextInt(TEAMS));
      Instant at = start.plus(spacing.multipliedBy(i));
      alerts.add(Alert.firing(Map.of("alertname", name, "severity", severity, "instance", instance(i), "team", team))
          .annotation("summary", name + " on " + instance(i) + " (" + team + ")")
          .startsAt(at).endsAt(at.plus(Duration.ofDays(1))).build());
    }
    return List.copyOf(alerts);
  }
}
