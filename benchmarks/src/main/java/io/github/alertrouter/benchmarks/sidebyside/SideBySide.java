package io.github.alertrouter.benchmarks.sidebyside;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The side-by-side benchmark (issue #19): the real Alertmanager and {@code alert-router serve},
 * each a fresh process per run, given the same generated alerts on the same routing, posting to one
 * {@link Sink}; runs interleaved (A B, B A, …); one table of medians, ranges and ratios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.sidebyside.SideBySide \
 *     [--workloads=W1,W2,W3,S50 (or ST, the storm)] [--rounds=3] [--scale=1] [--idle=5] [--timeout=600] [--out=FILE] \
 *     [--alertmanager=/usr/bin/prometheus-alertmanager] [--launcher=bin/alert-router] \
 *     [--threads=true] [--only=alert-router]
 * </pre>
 *
 * {@code --scale} multiplies every workload's alerts and routes (CI runs it small); {@code
 * --threads=true} prints each server's CPU time by thread after each run; {@code --only} runs one
 * of them (for profiling; the table then has no ratios). {@code serve}
 * is run by {@code bin/alert-router}, with the JVM options it gives serve and {@code
 * ALERT_ROUTER_JAVA_OPTS} after them.
 */
public final class SideBySide {
  /** A storm is over once nothing has reached the chat for longer than the limit's window. */
  static final Duration STORM_QUIET = Duration.ofSeconds(65);

  private SideBySide() {}

  /** What to run. */
  record Options(List<Workload> workloads, int rounds, Duration idle, Duration timeout, Path alertmanager,
      Path launcher, String javaOptions, Path work, boolean threads, List<String> contenders) {}

  /** A workload's runs per contender, in the order the table prints them. */
  record Results(Workload workload, Map<String, List<Run>> runs) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    double scale = Double.parseDouble(flags.getOrDefault("scale", "1"));
    List<Workload> workloads = new ArrayList<>();
    for (String name : flags.getOrDefault("workloads", "W1,W2,W3,S50").split(",")) {
      workloads.add(workload(name.trim(), scale));
    }
    String javaOptions = System.getenv().getOrDefault("ALERT_ROUTER_JAVA_OPTS", "").trim();
    Path work = Files.createTempDirectory("side-by-side");
    Options options = new Options(workloads, Integer.parseInt(flags.getOrDefault("rounds", "3")),
        Duration.ofSeconds(Long.parseLong(flags.getOrDefault("idle", "5"))),
        Duration.ofSeconds(Long.parseLong(flags.getOrDefault("timeout", "600"))),
        Path.of(flags.getOrDefault("alertmanager", "/usr/bin/prometheus-alertmanager")),
        Path.of(flags.getOrDefault("launcher", "bin/alert-router")).toAbsolutePath(), javaOptions, work,
        Boolean.parseBoolean(flags.getOrDefault("threads", "false")),
        List.of(flags.getOrDefault("only", "Alertmanager,alert-router").split(",")));
    try {
      String table = Table.of(run(options, System.out::println), options.rounds());
      System.out.println();
      System.out.println(table);
      if (flags.containsKey("out")) {
        Files.writeString(Path.of(flags.get("out")), table);
      }
    } finally {
      delete(work);
    }
  }

  /** The named workload, its alerts and routes multiplied by {@code scale}. */
  static Workload workload(String name, double scale) {
    int routes = Math.max(1, (int) Math.round(1_000 * scale));
    return switch (name) {
      case "W1" -> Workload.w1(scaled(10_000, scale));
      case "W2" -> Workload.w2("W2", scaled(10_000, scale), routes);
      case "W3" -> Workload.w2("W3", scaled(100_000, scale), routes);
      case "S50" -> Workload.slowEndpoint(scaled(1_000, scale), routes);
      // the storm: 10,000 groups in 60 s to one robot under the real limit
      case "ST" -> Workload.storm(scaled(10_000, scale), Duration.ofMillis(Math.round(60_000 * Math.min(1, scale))));
      default -> throw new IllegalArgumentException("unknown workload " + name + " (W1, W2, W3, S50, ST)");
    };
  }

  private static int scaled(int alerts, double scale) {
    return Math.max(1, (int) Math.round(alerts * scale));
  }

  /** Runs every workload {@code rounds} times on each contender, interleaved; reports each run to {@code log}. */
  static List<Results> run(Options options, java.util.function.Consumer<String> log) throws Exception {
    Contender.AlertRouter alertRouter = new Contender.AlertRouter(options.launcher(), options.javaOptions());
    List<Contender> contenders = new ArrayList<>(List.of(new Contender.Alertmanager(options.alertmanager()),
        alertRouter));
    contenders.removeIf(c -> !options.contenders().contains(c.name()));
    if (contenders.contains(alertRouter)) {
      alertRouter.prepare();
    }
    List<Results> all = new ArrayList<>();
    try (Sink sink = new Sink()) {
      for (Workload workload : options.workloads()) {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        contenders.forEach(c -> runs.put(c.name(), new ArrayList<>()));
        List<byte[]> batches = workload.batches();
        for (int round = 0; round < options.rounds(); round++) {
          List<Contender> order = new ArrayList<>(contenders);
          if (round % 2 == 1) {
            java.util.Collections.reverse(order); // A B, B A: neither always runs on a machine the other just warmed
          }
          for (Contender contender : order) {
            Path dir = Files.createDirectories(options.work().resolve(workload.name() + "-" + round + "-"
                + contender.name()));
            Run run = runOnce(contender, workload, batches, sink, dir, options);
            runs.get(contender.name()).add(run);
            log.accept(String.format(Locale.ROOT, "%-4s round %d %-13s %s", workload.name(), round + 1,
                contender.name(), describe(run)));
          }
        }
        all.add(new Results(workload, runs));
      }
    }
    return all;
  }

  private static Run runOnce(Contender contender, Workload workload, List<byte[]> batches, Sink sink, Path dir,
      Options options) throws Exception {
    Sink.Tally tally = sink.expect(workload);
    Contender.Started started = contender.start(workload, dir, sink.base());
    try (ServerProcess server = started.process()) {
      double readyRss = server.rssMiB();
      int routed = workload.routedCount();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build(); // one keep-alive connection: POSTs one after the other
      long[] sentAt = new long[batches.size()];
      double cpuBefore = server.cpuSeconds();
      long begin = System.nanoTime();
      for (int b = 0; b < batches.size(); b++) {
        long due = begin + workload.spread().toNanos() * b / batches.size();
        while (System.nanoTime() - due < 0) {
          Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
        }
        sentAt[b] = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(started.intake())
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(b))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IllegalStateException(contender.name() + " answered POST " + b + " with " + answer.statusCode()
              + ": " + answer.body());
        }
      }
      double ingestSeconds = (System.nanoTime() - begin) / 1e9;
      // a storm is over when the chat has been told of every alert (named or counted), or when
      // nothing more comes: its e2e is the time to the message that completed the account
      boolean all = workload.storm()
          ? tally.awaitAccounted(routed, System.nanoTime(), STORM_QUIET, options.timeout())
          : tally.awaitAll(routed, options.timeout());
      double cpu = server.cpuSeconds() - cpuBefore;
      double cpuAtEnd = server.cpuSeconds();
      Thread.sleep(options.idle().toMillis());
      double idleCores = (server.cpuSeconds() - cpuAtEnd) / (options.idle().toMillis() / 1000.0);
      double peak = server.peakRssMiB();
      if (options.threads()) {
        StringBuilder threads = new StringBuilder(contender.name() + " CPU by thread (s):");
        server.cpuByThread().entrySet().stream().filter(e -> e.getValue() >= 0.05)
            .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
            .forEach(e -> threads.append(String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue())));
        System.out.println(threads);
      }
      if (!server.alive()) {
        throw new IllegalStateException(contender.name() + " died during the run:\n" + server.logTail());
      }
      if (tally.duplicates() > 0 || (!workload.storm() && tally.covered() < routed)) {
        // what the server said about the sends that went twice or not at all
        server.logLines("warn", 20).forEach(line -> System.out.println(contender.name() + " log: " + line));
      }
      double[] delays = new double[routed];
      long last = begin;
      int n = 0;
      for (int i = 0; i < workload.alerts(); i++) {
        long first = tally.firstArrival(i);
        if (workload.routed(i) && first != 0) {
          delays[n++] = (first - sentAt[i / Workload.BATCH]) / 1e9;
          last = Math.max(last, first);
        }
      }
      if (options.threads()) {
        // when alerts arrived, in half seconds from the first POST: where the time goes
        int[] histogram = new int[64];
        for (int i = 0; i < workload.alerts(); i++) {
          long first = tally.firstArrival(i);
          if (first != 0) {
            histogram[(int) Math.min(63, (first - begin) / 500_000_000L)]++;
          }
        }
        System.out.println(contender.name() + " arrivals per 0.5 s: " + Arrays.toString(histogram));
      }
      if (workload.storm()) {
        last = all ? tally.lastAccepted() : last;
      }
      double[] sorted = Arrays.copyOf(delays, n);
      Arrays.sort(sorted);
      return new Run(server.readySeconds(), readyRss, workload.alerts() / ingestSeconds,
          all ? (last - begin) / 1e9 : Double.NaN, percentile(sorted, 0.50), percentile(sorted, 0.99), cpu, peak,
          idleCores, tally.requests(), routed - tally.covered(), tally.duplicates(), tally.unexpected(),
          tally.omitted(), tally.refusedRequests());
    }
  }

  /** The nearest-rank percentile of sorted values; NaN when there are none. */
  static double percentile(double[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }

  private static String describe(Run r) {
    return String.format(Locale.ROOT, "ready %.2f s, %.0f MiB; ingest %.0f/s; e2e %.2f s; delay p50 %.2f p99 %.2f s; "
        + "cpu %.1f s; peak %.0f MiB; idle %.2f cores; %d requests (%d refused); lost %d (%d counted), dup %d, stray %d",
        r.readySeconds(), r.readyRssMiB(), r.alertsPerSecond(), r.e2eSeconds(), r.delayP50(), r.delayP99(),
        r.cpuSeconds(), r.peakRssMiB(), r.idleCores(), r.requests(), r.refused(), r.lost(), r.omitted(), r.duplicates(),
        r.unexpected());
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
