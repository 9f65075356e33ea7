package io.github.alertrouter.store.journal;

import io.github.alertrouter.testkit.OutboxContractTest;
import io.github.alertrouter.testkit.StoreContractTest.Stores;
import io.github.alertrouter.time.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's outbox keeps the outbox contract. One process holds a directory, so "two
 * processes" are the same objects, as with the in-memory outbox; what survives a restart or a
 * crash is {@link JournalOutboxTest}'s part.
 */
class JournalOutboxContractTest extends OutboxContractTest {
  @TempDir
  Path dir;
  private JournalStores stores;
  private Stores shared;

  @Override
  protected void reset() {
    closeStores();
  }

  @Override
  protected Stores open(ManualClock clock) {
    if (shared == null) {
      stores = JournalStores.open(dir.resolve("state"), clock);
      shared = Stores.of(stores, () -> { });
    }
    return shared;
  }

  @AfterEach
  void closeStores() {
    if (stores != null) {
      stores.close();
    }
    stores = null;
    shared = null;
  }
}
