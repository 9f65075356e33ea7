package io.github.alertrouter.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The entries of one robot's {@link Outbox.Queue} that wait to be taken, in queue order, for an
 * outbox implementation to keep in memory (the in-memory one, the journal's, PostgreSQL's). The
 * waiting entry with a key is found in constant time: an offer replaces the waiting notice of its
 * group, and a storm queues thousands of them for one robot, so a scan of the queue per offer made
 * a storm quadratic (10,000 groups: 50 million key comparisons on the timer thread). Entries are
 * told apart by identity, as the queues' ids are. Not thread-safe: the queue's lock guards it.
 */
public final class WaitingEntries {
  private long next;
  // by a sequence number of this object's own: a replacement keeps its place
  private final LinkedHashMap<Long, Outbox.Entry> inOrder = new LinkedHashMap<>();
  private final Map<Outbox.Entry, Long> places = new IdentityHashMap<>();
  // the places of the waiting entries with each key, in queue order (more than one only after a reload)
  private final Map<String, Deque<Long>> byKey = new HashMap<>();
  private int notifications;

  /** The first waiting entry with {@code key}, or null. */
  public Outbox.Entry withKey(String key) {
    Deque<Long> at = key == null ? null : byKey.get(key);
    return at == null ? null : inOrder.get(at.peekFirst());
  }

  /** Queues {@code entry} last. */
  public void addLast(Outbox.Entry entry) {
    long place = next++;
    inOrder.put(place, entry);
    places.put(entry, place);
    if (entry.key() != null) {
      byKey.computeIfAbsent(entry.key(), k -> new ArrayDeque<>(1)).addLast(place);
    }
    notifications += counted(entry);
  }

  /** Puts {@code now} where {@code waiting} (with the same key) waits. */
  public void replace(Outbox.Entry waiting, Outbox.Entry now) {
    Long place = places.remove(waiting);
    if (place == null) {
      throw new IllegalArgumentException("not waiting: " + waiting);
    }
    if (!java.util.Objects.equals(waiting.key(), now.key())) {
      throw new IllegalArgumentException("a replacement has the key of the entry it replaces");
    }
    inOrder.put(place, now);
    places.put(now, place);
    notifications += counted(now) - counted(waiting);
  }

  /** Takes {@code entry} out of the queue; whether it waited. */
  public boolean remove(Outbox.Entry entry) {
    Long place = places.remove(entry);
    if (place == null) {
      return false;
    }
    inOrder.remove(place);
    forgetKey(entry, place);
    notifications -= counted(entry);
    return true;
  }

  /** The first entry, taken out of the queue; null when none waits. */
  public Outbox.Entry pollFirst() {
    Iterator<Map.Entry<Long, Outbox.Entry>> first = inOrder.entrySet().iterator();
    if (!first.hasNext()) {
      return null;
    }
    Map.Entry<Long, Outbox.Entry> taken = first.next();
    first.remove();
    places.remove(taken.getValue());
    forgetKey(taken.getValue(), taken.getKey());
    notifications -= counted(taken.getValue());
    return taken.getValue();
  }

  /** Takes every entry {@code which} accepts out of the queue, in queue order. */
  public List<Outbox.Entry> takeIf(Predicate<Outbox.Entry> which) {
    List<Outbox.Entry> taken = new ArrayList<>();
    for (Iterator<Map.Entry<Long, Outbox.Entry>> it = inOrder.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Outbox.Entry> e = it.next();
      if (which.test(e.getValue())) {
        it.remove();
        places.remove(e.getValue());
        forgetKey(e.getValue(), e.getKey());
        notifications -= counted(e.getValue());
        taken.add(e.getValue());
      }
    }
    return taken;
  }

  /** Empties the queue. */
  public void clear() {
    inOrder.clear();
    places.clear();
    byKey.clear();
    notifications = 0;
  }

  /** How many entries wait. */
  public int size() {
    return inOrder.size();
  }

  /** How many waiting entries are group notifications (not notices): what a digest could merge. */
  public int notifications() {
    return notifications;
  }

  /** The waiting entries, in queue order. */
  public List<Outbox.Entry> toList() {
    return List.copyOf(inOrder.values());
  }

  private void forgetKey(Outbox.Entry entry, long place) {
    if (entry.key() == null) {
      return;
    }
    Deque<Long> at = byKey.get(entry.key());
    at.remove(place);
    if (at.isEmpty()) {
      byKey.remove(entry.key());
    }
  }

  private static int counted(Outbox.Entry entry) {
    return entry.delivery().isNotice() ? 0 : 1;
  }
}
