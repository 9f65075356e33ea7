package io.github.alertrouter.binding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window counters: at most {@code limit} events per key in any {@code window}. Not
 * thread-safe: the service guards it with its lock.
 */
final class RateWindows {
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> events = new HashMap<>();

  RateWindows(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /** When {@code key} is at its limit at {@code now}, the first instant it is not. */
  Optional<Instant> blockedUntil(String key, Instant now) {
    Deque<Instant> times = events.get(key);
    if (times == null) {
      return Optional.empty();
    }
    dropOld(times, now);
    return times.size() < limit ? Optional.empty() : Optional.of(times.peekFirst().plus(window));
  }

  void record(String key, Instant now) {
    events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
  }

  /** Forgets keys with no event in the window, so the map does not grow without bound. */
  void prune(Instant now) {
    events.values().removeIf(times -> {
      dropOld(times, now);
      return times.isEmpty();
    });
  }

  private void dropOld(Deque<Instant> times, Instant now) {
    Instant oldestKept = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
      times.removeFirst();
    }
  }
}
