package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.testkit.OutboxContractTest;
import io.github.alertrouter.testkit.PostgresServer;
import io.github.alertrouter.testkit.StoreContractTest.Stores;
import io.github.alertrouter.time.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL outbox keeps the outbox contract on a real server: each "process" is its own
 * {@link PostgresStores} with its own pool and its own in-memory mirror of the queues, as each
 * {@code serve} instance would be.
 */
class PgOutboxContractTest extends OutboxContractTest {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() {
    server = PostgresServer.startOrSkip();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected void reset() throws Exception {
    PostgresStoreContractTest.empty(server, clock);
  }

  @Override
  protected Stores open(ManualClock clock) {
    PostgresStores stores = PostgresStores.connect(server.jdbcUrl(), clock);
    return new Stores(stores.notificationLog(), stores.rateWindows(), stores.escalations(), stores.handoffs(),
        stores.usedTokens(), stores.bindings(), stores.alerts(), stores.silences(), stores.outbox(), stores::close);
  }
}
