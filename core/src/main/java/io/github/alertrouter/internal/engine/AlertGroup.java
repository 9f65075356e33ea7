package io.github.alertrouter.internal.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One aggregation group: the alerts of one route node that share grouping values, its timer and
 * what it last notified. Every method locks the group alone, so groups never wait for each other.
 */
final class AlertGroup {
  private final GroupId id;
  private final RouteSettings settings;
  private final SortedMap<String, String> groupLabels;
  private final Map<Fingerprint, Alert> alerts = new LinkedHashMap<>();
  private LogEntry last;
  private boolean flushed;
  private boolean destroyed;
  private Scheduler.Cancellable timer;
  private Instant timerAt;

  AlertGroup(GroupId id, RouteSettings settings, SortedMap<String, String> groupLabels) {
    this.id = id;
    this.settings = settings;
    this.groupLabels = groupLabels;
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
     * Added, and the group has not flushed yet although the alert is older than a group wait:
     * the caller flushes it at once, after the rest of its batch is in (Alertmanager: no point in
     * waiting for a batch that is already late; but a webhook's alerts belong in one notice).
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
    if (first) {
      scheduleIn(settings.groupWait(), now, scheduler, flush);
    }
    boolean late = !flushed && alert.startsAt() != null && !alert.startsAt().plus(settings.groupWait()).isAfter(now);
    return late ? Added.LATE : Added.ADDED;
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

  synchronized LogEntry last() {
    return last;
  }

  /**
   * Starts from what the same group of a router this one took over last notified, so that its
   * first flush here repeats nothing that was already said.
   */
  synchronized void inherit(LogEntry entry) {
    if (last == null) {
      last = entry;
    }
  }

  /** Records a flush: what was notified (or {@code null} to keep the previous entry). */
  synchronized void flushed(LogEntry entry) {
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

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
      timerAt = null;
    }
  }
}
