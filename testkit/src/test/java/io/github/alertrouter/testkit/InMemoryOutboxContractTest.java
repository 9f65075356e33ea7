package io.github.alertrouter.testkit;

import io.github.alertrouter.time.ManualClock;

/** The in-memory outbox keeps the contract: processes in one JVM that share it, one after another. */
class InMemoryOutboxContractTest extends OutboxContractTest {
  private StoreContractTest.Stores shared;

  @Override
  protected void reset() {
    shared = null;
  }

  @Override
  protected StoreContractTest.Stores open(ManualClock clock) {
    if (shared == null) {
      shared = StoreContractTest.Stores.inMemory(clock);
    }
    return shared;
  }
}
