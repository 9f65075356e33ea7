package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.store.journal.JournalStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Ingest with the alerts synced to the journal (what {@code serve --storage.path} does before it
 * answers 200) against the in-memory store, interleaved in one JVM: {@link IngestOnPostgres}'s
 * shape (W2: {@code alerts} alerts in batches of 500 into 1,000 policies, nothing sent). Each
 * store is run by one submitter, as {@code IngestOnPostgres} does, and by {@value #SUBMITTERS}
 * at once (webhooks arriving together share fsyncs). Then the time to reopen the journal the last
 * run left (replay and compaction: a restart's cost). Prints alerts/s and the p50/p99 of a batch's
 * submit for each run, then medians and their ratio.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.IngestOnJournal [alerts] [rounds] [dir]}</pre>
 *
 * {@code dir} is where the journals go (default: the temporary directory): put it on the disk
 * {@code --storage.path} will use, since the fsync is most of the cost.
 */
public final class IngestOnJournal {
  static final int SUBMITTERS = 4;
  /** The benchmark runs on real time: alerts start now, and the stores expire by this clock. */
  private static final Clock CLOCK = Clock.systemUTC();

  private IngestOnJournal() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path base = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")),
        "ingest-journal");
    RouterConfig config = IngestOnPostgres.config();
    List<double[]> memory = new ArrayList<>();
    List<double[]> journal = new ArrayList<>();
    List<double[]> memoryConcurrent = new ArrayList<>();
    List<double[]> journalConcurrent = new ArrayList<>();
    List<Double> reopen = new ArrayList<>();
    try {
      run(config, alerts, null, 1); // warm-up of both paths, not counted
      run(config, alerts, base.resolve("warm-up"), SUBMITTERS);
      for (int round = 0; round < rounds; round++) {
        memory.add(print("in memory", run(config, alerts, null, 1)));
        journal.add(print("journal", run(config, alerts, base.resolve("r" + round), 1)));
        memoryConcurrent.add(print("in memory x" + SUBMITTERS, run(config, alerts, null, SUBMITTERS)));
        Path dir = base.resolve("c" + round);
        journalConcurrent.add(print("journal x" + SUBMITTERS, run(config, alerts, dir, SUBMITTERS)));
        long t = System.nanoTime();
        try (JournalStores stores = JournalStores.open(dir, CLOCK)) {
          reopen.add((System.nanoTime() - t) / 1e6);
          System.out.printf(Locale.ROOT, "reopen     %d alerts replayed and compacted in %.0f ms (%d bytes)%n",
              stores.alerts().all().size(), reopen.get(reopen.size() - 1), Files.size(stores.file()));
        }
      }
    } finally {
      delete(base);
    }
    summary("one submitter", memory, journal);
    summary(SUBMITTERS + " submitters", memoryConcurrent, journalConcurrent);
    System.out.printf(Locale.ROOT, "median reopen of %d alerts: %.0f ms%n", alerts,
        reopen.stream().sorted().toList().get(reopen.size() / 2));
  }

  private static void summary(String what, List<double[]> memory, List<double[]> journal) {
    double mem = median(memory, 0);
    double j = median(journal, 0);
    System.out.printf(Locale.ROOT, "median, %s: in memory %.0f alerts/s (p99 %.1f ms), journal %.0f alerts/s "
        + "(p99 %.1f ms): the journal takes %.2fx the in-memory time%n", what, mem, median(memory, 2), j,
        median(journal, 2), mem / j);
  }

  /**
   * One run: {@code {alerts/s, p50 ms, p99 ms}} of a fresh router on a journal in {@code dir}
   * (null: in memory), its batches submitted by {@code submitters} threads at once.
   */
  private static double[] run(RouterConfig config, int alerts, Path dir, int submitters) throws Exception {
    JournalStores stores = dir == null ? null : JournalStores.open(dir, CLOCK);
    AlertRouter.Builder builder = AlertRouter.builder().config(config).clock(CLOCK);
    if (stores != null) {
      builder.alertStore(stores.alerts()).silenceStore(stores.silences()).notificationLog(stores.notificationLog())
          .escalationStore(stores.escalations()).rateWindows(stores.rateWindows()).handoffLog(stores.handoffs())
          .usedTokens(stores.usedTokens());
    }
    Instant now = CLOCK.instant();
    List<List<Alert>> batches = new ArrayList<>();
    for (int start = 0; start < alerts; start += IngestOnPostgres.BATCH) {
      List<Alert> batch = new ArrayList<>(IngestOnPostgres.BATCH);
      for (int i = start; i < Math.min(alerts, start + IngestOnPostgres.BATCH); i++) {
        batch.add(IngestOnPostgres.alert(i, now));
      }
      batches.add(batch);
    }
    double[] millis = new double[batches.size()];
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    try (AlertRouter router = builder.build()) {
      long begin = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < submitters; s++) {
        int first = s;
        done.add(pool.submit(() -> {
          for (int b = first; b < batches.size(); b += submitters) {
            long t = System.nanoTime();
            router.submit(batches.get(b));
            millis[b] = (System.nanoTime() - t) / 1e6;
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      Arrays.sort(millis);
      return new double[] {alerts / seconds, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]};
    } finally {
      pool.shutdown();
      if (stores != null) {
        stores.close();
      }
    }
  }

  private static double[] print(String what, double[] r) {
    System.out.printf(Locale.ROOT, "%-14s %8.0f alerts/s   batch p50 %6.1f ms   p99 %6.1f ms%n", what, r[0], r[1], r[2]);
    return r;
  }

  private static double median(List<double[]> runs, int i) {
    double[] values = runs.stream().mapToDouble(r -> r[i]).sorted().toArray();
    return values[values.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
