package io.github.alertrouter.micrometer;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.StoreException;
import java.time.Instant;
import java.util.List;

/** An alert store in memory whose {@link #probe()} fails while {@link #down} is set, as a database that went away. */
final class FlakyAlertStore implements AlertStore {
  private final AlertStore memory = AlertStore.inMemory();
  volatile boolean down;

  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    return memory.receive(alerts, now);
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    memory.resolved(ended, now);
  }

  @Override
  public List<Alert> all() {
    return memory.all();
  }

  @Override
  public Counts counts(Instant now) {
    return memory.counts(now);
  }

  @Override
  public void probe() {
    if (down) {
      throw new StoreException("alert store: connection refused", null);
    }
  }

  @Override
  public List<Fingerprint> expire(Instant cutoff) {
    return memory.expire(cutoff);
  }
}
