package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One aggregation group: the alerts of one route node that share grouping values, its timer,
 * what its last flush decided, and what each of its robots' chats last received. Every method
 * locks the group alone, so groups never wait for each other.
 */
final class AlertGroup {
  private final GroupId id;
  private final RouteSettings settings;
  private final SortedMap<String, String> groupLabels;
  private final Map<Fingerprint, Alert> alerts = new LinkedHashMap<>();
  private Entry last;
  private final NotificationLog log;
  private final String logKey;
  private final Set<String> undelivered = new HashSet<>(); // robots whose last notice gave up
  // the router's count of undelivered notices over all its groups, which stats() reads as it is;
  // null once the router dropped this group (a step-down): a late receipt then counts nowhere
  private AtomicInteger undeliveredTotal;
  private boolean flushed;
  private boolean destroyed;
  private Scheduler.Cancellable timer;
  private Instant timerAt;

  AlertGroup(GroupId id, RouteSettings settings, SortedMap<String, String> groupLabels, NotificationLog log,
      AtomicInteger undeliveredTotal) {
    this.id = id;
    this.settings = settings;
    this.groupLabels = groupLabels;
    this.log = log;
    this.logKey = Engine.logKey(id);
    this.undeliveredTotal = undeliveredTotal;
  }

  GroupId id() {
    return id;
  }

  RouteSettings settings() {
    return settings;
  }

  SortedMap<String, String> groupLabels() {
    return groupLabels;
  }

  /** What {@link #add} did. */
  enum Added {
    /** The group was destroyed meanwhile: the caller makes a new one. */
    GONE,
    /** Added; the group's timer takes care of it. */
    ADDED,
    /**
     * Added, and the group has not flushed yet although the alert is older than a group wait (or
     * there is none): the caller flushes it at once, after the rest of its batch is in
     * (Alertmanager: no point in waiting for a batch that is already late; but a webhook's alerts
     * belong in one notice).
     */
    LATE
  }

  /** Adds or updates an alert. The first alert starts the group-wait timer. */
  synchronized Added add(Alert alert, Instant now, Scheduler scheduler, Runnable flush) {
    if (destroyed) {
      return Added.GONE;
    }
    boolean first = alerts.isEmpty() && !flushed && timer == null;
    alerts.put(alert.fingerprint(), alert);
    // due now (no group wait, or a late alert): the caller flushes after the whole batch is in; a
    // timer started here could fire on the timers' thread while the batch is still being routed
    boolean due = !flushed && (settings.groupWait().isZero()
        || alert.startsAt() != null && !alert.startsAt().plus(settings.groupWait()).isAfter(now));
    if (first && !due) {
      scheduleIn(settings.groupWait(), now, scheduler, flush);
    }
    return due ? Added.LATE : Added.ADDED;
  }

  /**
   * Ends every alert of the group that still fires at {@code at} (a manual clear); false when the
   * group was destroyed or had nothing firing. Returns the alerts as they are now.
   */
  synchronized List<Alert> resolveAll(Instant at) {
    List<Alert> ended = new ArrayList<>();
    if (destroyed) {
      return ended;
    }
    for (Map.Entry<Fingerprint, Alert> e : alerts.entrySet()) {
      if (!e.getValue().isResolvedAt(at)) {
        Alert resolved = e.getValue().resolvedAt(at.isBefore(e.getValue().startsAt()) ? e.getValue().startsAt() : at);
        e.setValue(resolved);
        ended.add(resolved);
      }
    }
    return ended;
  }

  synchronized List<Alert> snapshot() {
    return new ArrayList<>(alerts.values());
  }

  synchronized Entry last() {
    return last;
  }

  /**
   * Starts from what the same group of a router this one took over last decided, so that its
   * escalation episode carries on (what each chat received is in the shared log already).
   */
  synchronized void inherit(Entry decided) {
    if (last == null) {
      last = decided;
    }
  }

  /** What {@code robotId}'s chat last received from this group, or {@code null}. */
  Entry delivered(String robotId) {
    Entry entry = log.get(logKey, robotId);
    return entry != null ? entry : log.get(logKey, GroupLog.EVERY_ROBOT);
  }

  /**
   * Records that {@code robotId}'s chat received {@code entry} (or that it need not: a notice
   * dropped outside the window, a resolution without resolved notices). Ignored once the group is
   * destroyed (a late answer must not seed the next episode) and when a newer entry is there.
   */
  synchronized void recordDelivered(String robotId, Entry entry) {
    if (undelivered.remove(robotId)) {
      countUndelivered(-1);
    }
    if (!destroyed) {
      log.record(logKey, robotId, entry); // under the group's lock: a destroy forgets the group after it
    }
  }

  /** Notes that a notice to {@code robotId} gave up: it waits for the group's next flush. */
  synchronized void gaveUp(String robotId) {
    if (!destroyed && undelivered.add(robotId)) {
      countUndelivered(1);
    }
  }

  /** How many of this group's robots wait for a notice that gave up. */
  synchronized int undelivered() {
    return undelivered.size();
  }

  /** Records a flush: what was notified (or {@code null} to keep the previous entry). */
  synchronized void flushed(Entry entry) {
    flushed = true;
    if (entry != null) {
      last = entry;
    }
  }

  /**
   * Drops resolved alerts that were flushed, unless they changed since (Alertmanager's
   * {@code DeleteIfNotModified}: an alert that fired again meanwhile stays).
   */
  synchronized void removeResolved(List<Alert> resolved) {
    for (Alert a : resolved) {
      alerts.remove(a.fingerprint(), a);
    }
  }

  /** Destroys the group when it holds no alert; true when it did. */
  synchronized boolean destroyIfEmpty() {
    if (alerts.isEmpty()) {
      destroyed = true;
      log.forget(logKey);
      countUndelivered(-undelivered.size());
      undelivered.clear();
      cancelTimer();
    }
    return destroyed;
  }

  /** (Re)sets the timer to {@code delay} from now unless an earlier flush is already due. */
  synchronized void scheduleIn(Duration delay, Instant now, Scheduler scheduler, Runnable flush) {
    Instant at = now.plus(delay);
    if (destroyed || (timer != null && !timerAt.isAfter(at))) {
      return;
    }
    cancelTimer();
    timerAt = at;
    timer = scheduler.schedule(delay, flush);
  }

  /** Called by the flush itself: its timer has fired. */
  synchronized void timerFired() {
    timer = null;
    timerAt = null;
  }

  /** When the next flush is due, or {@code null}. */
  synchronized Instant nextFlush() {
    return timerAt;
  }

  synchronized void stop() {
    cancelTimer();
  }

  /** The router let go of this group without destroying it (a step-down): it no longer counts. */
  synchronized void dropped() {
    countUndelivered(-undelivered.size());
    undeliveredTotal = null;
  }

  private void countUndelivered(int change) {
    if (undeliveredTotal != null && change != 0) {
      undeliveredTotal.addAndGet(change);
    }
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
      timerAt = null;
    }
  }
}
