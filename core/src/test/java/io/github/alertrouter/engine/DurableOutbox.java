package io.github.alertrouter.engine;

import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.OutboxJson;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.store.WaitingEntries;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An outbox kept outside the processes that use it, as PostgreSQL or a journal keeps one: entries
 * are stored as {@link OutboxJson} text, so what a process that dies held in memory (its receipts,
 * the groups they close over) dies with it. {@link #process()} opens one process's view.
 */
final class DurableOutbox {
  private final NotificationLog log;
  private final AtomicLong sequence = new AtomicLong();
  // robot key -> entries not ended, by sequence
  private final Map<String, Map<Long, String>> rows = new ConcurrentHashMap<>();

  DurableOutbox(NotificationLog log) {
    this.log = log;
  }

  /** How many entries are kept, over all robots. */
  synchronized int size() {
    return rows.values().stream().mapToInt(Map::size).sum();
  }

  /** A new process's view: nothing of it in memory until it reloads. */
  Outbox process() {
    Map<String, Outbox.Queue> queues = new ConcurrentHashMap<>();
    return new Outbox() {
      @Override
      public Queue queue(String robotKey) {
        return queues.computeIfAbsent(robotKey, View::new);
      }

      @Override
      public long depth() {
        return size();
      }
    };
  }

  private final class View implements Outbox.Queue {
    private final String robotKey;
    private final WaitingEntries waiting = new WaitingEntries();
    private final Map<Outbox.Entry, Long> ids = new IdentityHashMap<>();

    View(String robotKey) {
      this.robotKey = robotKey;
    }

    private Map<Long, String> stored() {
      return rows.computeIfAbsent(robotKey, k -> new LinkedHashMap<>());
    }

    @Override
    public Outbox.Entry offer(Outbox.Entry entry) {
      synchronized (DurableOutbox.this) {
        Outbox.Entry old = waiting.withKey(entry.key());
        if (old != null) {
          long id = ids.remove(old);
          stored().put(id, OutboxJson.write(entry));
          ids.put(entry, id);
          waiting.replace(old, entry);
          return old;
        }
        long id = sequence.incrementAndGet();
        stored().put(id, OutboxJson.write(entry));
        ids.put(entry, id);
        waiting.addLast(entry);
        return null;
      }
    }

    @Override
    public Outbox.Entry take() {
      synchronized (DurableOutbox.this) {
        return waiting.pollFirst();
      }
    }

    @Override
    public List<Outbox.Entry> takeNotifications() {
      synchronized (DurableOutbox.this) {
        return waiting.takeIf(e -> !e.delivery().isNotice());
      }
    }

    @Override
    public void ended(List<Outbox.Entry> taken, Receipt.Outcome outcome, Instant at) {
      synchronized (DurableOutbox.this) {
        for (Outbox.Entry e : taken) {
          Long id = ids.remove(e);
          if (id != null) {
            stored().remove(id);
          }
          if (outcome == Receipt.Outcome.DELIVERED && e.delivered() != null) {
            log.record(e.delivered().group(), e.delivered().robotId(), e.delivered().entry(at));
          }
        }
      }
    }

    @Override
    public int release() {
      synchronized (DurableOutbox.this) {
        waiting.clear();
        ids.clear();
        return stored().size();
      }
    }

    @Override
    public List<Outbox.Entry> reload() {
      synchronized (DurableOutbox.this) {
        Map<Long, Outbox.Entry> mine = new LinkedHashMap<>();
        ids.forEach((entry, id) -> mine.put(id, entry));
        waiting.clear();
        ids.clear();
        stored().forEach((id, json) -> {
          Outbox.Entry entry = mine.getOrDefault(id, OutboxJson.read(json));
          ids.put(entry, id);
          waiting.addLast(entry);
        });
        return waiting.toList();
      }
    }

    @Override
    public int size() {
      synchronized (DurableOutbox.this) {
        return waiting.size();
      }
    }

    @Override
    public int notifications() {
      synchronized (DurableOutbox.this) {
        return waiting.notifications();
      }
    }
  }
}
