package io.github.alertrouter.spring;

import io.github.alertrouter.Alert;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory alert store that a test can take down: then it refuses writes and its probe fails. */
final class FailingAlertStore implements AlertStore {
  private final AlertStore delegate = AlertStore.inMemory();
  final AtomicBoolean down = new AtomicBoolean();

  private void check() {
    if (down.get()) {
      throw new StoreException("alert store: connection refused (test)", null);
    }
  }

  @Override
  public List<Alert> receive(List<Alert> alerts, Instant now) {
    check();
    return delegate.receive(alerts, now);
  }

  @Override
  public void resolved(Alert ended, Instant now) {
    delegate.resolved(ended, now);
  }

  @Override
  public List<Alert> all() {
    return delegate.all();
  }

  @Override
  public Counts counts(Instant now) {
    return delegate.counts(now);
  }

  @Override
  public void probe() {
    check();
  }

  @Override
  public List<io.github.alertrouter.Fingerprint> expire(Instant cutoff) {
    return delegate.expire(cutoff);
  }
}
