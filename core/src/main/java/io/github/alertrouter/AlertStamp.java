package io.github.alertrouter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Alertmanager's defaults on receipt: no start means now, no end means "firing until
 * {@code noEnd} after this update", so an alert its source stops sending resolves by itself. A
 * start in the future (a wrong clock, a typo such as 9999-12-31) is taken as now: kept, it would
 * push the end past it and the alert would never expire. Stateless: what the store then does with
 * an alert it holds is {@link io.github.alertrouter.store.AlertStore#continued}.
 */
final class AlertStamp {
  private AlertStamp() {}

  /** Each alert as received at {@code now}. */
  static List<Alert> all(Collection<Alert> alerts, Instant now, Duration noEnd) {
    List<Alert> stamped = new ArrayList<>(alerts.size());
    alerts.forEach(alert -> stamped.add(of(alert, now, noEnd)));
    return stamped;
  }

  static Alert of(Alert alert, Instant now, Duration noEnd) {
    Instant startsAt = alert.startsAt() != null && !alert.startsAt().isAfter(now) ? alert.startsAt() : now;
    Instant endsAt = alert.endsAt() != null ? alert.endsAt() : now.plus(noEnd);
    if (endsAt.isBefore(startsAt)) {
      endsAt = startsAt;
    }
    return new Alert(alert.labels(), alert.annotations(), startsAt, endsAt, alert.generatorURL());
  }
}
