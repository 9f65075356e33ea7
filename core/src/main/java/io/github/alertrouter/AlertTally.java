package io.github.alertrouter;

import io.github.alertrouter.store.AlertStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many alerts the store holds and how many of them fire, kept as the router learns of each
 * change (stored, resolved by hand, expired), so that {@code stats()}, every {@code /metrics}
 * scrape, costs the same however many alerts are held instead of asking the store to count them.
 *
 * <p>Firing depends on the time asked: an alert whose end passes stops firing with nothing to say
 * so. The router only hears of it at its group's next flush or at the collection, minutes later,
 * so counting at those points would lag. Instead the alerts' ends are kept in time order with a
 * mark at the last time asked and how many ends lie at or before it; asking a later time moves
 * the mark over the ends passed since, so each end is counted once as time goes on (an earlier
 * time, a clock set back, moves it back the same way).
 *
 * <p>The router keeps it rather than each store, so that it holds on every store alike, a
 * database shared by a fleet included: there the active member sees every change (it routes what
 * any member accepted, within a lease tick, and alone resolves by hand and collects), and a
 * standby holds nothing. It costs a map entry per held alert; the alert itself is the store's.
 *
 * <p>The last observation of a fingerprint wins, as in the groups and the {@code Inhibitor}:
 * two intakes of one alert that race may be observed in the other order than the store applied
 * them, until its next update or its expiry. Thread-safe: one lock, taken once per batch for a
 * few map updates each.
 */
final class AlertTally {
  /** The end of an alert with none: after any time a clock can tell. */
  private static final Instant NO_END = Instant.MAX;

  private final Map<Fingerprint, Instant> ends = new HashMap<>(); // each held alert's end
  private final TreeMap<Instant, Integer> byEnd = new TreeMap<>(); // how many held alerts end at each time
  private Instant mark = Instant.MIN;
  private int endedByMark; // held alerts whose end is at or before the mark

  /** Alerts as the store now holds them (received, handed over, taken from the fleet's inbox). */
  void stored(List<Alert> alerts) {
    Fingerprint[] fingerprints = new Fingerprint[alerts.size()];
    for (int i = 0; i < fingerprints.length; i++) {
      fingerprints[i] = alerts.get(i).fingerprint(); // hashed before the lock
    }
    synchronized (this) {
      for (int i = 0; i < fingerprints.length; i++) {
        Instant end = endOf(alerts.get(i));
        replace(ends.put(fingerprints[i], end), end);
      }
    }
  }

  /** {@link AlertStore#resolved}'s rule: a held alert ends unless it had ended by {@code now}. */
  synchronized void resolved(Alert ended, Instant now) {
    Fingerprint fp = ended.fingerprint();
    Instant before = ends.get(fp);
    if (before != null && before.isAfter(now)) {
      ends.put(fp, endOf(ended));
      replace(before, endOf(ended));
    }
  }

  /** Alerts the store dropped. */
  synchronized void expired(List<Fingerprint> dropped) {
    for (Fingerprint fp : dropped) {
      Instant before = ends.remove(fp);
      if (before != null) {
        replace(before, null);
      }
    }
  }

  /** Forgets every alert: this router no longer holds the store's (a fleet member standing by). */
  synchronized void clear() {
    ends.clear();
    byEnd.clear();
    endedByMark = 0;
  }

  /** How many alerts are held, and how many fire at {@code now}. */
  synchronized AlertStore.Counts counts(Instant now) {
    if (now.isAfter(mark)) {
      for (int n : byEnd.subMap(mark, false, now, true).values()) {
        endedByMark += n;
      }
    } else if (now.isBefore(mark)) {
      for (int n : byEnd.subMap(now, false, mark, true).values()) {
        endedByMark -= n;
      }
    }
    mark = now;
    return new AlertStore.Counts(ends.size(), ends.size() - endedByMark);
  }

  /** Moves one alert's end from {@code before} to {@code after}; {@code null} for none (new, dropped). */
  private void replace(Instant before, Instant after) {
    if (before != null) {
      byEnd.computeIfPresent(before, (t, n) -> n == 1 ? null : n - 1);
      if (!before.isAfter(mark)) {
        endedByMark--;
      }
    }
    if (after != null) {
      byEnd.merge(after, 1, Integer::sum);
      if (!after.isAfter(mark)) {
        endedByMark++;
      }
    }
  }

  private static Instant endOf(Alert alert) {
    return alert.endsAt() == null ? NO_END : alert.endsAt();
  }
}
