package io.github.alertrouter.store;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Outbox} in memory: one linked list per robot, each locked on its own. */
final class InMemoryOutbox implements Outbox {
  private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();

  @Override
  public Queue queue(String robotKey) {
    return queues.computeIfAbsent(robotKey, k -> new Local());
  }

  private static final class Local implements Queue {
    private final LinkedList<Entry> entries = new LinkedList<>();

    @Override
    public synchronized Entry offer(Entry entry) {
      if (entry.key() != null) {
        for (ListIterator<Entry> it = entries.listIterator(); it.hasNext(); ) {
          Entry waiting = it.next();
          if (entry.key().equals(waiting.key())) {
            it.set(entry);
            return waiting;
          }
        }
      }
      entries.addLast(entry);
      return null;
    }

    @Override
    public synchronized Entry take() {
      return entries.pollFirst();
    }

    @Override
    public synchronized List<Entry> takeNotifications() {
      List<Entry> taken = new ArrayList<>();
      entries.removeIf(e -> !e.delivery().isNotice() && taken.add(e));
      return taken;
    }

    @Override
    public synchronized int size() {
      return entries.size();
    }

    @Override
    public synchronized int notifications() {
      return (int) entries.stream().filter(e -> !e.delivery().isNotice()).count();
    }
  }
}
