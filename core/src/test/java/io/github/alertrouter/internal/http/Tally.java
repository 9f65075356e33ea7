package io.github.alertrouter.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A count that can be waited for, the wait bounded. */
final class Tally {
  private int count;

  synchronized void add() {
    count++;
    notifyAll();
  }

  synchronized int get() {
    return count;
  }

  /** Waits until the count is at least {@code n}; false if {@code within} passed first. */
  synchronized boolean await(int n, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (count < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
