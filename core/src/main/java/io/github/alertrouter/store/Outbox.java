package io.github.alertrouter.store;

import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.notify.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where deliveries wait for their robot: each robot's queue, which its lane takes from in order.
 * Keyed like {@link RateWindows}. An entry stays in the outbox from {@link Queue#offer} until the
 * lane says how it {@link Queue#ended}: one taken for sending and never ended (the process died
 * with its request out) is sent again by whoever {@link Queue#reload reloads} the queue next, the
 * only duplicate a durable outbox allows. A durable outbox commits a delivered entry's end with
 * its {@link Delivered notification-log record}, so a crash can neither forget that a chat received
 * a notice nor lose one that it did not.
 *
 * <p>One sender at a time: the lanes of the router (or the fleet's active member) that holds the
 * queue. Routers that follow each other may share one outbox. Implementations must be thread-safe.
 */
public interface Outbox {
  /** The queue of {@code robotKey}, created on first use. */
  Queue queue(String robotKey);

  /**
   * How many entries the outbox keeps over all robots (waiting, or taken and not ended): what an
   * operator watches; a durable outbox counts what every process left.
   *
   * @throws StoreException when the outbox cannot be read
   */
  long depth();

  /**
   * A delivery waiting.
   *
   * @param delivery what to send
   * @param key the key a newer entry replaces it by, or {@code null}
   * @param delivered what the notification log records once the platform accepted it, or
   *     {@code null} (an escalation step, an acknowledgement or a handoff notice records nothing)
   * @param step the escalation firing this entry is a notice of, or {@code null}: kept with the
   *     entry, so that a router reading it back knows the firing happened
   * @param receipt who hears how it ended in this process; an entry read back from a durable
   *     outbox has {@link Receipt#NONE}
   */
  record Entry(Delivery delivery, String key, Delivered delivered, StepFired step, Receipt receipt) {
    /** @throws NullPointerException if {@code delivery} or {@code receipt} is null */
    public Entry {
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(receipt, "receipt");
    }

    /** An entry that is no escalation step's notice. */
    public Entry(Delivery delivery, String key, Delivered delivered, Receipt receipt) {
      this(delivery, key, delivered, null, receipt);
    }

    /** This entry with {@link Receipt#NONE}: what a process that let go of it leaves for the next. */
    public Entry withoutReceipt() {
      return new Entry(delivery, key, delivered, step, Receipt.NONE);
    }
  }

  /**
   * Which escalation firing an entry is a notice of. The engine queues a firing's notices before
   * it records the firing in the {@link EscalationStore}; a process that dies between the two
   * leaves the notices here, and the router that reads them back records the firing from them
   * (when every robot's notice is among them), so it does not fire the step again.
   *
   * @param group the group's key in the escalation store
   * @param episodeStart when the episode's first notice went out ({@link EscalationState#firstNoticeAt}):
   *     a firing of an earlier episode is not recorded in a later one
   * @param slot the firing
   * @param at when it fired
   * @param robotIds every robot the firing notified, this entry's among them
   */
  record StepFired(String group, Instant episodeStart, FiringSlot slot, Instant at, Set<String> robotIds) {
    /**
     * Copies the set.
     *
     * @throws NullPointerException if a component is null
     */
    public StepFired {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(episodeStart, "episodeStart");
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(at, "at");
      robotIds = Set.copyOf(robotIds);
    }
  }

  /**
   * What the {@link NotificationLog} records when an entry was delivered: {@code robotId}'s chat
   * received {@code firing} and {@code resolved} of {@code group}.
   *
   * @param group the group's key in the notification log
   * @param robotId the robot whose chat received it
   * @param firing fingerprints the notice showed firing
   * @param resolved fingerprints it showed resolved
   */
  record Delivered(String group, String robotId, Set<Fingerprint> firing, Set<Fingerprint> resolved) {
    /**
     * Copies the sets.
     *
     * @throws NullPointerException if a component is null
     */
    public Delivered {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(robotId, "robotId");
      firing = Set.copyOf(firing);
      resolved = Set.copyOf(resolved);
    }

    /** The log's entry, delivered {@code at}. */
    public NotificationLog.Entry entry(Instant at) {
      return new NotificationLog.Entry(firing, resolved, at);
    }
  }

  /** One robot's queue, oldest first. */
  interface Queue {
    /**
     * Adds {@code entry} at the end, or in place of a waiting entry with the same key (not
     * {@code null}), which it returns; {@code null} when nothing was replaced.
     */
    Entry offer(Entry entry);

    /** Takes the oldest waiting entry for sending, or {@code null} when none waits. */
    Entry take();

    /** Takes every waiting notification (not notices), oldest first: what a digest merges. */
    List<Entry> takeNotifications();

    /**
     * Taken entries ended with {@code outcome} ({@link Receipt.Outcome#DELIVERED} or
     * {@link Receipt.Outcome#GAVE_UP}) at {@code at}: they leave the outbox, and a delivered one's
     * {@link Delivered} record is written to the notification log in the same commit.
     *
     * @throws StoreException when the end could not be committed (the entries are then sent again
     *     by the next reload: a duplicate, never a loss)
     */
    void ended(List<Entry> taken, Receipt.Outcome outcome, Instant at);

    /**
     * Lets go of the queue without ending anything (this process stops sending, e.g. it is no
     * longer the fleet's active member): the entries stay for the next {@link #reload}, without
     * their receipts. Returns how many entries were waiting or taken.
     */
    int release();

    /**
     * Makes every entry not yet ended wait again, oldest first, including those taken and never
     * ended (by a process that died or let go): this process sends from now on. Entries this
     * process offered since it last let go keep their receipts. Called only while none of this
     * process's taken entries is still to be ended. Returns the entries now waiting, oldest first.
     */
    List<Entry> reload();

    /** How many entries wait (not taken). */
    int size();

    /** How many of them are notifications (not notices). */
    int notifications();
  }

  /**
   * Queues in this process's memory; delivered entries are recorded in {@code log} when not
   * {@code null} (receipts record them anyway; the log makes the queue behave as a durable one).
   */
  static Outbox inMemory(NotificationLog log) {
    return new InMemoryOutbox(log);
  }

  /** Queues in this process's memory, recording nothing themselves. */
  static Outbox inMemory() {
    return new InMemoryOutbox(null);
  }
}
