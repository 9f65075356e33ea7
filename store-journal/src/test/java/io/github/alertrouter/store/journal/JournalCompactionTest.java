package io.github.alertrouter.store.journal;

import static io.github.alertrouter.store.journal.EverySeam.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.testkit.LogEvent;
import io.github.alertrouter.testkit.RecordedLogs;
import io.github.alertrouter.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal rewritten as the current state when it grows: nothing lost, nothing grows without bound. */
class JournalCompactionTest {
  /** Small, so that a test compacts often: the state itself is a few KiB. */
  private static final long BOUND = 8 * 1024;

  @TempDir
  Path dir;
  private final ManualClock clock = new ManualClock(T0);

  @BeforeEach
  void clearLogs() {
    RecordedLogs.clear();
  }

  private static Alert alert(String name, int version) {
    return Alert.firing(Map.of("alertname", name)).annotation("summary", "update " + version).startsAt(T0).build();
  }

  private static long compactions() {
    return RecordedLogs.events().stream().map(LogEvent::message).filter(m -> m.contains(": compacted from ")).count();
  }

  @Test
  void aJournalPastItsBoundIsRewrittenAsTheStateAndTheChangeRightAfterItIsKept() throws Exception {
    JournalStores stores = JournalStores.open(dir, clock, BOUND);
    Path file = stores.file();
    long largest = 0;
    boolean changedRightAfter = false;
    for (int i = 0; i < 1_000; i++) {
      long before = Files.size(file);
      stores.alerts().receive(List.of(alert("A" + i % 10, i)), T0); // ten alerts, updated over and over
      if (Files.size(file) < before && !changedRightAfter) {
        // this change compacted the journal: the next one is appended to the fresh file
        stores.notificationLog().record("g", "robot", new NotificationLog.Entry(Set.of(), Set.of(), T0));
        changedRightAfter = true;
      }
      largest = Math.max(largest, Files.size(file));
    }
    assertThat(compactions()).as("compactions of 1,000 updates").isGreaterThan(10);
    assertThat(largest).as("the journal's largest size").isLessThan(2 * BOUND);
    assertThat(changedRightAfter).isTrue();
    stores.crash();

    try (JournalStores reopened = JournalStores.open(dir, clock, BOUND)) {
      List<Alert> expected = new ArrayList<>();
      for (int i = 990; i < 1_000; i++) {
        expected.add(alert("A" + i % 10, i));
      }
      assertThat(reopened.alerts().all()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(reopened.notificationLog().get("g", "robot")).as("the change right after a compaction").isNotNull();
    }
  }

  @Test
  void changesFromManyThreadsWhileItCompactsAreAllKept() throws Exception {
    JournalStores stores = JournalStores.open(dir, clock, BOUND);
    int threads = 4;
    int each = 150;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<Alert> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            Alert alert = alert("T" + thread + "-" + i, i);
            stores.alerts().receive(List.of(alert), T0);
            acknowledged.add(alert);
            stores.notificationLog().record("T" + thread, "robot",
                new NotificationLog.Entry(Set.of(alert.fingerprint()), Set.of(), T0.plusSeconds(i)));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(compactions()).as("compactions while the threads wrote").isGreaterThan(2);
    stores.crash();

    try (JournalStores reopened = JournalStores.open(dir, clock, BOUND)) {
      assertThat(new HashSet<>(reopened.alerts().all())).isEqualTo(acknowledged).hasSize(threads * each);
      for (int t = 0; t < threads; t++) {
        assertThat(reopened.notificationLog().get("T" + t, "robot").at()).isEqualTo(T0.plusSeconds(each - 1));
      }
    }
  }
}
