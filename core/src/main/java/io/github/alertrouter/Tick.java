package io.github.alertrouter;

import io.github.alertrouter.store.Receipt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notices one flush dispatched, until each ended: when all were delivered, {@code onDelivered}
 * runs once (the flushed resolved alerts may leave the group); when one was not, it never runs
 * and the next flush tries again. Thread-safe: receipts arrive on sending threads.
 */
final class Tick {
  private final Runnable onDelivered;
  private final AtomicInteger open = new AtomicInteger(1); // the flush itself, until dispatched()
  private final AtomicBoolean failed = new AtomicBoolean();
  private int expected; // written by the flushing thread only

  Tick(Runnable onDelivered) {
    this.onDelivered = onDelivered;
  }

  /** One more notice of this flush; its receipt is returned. */
  Receipt expect() {
    expected++;
    open.incrementAndGet();
    return this::completed;
  }

  /** Whether this flush dispatched any notice. */
  boolean sending() {
    return expected > 0;
  }

  /** The flush has dispatched all its notices. */
  void dispatched() {
    if (expected > 0) {
      done();
    }
  }

  void completed(Receipt.Outcome outcome) {
    if (outcome != Receipt.Outcome.DELIVERED) {
      failed.set(true);
    }
    done();
  }

  private void done() {
    if (open.decrementAndGet() == 0 && !failed.get()) {
      onDelivered.run();
    }
  }
}
