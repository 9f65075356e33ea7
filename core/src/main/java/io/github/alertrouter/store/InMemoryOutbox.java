package io.github.alertrouter.store;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    // every entry not ended, by its sequence number (an entry replaced keeps its place)
    private final Map<Long, Entry> kept = new LinkedHashMap<>();
    private final Map<Entry, Long> ids = new IdentityHashMap<>();
    private final WaitingEntries waiting = new WaitingEntries();

    @Override
    public synchronized Entry offer(Entry entry) {
      Entry old = waiting.withKey(entry.key());
      if (old != null) {
        waiting.replace(old, entry);
        long id = ids.remove(old);
        ids.put(entry, id);
        kept.put(id, entry);
        return old;
      }
      long id = next++;
      kept.put(id, entry);
      ids.put(entry, id);
      waiting.addLast(entry);
      return null;
    }

    synchronized int kept() {
      return kept.size();
    }

    @Override
    public synchronized Entry take() {
      return waiting.pollFirst();
    }

    @Override
    public synchronized List<Entry> takeNotifications() {
      return waiting.takeIf(e -> !e.delivery().isNotice());
    }

    @Override
    public void ended(List<Entry> taken, Receipt.Outcome outcome, Instant at) {
      synchronized (this) {
        for (Entry e : taken) {
          Long id = ids.remove(e);
          if (id != null) {
            kept.remove(id);
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
      int held = kept.size();
      waiting.clear();
      // the receipts belonged to the groups of the role this process gave up
      kept.replaceAll((id, e) -> {
        Entry bare = new Entry(e.delivery(), e.key(), e.delivered(), Receipt.NONE);
        ids.remove(e);
        ids.put(bare, id);
        return bare;
      });
      return held;
    }

    @Override
    public synchronized List<Entry> reload() {
      waiting.clear();
      kept.values().forEach(waiting::addLast);
      return waiting.toList();
    }

    @Override
    public synchronized int size() {
      return waiting.size();
    }

    @Override
    public synchronized int notifications() {
      return waiting.notifications();
    }
  }
}
