package io.github.alertrouter.store;

import io.github.alertrouter.spi.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateWindows} in a concurrent map; each window locks itself. */
final class InMemoryRateWindows implements RateWindows {
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  @Override
  public Window window(String robotKey, List<RateLimit> limits) {
    return windows.computeIfAbsent(robotKey, k -> new Locked(new SendWindow(limits)));
  }

  /** A {@link SendWindow} (not thread-safe itself) behind its own lock. */
  private record Locked(SendWindow window) implements Window {
    @Override
    public synchronized int available(Instant now) {
      return window.available(now);
    }

    @Override
    public synchronized Duration waitTime(Instant now) {
      return window.waitTime(now);
    }

    @Override
    public synchronized void recordSend(Instant now) {
      window.recordSend(now);
    }

    @Override
    public synchronized Duration tryAcquire(Instant now) {
      Duration wait = window.waitTime(now);
      if (wait.isZero()) {
        window.recordSend(now);
      }
      return wait;
    }

    @Override
    public synchronized void penalise(Instant until) {
      window.penalise(until);
    }

    @Override
    public synchronized Instant penaltyEnds(Instant now) {
      return window.penaltyEnds(now);
    }
  }
}
