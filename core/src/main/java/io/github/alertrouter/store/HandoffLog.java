package io.github.alertrouter.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which handoffs were announced, so each is announced once: by the router that reaches
 * it first, even when a router is closed and another built in the same process (a config reload)
 * or two routers share a schedule. Implementations are thread-safe; a shared store (JDBC) can
 * implement it across processes.
 */
public interface HandoffLog {
  /**
   * Claims the announcement of {@code scheduleId}'s handoff at {@code handoff}.
   *
   * @return true for the first caller, false for every later one
   */
  boolean claim(String scheduleId, Instant handoff);

  /** A log in this process's memory, shared by every router that uses it. */
  static HandoffLog inMemory() {
    return new InMemory();
  }

  /**
   * The process-wide in-memory log: the builder's default, so routers built one after another in
   * one process (a reload) do not announce a handoff twice.
   */
  static HandoffLog processWide() {
    return InMemory.PROCESS_WIDE;
  }

  /** Keeps claims for a week after their handoff: later ones cannot be claimed again anyway. */
  final class InMemory implements HandoffLog {
    private static final InMemory PROCESS_WIDE = new InMemory();
    private static final Duration RETENTION = Duration.ofDays(7);
    private final Map<String, Instant> claimed = new ConcurrentHashMap<>();

    private InMemory() {}

    @Override
    public boolean claim(String scheduleId, Instant handoff) {
      boolean first = claimed.putIfAbsent(scheduleId + "@" + handoff, handoff) == null;
      if (first && claimed.size() > 10_000) {
        Instant horizon = handoff.minus(RETENTION);
        claimed.values().removeIf(at -> at.isBefore(horizon));
      }
      return first;
    }
  }
}
