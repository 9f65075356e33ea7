package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.testkit.PostgresServer;
import io.github.alertrouter.testkit.StoreContractTest;
import io.github.alertrouter.time.ManualClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL stores keep the store contract on a real server: each "router" is its own
 * {@link PostgresStores} with its own pool, as each {@code serve} instance would be.
 */
class PostgresStoreContractTest extends StoreContractTest {
  @RegisterExtension
  static final OnPostgres POSTGRES = new OnPostgres();

  @Override
  protected void reset() throws Exception {
    empty(POSTGRES.server(), clock);
  }

  @Override
  protected Stores open(ManualClock clock) {
    PostgresStores stores = PostgresStores.connect(POSTGRES.server().jdbcUrl(), clock);
    // the alerts through alerts(stores): FleetIntakeContractTest runs the contract on a fleet's intake
    return new Stores(stores.notificationLog(), stores.rateWindows(), stores.escalations(), stores.handoffs(),
        stores.usedTokens(), stores.bindings(), alerts(stores), stores.silences(), stores.outbox(), stores::close);
  }

  /** Migrates {@code server}'s database (the first open of a test) or empties the migrated schema. */
  static void empty(PostgresServer server, ManualClock clock) throws Exception {
    try (PostgresStores migrate = PostgresStores.connect(server.jdbcUrl(), clock);
        Connection c = DriverManager.getConnection(server.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE alert_router.notification_log, alert_router.rate_window, alert_router.rate_send,"
          + " alert_router.escalation, alert_router.escalation_fired, alert_router.handoff,"
          + " alert_router.used_token, alert_router.binding, alert_router.alert, alert_router.silence,"
          + " alert_router.alert_change, alert_router.outbox");
      s.execute("UPDATE alert_router.fleet_lease SET holder = '', expires_at = '-infinity'");
    }
  }

  /** The alert seam under test, of {@code stores}: a subclass may store through another intake. */
  AlertStore alerts(PostgresStores stores) {
    return stores.alerts();
  }
}
