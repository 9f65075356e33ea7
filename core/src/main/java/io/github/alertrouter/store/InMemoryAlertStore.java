package io.github.alertrouter.store;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link AlertStore} in a concurrent map: ingest takes no lock beyond the map's own. */
final class InMemoryAlertStore implements AlertStore {
  private final ConcurrentMap<Fingerprint, Alert> alerts = new ConcurrentHashMap<>();

  @Override
  public List<Alert> receive(List<Alert> received, Instant now) {
    List<Alert> stored = new ArrayList<>(received.size());
    for (Alert alert : received) {
      stored.add(alerts.merge(alert.fingerprint(), alert, (old, fresh) -> AlertStore.continued(old, fresh, now)));
    }
    return stored;
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    alerts.computeIfPresent(ended.fingerprint(), (fp, old) -> old.isResolvedAt(now) ? old : ended);
  }

  @Override
  public List<Alert> all() {
    return List.copyOf(alerts.values());
  }

  @Override
  public Counts counts(Instant now) {
    int stored = 0;
    int firing = 0;
    for (Alert alert : alerts.values()) {
      stored++;
      if (!alert.isResolvedAt(now)) {
        firing++;
      }
    }
    return new Counts(stored, firing);
  }

  @Override
  public List<Fingerprint> expire(Instant cutoff) {
    List<Fingerprint> dropped = new ArrayList<>();
    alerts.forEach((fp, alert) -> {
      if (alert.isResolvedAt(cutoff) && alerts.remove(fp, alert)) {
        dropped.add(fp);
      }
    });
    return dropped;
  }
}
