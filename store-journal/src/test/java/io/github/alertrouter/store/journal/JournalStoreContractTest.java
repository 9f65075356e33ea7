package io.github.alertrouter.store.journal;

import io.github.alertrouter.testkit.StoreContractTest;
import io.github.alertrouter.time.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's stores keep the store contract. One process holds a directory, so "two routers"
 * are the same objects, as with the in-memory stores; what survives a restart is
 * {@link JournalStoresTest}'s part.
 */
class JournalStoreContractTest extends StoreContractTest {
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
