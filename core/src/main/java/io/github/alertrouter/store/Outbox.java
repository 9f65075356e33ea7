package io.github.alertrouter.store;

import io.github.alertrouter.notify.Delivery;
import java.util.List;

/**
 * Where deliveries wait for their robot: each robot's queue, which its lane takes from in order.
 * Routers that follow each other may share one, so that what waits survives them (a lane that
 * outlives a reload keeps its queue either way). Keyed like {@link RateWindows}. A durable store
 * keeps the delivery and what its receipt records, and claims entries so that one sender sends
 * each; the in-memory default holds the receipt itself. Implementations must be thread-safe.
 */
public interface Outbox {
  /** The queue of {@code robotKey}, created on first use. */
  Queue queue(String robotKey);

  /** A delivery waiting: what to send, the key a newer one replaces it by, who hears the end. */
  record Entry(Delivery delivery, String key, Receipt receipt) {}

  /** One robot's queue, oldest first. */
  interface Queue {
    /**
     * Adds {@code entry} at the end, or in place of a waiting entry with the same key (not
     * {@code null}), which it returns; {@code null} when nothing was replaced.
     */
    Entry offer(Entry entry);

    /** Takes the oldest entry, or {@code null} when none waits. */
    Entry take();

    /** Takes every waiting notification (not notices), oldest first: what a digest merges. */
    List<Entry> takeNotifications();

    /** How many entries wait. */
    int size();

    /** How many of them are notifications (not notices). */
    int notifications();
  }

  /** Queues in this process's memory. */
  static Outbox inMemory() {
    return new InMemoryOutbox();
  }
}
