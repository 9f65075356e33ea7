package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.testkit.OutboxContractTest;
import io.github.alertrouter.testkit.StoreContractTest.Stores;
import io.github.alertrouter.time.ManualClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL outbox keeps the outbox contract on a real server: each "process" is its own
 * {@link PostgresStores} with its own pool and its own in-memory mirror of the queues, as each
 * {@code serve} instance would be.
 */
class PgOutboxContractTest extends OutboxContractTest {
  @RegisterExtension
  static final OnPostgres POSTGRES = new OnPostgres();

  @Override
  protected void reset() throws Exception {
    PostgresStoreContractTest.empty(POSTGRES.server(), clock);
  }

  @Override
  protected Stores open(ManualClock clock) {
    PostgresStores stores = PostgresStores.connect(POSTGRES.server().jdbcUrl(), clock);
    return Stores.of(stores, stores::close);
  }
}
