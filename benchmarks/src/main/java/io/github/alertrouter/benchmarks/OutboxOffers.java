package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storm's notifications queued for one robot: {@code n} groups, each offered to the robot's
 * outbox queue under its group key (as the timer thread does when the group flushes), then a
 * second round that replaces every one of them (each group's next notice). Prints the time per
 * offer. Before the outboxes found a waiting entry by key, each offer scanned the queue: the
 * time per offer grew with the queue (quadratic in the storm).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.OutboxOffers [n...]
 * </pre>
 */
public final class OutboxOffers {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  private OutboxOffers() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000, 30_000);
    }
    Delivery delivery = delivery();
    for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
      for (int n : sizes) {
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          // a group key as the router writes it: route, then the group labels
          keys.add(String.format(Locale.ROOT,
              "{}/{team=\"team-%03d\",severity=~\"critical|warning\"}:{alertname=\"BenchAlert0%d\", instance=\"host-%d:9100\"}",
              i % 1_000, i % 5, i));
        }
        Outbox.Queue queue = Outbox.inMemory().queue("storm:robot");
        long begin = System.nanoTime();
        for (String key : keys) {
          queue.offer(new Outbox.Entry(delivery, key, null, Receipt.NONE));
        }
        for (String key : keys) {
          queue.offer(new Outbox.Entry(delivery, key, null, Receipt.NONE));
        }
        double micros = (System.nanoTime() - begin) / 1e3 / (2.0 * n);
        System.out.printf(Locale.ROOT, "round %d: %,7d groups to one robot: %9.2f µs per offer, %,8.0f ms in all%n",
            round + 1, n, micros, micros * 2 * n / 1e3);
        if (queue.size() != n) {
          throw new IllegalStateException("expected " + n + " waiting, got " + queue.size());
        }
      }
    }
  }

  private static Delivery delivery() {
    Alert alert = Alert.firing(Map.of("alertname", "BenchAlert00")).startsAt(T0).build();
    Notification n = Notification.of("storm", "{}:{alertname=\"BenchAlert00\"}",
        new TreeMap<>(Map.of("alertname", "BenchAlert00")), NotifyReason.FIRST_NOTIFICATION, List.of(alert),
        List.of(), List.of(), T0);
    return new Delivery("storm", n, List.of(), null);
  }
}
