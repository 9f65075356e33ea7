package io.github.alertrouter.inhibit;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.InhibitRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers observe, resolve and forget sources that share one bucket while readers query it. Checks
 * only what must hold under any interleaving, and the final state; nothing depends on timing.
 */
class InhibitorConcurrencyTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final InhibitRule NODE_DOWN = new InhibitRule(
      List.of(eq("alertname", "NodeDown")), List.of(re("alertname", "Disk|Latency")), List.of("node"));
  private static final int WRITERS = 4;
  private static final int READERS = 4;
  private static final int SOURCES_PER_WRITER = 50;
  private static final int ROUNDS = 50;

  @Test
  void concurrentObserveForgetAndQueriesStayConsistent() throws Exception {
    Inhibitor inhibitor = Inhibitor.of(List.of(NODE_DOWN));
    Alert anchor = nodeDown("shared", "anchor");
    inhibitor.observe(anchor);
    Set<Fingerprint> sharedSources = new HashSet<>(Set.of(anchor.fingerprint()));
    List<List<Alert>> perWriter = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      List<Alert> mine = new ArrayList<>();
      for (int i = 0; i < SOURCES_PER_WRITER; i++) {
        Alert a = nodeDown("shared", w + "-" + i);
        mine.add(a);
        sharedSources.add(a.fingerprint());
      }
      perWriter.add(mine);
    }
    Alert sharedTarget = Alert.firing(Map.of("alertname", "Disk", "node", "shared")).build();
    Alert lonelyTarget = Alert.firing(Map.of("alertname", "Disk", "node", "lonely")).build();

    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Callable<List<String>>> tasks = new ArrayList<>();
    for (List<Alert> mine : perWriter) {
      tasks.add(() -> {
        start.await();
        for (int round = 0; round < ROUNDS; round++) {
          for (Alert a : mine) {
            inhibitor.observe(a);
          }
          for (Alert a : mine) {
            inhibitor.observe(a.resolvedAt(T0));
          }
          for (Alert a : mine) {
            inhibitor.forget(a.fingerprint());
          }
        }
        // the final state: even sources firing, odd ones forgotten
        for (int i = 0; i < mine.size(); i += 2) {
          inhibitor.observe(mine.get(i));
        }
        return List.of();
      });
    }
    for (int r = 0; r < READERS; r++) {
      tasks.add(() -> {
        start.await();
        List<String> violations = new ArrayList<>();
        do {
          Optional<Fingerprint> by = inhibitor.inhibitedBy(sharedTarget, T0);
          if (by.isEmpty() || !sharedSources.contains(by.get())) {
            violations.add("shared target inhibited by " + by);
          }
          if (inhibitor.inhibited(lonelyTarget, T0)) {
            violations.add("lonely target inhibited");
          }
        } while (writing.get() && violations.isEmpty());
        return violations;
      });
    }

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Callable<List<String>> task : tasks) {
        results.add(pool.submit(task));
      }
      start.countDown();
      for (int w = 0; w < WRITERS; w++) {
        results.get(w).get();
      }
      writing.set(false);
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(inhibitor.indexedSources()).isEqualTo(1 + WRITERS * SOURCES_PER_WRITER / 2);
    inhibitor.forget(anchor.fingerprint());
    Fingerprint lowestEven = perWriter.stream().flatMap(mine -> evens(mine).stream()).map(Alert::fingerprint)
        .min((a, b) -> Long.compareUnsigned(a.value(), b.value())).orElseThrow();
    assertThat(inhibitor.inhibitedBy(sharedTarget, T0)).contains(lowestEven);
  }

  private static List<Alert> evens(List<Alert> alerts) {
    List<Alert> evens = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i += 2) {
      evens.add(alerts.get(i));
    }
    return evens;
  }

  private static Alert nodeDown(String node, String instance) {
    return Alert.firing(Map.of("alertname", "NodeDown", "node", node, "instance", instance)).build();
  }
}
