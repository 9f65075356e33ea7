package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.Fleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A fleet member's intake stores alerts exactly as {@link PgAlertStore} does (the episode rule,
 * a batch's later alert updating an earlier one, microseconds, the order given): the store
 * contract again, with every {@code receive} made through {@link Fleet#receive}. The first view
 * of each test holds the lease, so its intakes take the routed path; the others', the inbox path.
 */
class FleetIntakeContractTest extends PostgresStoreContractTest {
  @Override
  AlertStore alerts(PostgresStores stores) {
    // a minute: no lease expires within a test, so each view keeps its path
    Fleet member = stores.fleet(Duration.ofMinutes(1));
    member.hold();
    return new FleetIntake(member, stores.alerts());
  }

  /** Receives through the member, routing there if it holds the lease; the rest is the alert store's. */
  private record FleetIntake(Fleet member, AlertStore alerts) implements AlertStore {
    @Override
    public List<Alert> receive(List<Alert> received, Instant now) {
      return member.receive(received, now, true).stored();
    }

    @Override
    public void resolved(Alert ended, Instant now) {
      alerts.resolved(ended, now);
    }

    @Override
    public List<Alert> all() {
      return alerts.all();
    }

    @Override
    public Counts counts(Instant now) {
      return alerts.counts(now);
    }

    @Override
    public void probe() {
      alerts.probe();
    }

    @Override
    public List<Fingerprint> expire(Instant cutoff) {
      return alerts.expire(cutoff);
    }
  }
}
