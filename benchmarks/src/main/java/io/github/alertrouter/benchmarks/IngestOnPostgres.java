package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.postgresql.PostgresStores;
import io.github.alertrouter.testkit.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingest with the alerts committed to PostgreSQL (what {@code serve --storage.url} does before it
 * answers 200) against the in-memory store, interleaved in one JVM: W2's shape, {@code alerts}
 * alerts in batches of 500 (one webhook each) into 1,000 policies ({@code team="team-NNN"},
 * {@code severity=~"critical|warning"}), grouped by alertname and instance. The group wait is an
 * hour, so nothing is sent: this measures intake only. Prints alerts/s and the p50/p99 of a
 * batch's submit for each run, then medians and their ratio.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.IngestOnPostgres [alerts] [rounds]}</pre>
 *
 * Starts its own PostgreSQL server from Debian's binaries (as the tests do; see
 * {@link PostgresServer}), with PostgreSQL's default settings: {@code fsync} on.
 */
public final class IngestOnPostgres {
  static final int BATCH = 500;
  static final int POLICIES = 1_000;
  /** The benchmark runs on real time: alerts start now, and the stores expire by this clock. */
  private static final Clock CLOCK = Clock.systemUTC();

  private IngestOnPostgres() {}

  public static void main(String[] args) {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RouterConfig config = config();
    List<double[]> memory = new ArrayList<>();
    List<double[]> postgres = new ArrayList<>();
    try (PostgresServer server = PostgresServer.startDurable()) {
      run(config, alerts, null); // warm-up of both paths, not counted
      try (PostgresStores stores = PostgresStores.connect(server.jdbcUrl(), CLOCK)) {
        run(config, alerts, stores);
      }
      for (int round = 0; round < rounds; round++) {
        memory.add(print("in memory", run(config, alerts, null)));
        server.psql("TRUNCATE alert_router.alert");
        try (PostgresStores stores = PostgresStores.connect(server.jdbcUrl(), CLOCK)) {
          postgres.add(print("postgresql", run(config, alerts, stores)));
        }
      }
    }
    double mem = median(memory, 0);
    double pg = median(postgres, 0);
    System.out.printf(Locale.ROOT, "median: in memory %.0f alerts/s (p99 %.1f ms), postgresql %.0f alerts/s "
        + "(p99 %.1f ms): postgresql takes %.2fx the in-memory time%n", mem, median(memory, 2), pg,
        median(postgres, 2), mem / pg);
  }

  /** One run: {@code {alerts/s, p50 ms, p99 ms}} of a fresh router on {@code stores} (null: in memory). */
  private static double[] run(RouterConfig config, int alerts, PostgresStores stores) {
    AlertRouter.Builder builder = AlertRouter.builder().config(config).clock(CLOCK);
    if (stores != null) {
      builder.alertStore(stores.alerts()).silenceStore(stores.silences()).notificationLog(stores.notificationLog())
          .escalationStore(stores.escalations());
    }
    Instant now = CLOCK.instant();
    List<List<Alert>> batches = new ArrayList<>();
    for (int start = 0; start < alerts; start += BATCH) {
      List<Alert> batch = new ArrayList<>(BATCH);
      for (int i = start; i < Math.min(alerts, start + BATCH); i++) {
        batch.add(alert(i, now));
      }
      batches.add(batch);
    }
    double[] millis = new double[batches.size()];
    try (AlertRouter router = builder.build()) {
      long begin = System.nanoTime();
      for (int b = 0; b < batches.size(); b++) {
        long t = System.nanoTime();
        router.submit(batches.get(b));
        millis[b] = (System.nanoTime() - t) / 1e6;
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      Arrays.sort(millis);
      return new double[] {alerts / seconds, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]};
    }
  }

  private static double[] print(String what, double[] r) {
    System.out.printf(Locale.ROOT, "%-10s %8.0f alerts/s   batch p50 %6.1f ms   p99 %6.1f ms%n", what, r[0], r[1], r[2]);
    return r;
  }

  private static double median(List<double[]> runs, int i) {
    double[] values = runs.stream().mapToDouble(r -> r[i]).sorted().toArray();
    return values[values.length / 2];
  }

  /** W2's alert {@code i}: five alert names, a unique instance, 1,000 teams, severities 30/60/10 %. */
  static Alert alert(int i, Instant now) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("alertname", "BenchAlert" + (i % 5));
    labels.put("instance", "host-" + i + ":9100");
    labels.put("team", String.format(Locale.ROOT, "team-%03d", i % POLICIES));
    int s = i % 10;
    labels.put("severity", s < 3 ? "critical" : s < 9 ? "warning" : "info");
    labels.put("job", "job-" + (i % 4));
    labels.put("env", "prod");
    return Alert.firing(labels).annotation("summary", "bench alert " + i)
        .annotation("description", "generated for the ingest benchmark").startsAt(now).build();
  }

  static RouterConfig config() {
    RouterConfig.Builder config = RouterConfig.builder()
        .robot(new Robot("ops", "dingtalk", Secret.of("https://oapi.dingtalk.com/robot/send?access_token=bench"),
            null, null, Map.of()));
    for (int t = 0; t < POLICIES; t++) {
      String team = String.format(Locale.ROOT, "team-%03d", t);
      config.notificationPolicy(NotificationPolicy.builder(team)
          .matchingRules(List.of(new MatchingRule(List.of(Condition.eq("team", team),
              Condition.in("severity", "critical", "warning")))))
          .groupRule(new GroupRule(Duration.ofHours(1), Duration.ofMinutes(5), List.of("alertname", "instance")))
          .notifyRule(new NotifyRule(null, List.of("ops"), List.of()))
          .repeatInterval(Duration.ofHours(4))
          .build());
    }
    return config.build();
  }
}
