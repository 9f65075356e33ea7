package io.github.alertrouter.benchmarks;

import io.github.alertrouter.RouterStats;
import io.github.alertrouter.cli.ServeInProcess;
import io.github.alertrouter.testkit.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * W2's intake through {@code alert-router serve}, as a user runs it, with the state in memory,
 * with {@code --storage.url} on PostgreSQL and with {@code --storage.path} (the journal):
 * {@code alerts} alerts posted as Alertmanager webhooks of 500 alerts to
 * {@code /api/v1/alertmanager} by {@code senders} threads (default one), each posting one after
 * the other on a keep-alive connection of its own (Alertmanager posts flushes at once), into 1,000 policies ({@code team="team-NNN"}, {@code severity=~"critical|warning"})
 * grouped by alertname and instance. The group wait is an hour, so nothing is sent: this measures
 * intake only (HTTP, JSON, the store, routing into groups). Each run is a fresh server on empty
 * state (in-memory stores, or a dropped schema), so it ingests only new alerts; the runs alternate
 * between the storage modes in one JVM, after warm-up runs of each. Prints alerts/s and the p50/p99
 * of a POST for each run, then per mode the median and range of alerts/s, the p50/p99 of all its
 * POSTs, and the ratio to the in-memory median.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.IngestThroughServe [alerts] [rounds]}</pre>
 *
 * <p>The server runs in this JVM ({@link ServeInProcess}: serve's own flag parsing and receiver),
 * so that the JIT is warm after the warm-up runs; the client is the JDK's {@link HttpClient}. The
 * PostgreSQL server is started from Debian's binaries on loopback with PostgreSQL's default
 * settings, {@code fsync} on ({@link PostgresServer#startDurable()}).
 *
 * <p>{@code serve}'s JDK HTTP server leaves Nagle's algorithm on, which with the client's delayed
 * ACK holds each answer about 40 ms on a keep-alive connection; {@code
 * -Dsun.net.httpserver.nodelay=true} before {@code -cp} measures intake without that stall (see
 * {@code docs/benchmarks.md}).
 */
public final class IngestThroughServe {
  static final int BATCH = 500;
  private static final int WARMUPS = 3;
  /** Stamps the webhooks as Alertmanager would (serve runs on the system clock too). */
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(30);

  /** serve's flags for one run on empty state; {@code emptyDirectory} is new for each run. */
  @FunctionalInterface
  interface FreshState {
    List<String> serveFlags(Path emptyDirectory);
  }

  /** A storage mode of serve. */
  record Storage(String name, FreshState state) {}

  /** One run's result: alerts/s and each POST's time in ms. */
  record Run(double alertsPerSecond, double[] postMillis) {}

  private IngestThroughServe() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    // Alertmanager posts each group flush's webhook at once, on connections of their own
    int senders = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    // Flyway reports each migration through java.util.logging (no SLF4J binding here): keep the table readable
    Logger.getLogger("").setLevel(Level.WARNING);
    Path work = Files.createTempDirectory("ingest-through-serve-");
    try (PostgresServer postgres = PostgresServer.startDurable()) {
      Path config = Files.writeString(work.resolve("alert-router.yaml"), config());
      List<Storage> modes = List.of(
          new Storage("in memory", dir -> List.of()),
          new Storage("postgresql", dir -> {
            postgres.psql("DROP SCHEMA IF EXISTS alert_router CASCADE"); // serve migrates an empty database
            return List.of("--storage.url=" + postgres.jdbcUrl());
          }),
          new Storage("journal", dir -> List.of("--storage.path=" + dir)));
      // -Dmodes=in memory,postgresql: fewer modes for a quicker comparison (the first is the base)
      String only = System.getProperty("modes");
      if (only != null) {
        List<String> names = List.of(only.split(","));
        modes = modes.stream().filter(m -> names.contains(m.name())).toList();
      }
      Map<Storage, List<Run>> runs = new LinkedHashMap<>();
      modes.forEach(mode -> runs.put(mode, new ArrayList<>())); // printed in this order
      for (int w = 0; w < WARMUPS; w++) {
        for (Storage mode : modes) {
          print("warm-up " + mode.name(), run(mode, config, work, alerts, senders));
        }
      }
      for (int round = 0; round < rounds; round++) {
        // A B, B A, ...: a drift in the machine's speed over the session favours no mode
        List<Storage> order = new ArrayList<>(modes);
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        for (Storage mode : order) {
          runs.get(mode).add(print(mode.name(), run(mode, config, work, alerts, senders)));
        }
      }
      summarize(runs, modes.get(0));
    } finally {
      delete(work);
    }
  }

  /**
   * One run: a fresh serve on empty state, {@code alerts} new alerts posted in batches by
   * {@code senders} threads, each on a keep-alive connection of its own, then stopped.
   */
  static Run run(Storage mode, Path config, Path work, int alerts, int senders) throws Exception {
    List<byte[]> bodies = webhooks(alerts, CLOCK.instant());
    Path state = Files.createTempDirectory(work, "state-");
    List<String> flags = new ArrayList<>(List.of("--config=" + config, "--listen=127.0.0.1:0"));
    flags.addAll(mode.state().serveFlags(state));
    System.gc(); // the previous run's router is garbage: collect it outside the measurement
    double[] millis = new double[bodies.size()];
    double seconds;
    RouterStats stats;
    try (ServeInProcess serve = ServeInProcess.start(flags)) {
      awaitActive(serve);
      List<HttpClient> clients = new ArrayList<>();
      for (int c = 0; c < senders; c++) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // opens the connection this sender's POSTs reuse
        send(client, HttpRequest.newBuilder(URI.create(serve.url() + "/healthz")).build());
        clients.add(client);
      }
      URI webhook = URI.create(serve.url() + "/api/v1/alertmanager");
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
      try {
        long begin = System.nanoTime();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < senders; c++) {
          int sender = c;
          sent.add(pool.submit(() -> {
            for (int b = sender; b < bodies.size(); b += senders) {
              long t = System.nanoTime();
              HttpResponse<String> answer = send(clients.get(sender), HttpRequest.newBuilder(webhook)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build());
              millis[b] = (System.nanoTime() - t) / 1e6;
              if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST " + b + " answered " + answer.statusCode() + ": " + answer.body());
              }
            }
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : sent) {
          f.get(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        seconds = (System.nanoTime() - begin) / 1e9;
      } finally {
        pool.shutdownNow();
      }
      stats = serve.stats();
    } finally {
      delete(state);
    }
    int routed = expectedGroups(alerts);
    if (stats.alerts() != alerts || stats.groups() != routed) {
      throw new IllegalStateException(mode.name() + ": expected " + alerts + " alerts in " + routed + " groups, but serve "
          + "held " + stats.alerts() + " in " + stats.groups());
    }
    return new Run(alerts / seconds, millis);
  }

  private static void awaitActive(ServeInProcess serve) throws InterruptedException {
    long deadline = System.nanoTime() + ACTIVE_WITHIN.toNanos();
    while (!serve.active()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("serve did not take the fleet's lease within " + ACTIVE_WITHIN);
      }
      Thread.sleep(10);
    }
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Alerts that match a policy (critical and warning, 90 %), each its own group (a unique instance). */
  static int expectedGroups(int alerts) {
    int groups = 0;
    for (int i = 0; i < alerts; i++) {
      groups += i % 10 < 9 ? 1 : 0;
    }
    return groups;
  }

  private static Run print(String what, Run run) {
    double[] sorted = run.postMillis().clone();
    Arrays.sort(sorted);
    // the load average says how much else ran on the machine meanwhile (this VM is shared)
    System.out.printf(Locale.ROOT, "%-22s %8.0f alerts/s   POST p50 %6.1f ms   p99 %6.1f ms   load %.1f%n", what,
        run.alertsPerSecond(), percentile(sorted, 0.50), percentile(sorted, 0.99),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return run;
  }

  /** Per mode: alerts/s median and range, p50/p99 of all its POSTs, and its time relative to {@code base}'s. */
  private static void summarize(Map<Storage, List<Run>> runs, Storage base) {
    double baseMedian = median(runs.get(base));
    System.out.printf(Locale.ROOT, "%n%-12s %10s %19s %11s %11s %10s%n", "store", "alerts/s", "range", "POST p50",
        "POST p99", "time ×");
    runs.forEach((mode, list) -> {
      double[] perSecond = list.stream().mapToDouble(Run::alertsPerSecond).sorted().toArray();
      double[] posts = list.stream().flatMapToDouble(r -> Arrays.stream(r.postMillis())).sorted().toArray();
      double median = median(list);
      System.out.printf(Locale.ROOT, "%-12s %10.0f %8.0f – %8.0f %8.1f ms %8.1f ms %9.2fx%n", mode.name(), median,
          perSecond[0], perSecond[perSecond.length - 1], percentile(posts, 0.50), percentile(posts, 0.99),
          baseMedian / median);
    });
  }

  private static double median(List<Run> runs) {
    double[] values = runs.stream().mapToDouble(Run::alertsPerSecond).sorted().toArray();
    return values[values.length / 2];
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }

  /**
   * W2's alerts as Alertmanager sends them: webhooks of {@link #BATCH} alerts, firing with no end
   * (Go's zero time) and started at {@code now} (Alertmanager stamps an alert posted without
   * {@code startsAt} with the time it received it).
   */
  static List<byte[]> webhooks(int alerts, Instant now) {
    String start = now.truncatedTo(ChronoUnit.MILLIS).toString();
    List<byte[]> bodies = new ArrayList<>();
    for (int first = 0; first < alerts; first += BATCH) {
      StringBuilder json = new StringBuilder(BATCH * 400).append("{\"version\":\"4\",\"groupKey\":\"{}:{}\",")
          .append("\"truncatedAlerts\":0,\"status\":\"firing\",\"receiver\":\"alert-router\",\"groupLabels\":{},")
          .append("\"commonLabels\":{\"env\":\"prod\"},\"commonAnnotations\":{\"description\":\"generated for the ")
          .append("ingest benchmark\"},\"externalURL\":\"http://alertmanager.local:9093\",\"alerts\":[");
      for (int i = first; i < Math.min(alerts, first + BATCH); i++) {
        int s = i % 10;
        json.append(i == first ? "" : ",").append("{\"status\":\"firing\",\"labels\":{")
            .append("\"alertname\":\"BenchAlert").append(String.format(Locale.ROOT, "%02d", i % 5)).append('"')
            .append(",\"instance\":\"host-").append(i).append(":9100\"")
            .append(",\"team\":\"").append(String.format(Locale.ROOT, "team-%03d", i % 1_000)).append('"')
            .append(",\"severity\":\"").append(s < 3 ? "critical" : s < 9 ? "warning" : "info").append('"')
            .append(",\"job\":\"job-").append(i % 4).append('"')
            .append(",\"env\":\"prod\"},\"annotations\":{\"summary\":\"bench alert ").append(i)
            .append("\",\"description\":\"generated for the ingest benchmark\"},\"startsAt\":\"").append(start)
            .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus.local:9090/graph\"}");
      }
      bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }

  /** W2's config: 1,000 policies {@code team="team-NNN", severity=~"critical|warning"}, an hour's group wait. */
  static String config() {
    StringBuilder yaml = new StringBuilder("""
        robots:
          - { id: ops, platform: dingtalk, webhook: "https://oapi.dingtalk.com/robot/send?access_token=bench" }
        notificationPolicies:
        """);
    for (int t = 0; t < 1_000; t++) {
      String team = String.format(Locale.ROOT, "team-%03d", t);
      yaml.append("  - name: ").append(team).append('\n')
          .append("    matchingRules:\n")
          .append("      - conditions:\n")
          .append("          - { key: team, op: eq, value: ").append(team).append(" }\n")
          .append("          - { key: severity, op: re, value: \"critical|warning\" }\n")
          .append("    groupRule: { groupWait: 1h, groupInterval: 5m, groupingFields: [alertname, instance] }\n")
          .append("    notifyRule: { robots: [ops] }\n")
          .append("    repeatInterval: 4h\n");
    }
    return yaml.toString();
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
