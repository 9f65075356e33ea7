package io.github.alertrouter.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One robot's {@link Outbox.Queue} as an outbox keeps it in memory: every entry not yet ended, by
 * its id in queue order (a replacement keeps its place), and those of them that wait ({@link
 * WaitingEntries}). What the in-memory outbox and the journal's share; the journal writes each
 * change before it applies it here. Not thread-safe: the queue's lock guards it.
 */
public final class KeptEntries {
  private final Map<Long, Outbox.Entry> kept = new LinkedHashMap<>();
  private final Map<Outbox.Entry, Long> ids = new IdentityHashMap<>();
  private final WaitingEntries waiting = new WaitingEntries();

  /** The first waiting entry with {@code key}, which an offer with that key replaces; or null. */
  public Outbox.Entry waitingWithKey(String key) {
    return waiting.withKey(key);
  }

  /** The id of {@code entry} while it is kept, else null. */
  public Long id(Outbox.Entry entry) {
    return ids.get(entry);
  }

  /**
   * An offer: {@code entry} takes the place (and the id) of {@code replaced}, the waiting entry
   * with its key, or, when that is null, queues last under {@code id}.
   */
  public void offered(Outbox.Entry replaced, Outbox.Entry entry, long id) {
    if (replaced != null) {
      waiting.replace(replaced, entry);
      ids.remove(replaced);
    } else {
      waiting.addLast(entry);
    }
    ids.put(entry, id);
    kept.put(id, entry); // an id already there keeps its place
  }

  /** An entry read back (a journal's replay): kept under {@code id}, in place of one it had; not queued. */
  public void restore(long id, Outbox.Entry entry) {
    Outbox.Entry old = kept.put(id, entry);
    if (old != null) {
      ids.remove(old);
    }
    ids.put(entry, id);
  }

  /** The entry with {@code id} ended: no longer kept. */
  public void end(long id) {
    Outbox.Entry e = kept.remove(id);
    if (e != null) {
      ids.remove(e);
    }
  }

  /** Takes the first waiting entry out of the queue (it stays kept until ended); null when none waits. */
  public Outbox.Entry take() {
    return waiting.pollFirst();
  }

  /** The waiting group notifications, taken in queue order (a digest). */
  public List<Outbox.Entry> takeNotifications() {
    return waiting.takeIf(e -> !e.delivery().isNotice());
  }

  /**
   * Lets go of the queue: nothing waits, and the kept entries lose their receipts (they belonged
   * to the role this process gave up). How many were kept.
   */
  public int release() {
    int held = kept.size();
    waiting.clear();
    kept.replaceAll((id, e) -> {
      Outbox.Entry bare = e.withoutReceipt();
      ids.remove(e);
      ids.put(bare, id);
      return bare;
    });
    return held;
  }

  /** Queues every kept entry again, in order (taken but not ended ones included), and returns them. */
  public List<Outbox.Entry> reload() {
    waiting.clear();
    kept.values().forEach(waiting::addLast);
    return waiting.toList();
  }

  /** How many entries wait. */
  public int size() {
    return waiting.size();
  }

  /** How many waiting entries are group notifications. */
  public int notifications() {
    return waiting.notifications();
  }

  /** How many entries are kept (waiting, or taken and not ended). */
  public int kept() {
    return kept.size();
  }

  /** The kept entries by id, in queue order: a read-only view. */
  public Map<Long, Outbox.Entry> byId() {
    return Collections.unmodifiableMap(kept);
  }
}
