package io.github.alertrouter.testkit;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.StoreException;
import java.time.Instant;
import java.util.List;

/**
 * An alert store in memory that a test can take down, as a database that went away: while
 * {@linkplain #down(boolean) down}, taking alerts and {@link #probe()} throw a
 * {@link StoreException} (so intake answers 503 and readiness and health say so); reads go on
 * from memory, as a router's own view of what it already holds does. Thread-safe.
 */
public final class OutageAlertStore implements AlertStore {
  private final AlertStore memory = AlertStore.inMemory();
  private volatile boolean down;

  /** A store that is up. */
  public OutageAlertStore() {}

  /** Takes the store down ({@code true}) or brings it back. */
  public void down(boolean down) {
    this.down = down;
  }

  private void check() {
    if (down) {
      throw new StoreException("alert store: connection refused (test outage)", null);
    }
  }

  /** {@inheritDoc} Throws while down. */
  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    check();
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

  /** {@inheritDoc} Throws while down. */
  @Override
  public void probe() {
    check();
  }

  @Override
  public List<Fingerprint> expire(Instant cutoff) {
    return memory.expire(cutoff);
  }
}
