package io.github.alertrouter;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The router's alerts by fingerprint, with Alertmanager's rules of receipt (what a missing start
 * or end means, when an update continues an episode) and expiry. Concurrent: ingest takes no
 * lock beyond the map's own.
 */
final class AlertStore {
  private final ConcurrentMap<Fingerprint, Alert> alerts = new ConcurrentHashMap<>();

  /** Stores {@code alert} as received at {@code now}; one without an end fires until {@code noEnd} after now. */
  Alert receive(Alert alert, Instant now, Duration noEnd) {
    return alerts.merge(alert.fingerprint(), stamp(alert, now, noEnd), (old, fresh) -> merge(old, fresh, now));
  }

  /** Records that a stored alert was resolved by hand, unless it had already ended. */
  void resolved(Alert ended, Instant now) {
    alerts.computeIfPresent(ended.fingerprint(), (fp, old) -> old.isResolvedAt(now) ? old : ended);
  }

  Collection<Alert> all() {
    return alerts.values();
  }

  int size() {
    return alerts.size();
  }

  /** Drops the alerts resolved before {@code cutoff}, telling {@code dropped} each one's fingerprint. */
  void expire(Instant cutoff, Consumer<Fingerprint> dropped) {
    alerts.forEach((fp, alert) -> {
      if (alert.isResolvedAt(cutoff) && alerts.remove(fp, alert)) {
        dropped.accept(fp);
      }
    });
  }

  /**
   * Alertmanager's defaults on receipt: no start means now, no end means "firing until
   * {@code noEnd} after this update", so an alert its source stops sending resolves by itself. A
   * start in the future (a wrong clock, a typo such as 9999-12-31) is taken as now: kept, it
   * would push the end past it and the alert would never expire.
   */
  private static Alert stamp(Alert alert, Instant now, Duration noEnd) {
    Instant startsAt = alert.startsAt() != null && !alert.startsAt().isAfter(now) ? alert.startsAt() : now;
    Instant endsAt = alert.endsAt() != null ? alert.endsAt() : now.plus(noEnd);
    if (endsAt.isBefore(startsAt)) {
      endsAt = startsAt;
    }
    return new Alert(alert.labels(), alert.annotations(), startsAt, endsAt, alert.generatorURL());
  }

  /** An update of a still-firing alert keeps its original start (one episode); else it is new. */
  private static Alert merge(Alert old, Alert fresh, Instant now) {
    if (old.isResolvedAt(now) || old.startsAt() == null || !old.startsAt().isBefore(fresh.startsAt())) {
      return fresh;
    }
    return new Alert(fresh.labels(), fresh.annotations(), old.startsAt(), fresh.endsAt(), fresh.generatorURL());
  }
}
