package io.github.alertrouter.testkit;

import io.github.alertrouter.time.ManualClock;

/** The default, in-memory stores keep the contract: two routers in one process share them. */
class InMemoryStoreContractTest extends StoreContractTest {
  private Stores shared;

  @Override
  protected void reset() {
    shared = null;
  }

  @Override
  protected Stores open(ManualClock clock) {
    if (shared == null) {
      shared = Stores.inMemory(clock);
    }
    return shared;
  }
}
