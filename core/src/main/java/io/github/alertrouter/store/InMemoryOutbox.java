package io.github.alertrouter.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Outbox} in memory: per robot, every entry not yet ended (in queue order) and the ones
 * waiting, each queue locked on its own. The reference for what a durable outbox keeps.
 */
final class InMemoryOutbox implements Outbox {
  private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();
  private final NotificationLog log;

  InMemoryOutbox(NotificationLog log) {
    this.log = log;
  }

  @Override
  public Queue queue(String robotKey) {
    return queues.computeIfAbsent(robotKey, k -> new Local());
  }

  @Override
  public long depth() {
    return queues.values().stream().mapToLong(q -> ((Local) q).kept()).sum();
  }

  @Override
  public String toString() {
    return "InMemoryOutbox[" + queues.size() + " robots]";
  }

  private final class Local implements Queue {
    private long next;
    private final KeptEntries entries = new KeptEntries();

    @Override
    public synchronized Entry offer(Entry entry) {
      Entry old = entries.waitingWithKey(entry.key());
      entries.offered(old, entry, old == null ? next++ : entries.id(old));
      return old;
    }

    synchronized int kept() {
      return entries.kept();
    }

    @Override
    public synchronized Entry take() {
      return entries.take();
    }

    @Override
    public synchronized List<Entry> takeNotifications() {
      return entries.takeNotifications();
    }

    @Override
    public void ended(List<Entry> taken, Receipt.Outcome outcome, Instant at) {
      synchronized (this) {
        for (Entry e : taken) {
          Long id = entries.id(e);
          if (id != null) {
            entries.end(id);
          }
        }
      }
      if (log != null && outcome == Receipt.Outcome.DELIVERED) {
        taken.stream().filter(e -> e.delivered() != null)
            .forEach(e -> log.record(e.delivered().group(), e.delivered().robotId(), e.delivered().entry(at)));
      }
    }

    @Override
    public synchronized int release() {
      return entries.release();
    }

    @Override
    public synchronized List<Entry> reload() {
      return entries.reload();
    }

    @Override
    public synchronized int size() {
      return entries.size();
    }

    @Override
    public synchronized int notifications() {
      return entries.notifications();
    }
  }
}
