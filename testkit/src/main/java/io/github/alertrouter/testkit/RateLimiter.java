package io.github.alertrouter.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One simulated robot's send rate: at most {@code limit} accepted messages in each sliding window
 * {@code (now - length, now]}, and optionally a penalty during which everything is refused once a
 * window is full. Only accepted messages count: a refused one is never recorded. Time is whatever
 * the caller passes, i.e. the simulator's injected clock.
 *
 * <p>Not thread-safe: each instance belongs to one robot and is guarded by its simulator's lock.
 */
public final class RateLimiter {
  private final List<Window> windows;
  private final Duration longest;
  private final Duration penalty;
  private final Deque<Instant> accepted = new ArrayDeque<>();
  private Instant throttledUntil = Instant.MIN;

  private RateLimiter(List<Window> windows, Duration penalty) {
    this.windows = windows;
    this.longest = windows.stream().map(Window::length).max(Duration::compareTo).orElseThrow();
    this.penalty = penalty;
  }

  /** At most {@code limit} messages per {@code window}, no penalty. */
  public static RateLimiter of(int limit, Duration window) {
    return new RateLimiter(List.of(new Window(limit, window)), Duration.ZERO);
  }

  /** This limit and also at most {@code limit} messages per {@code window}. */
  public RateLimiter and(int limit, Duration window) {
    return new RateLimiter(append(new Window(limit, window)), penalty);
  }

  /** This limit, refusing everything for {@code penalty} after a message found a window full. */
  public RateLimiter withPenalty(Duration penalty) {
    if (penalty.isNegative()) {
      throw new IllegalArgumentException("a penalty must be >= 0, but was " + penalty);
    }
    return new RateLimiter(windows, penalty);
  }

  /** Counts a message at {@code now} when every window has room; starts the penalty when not. */
  public boolean admit(Instant now) {
    if (now.isBefore(throttledUntil)) {
      return false;
    }
    Instant oldest = now.minus(longest);
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(oldest)) {
      accepted.removeFirst();
    }
    for (Window window : windows) {
      Instant start = now.minus(window.length());
      if (accepted.stream().filter(t -> t.isAfter(start)).count() >= window.limit()) {
        if (!penalty.isZero()) {
          throttledUntil = now.plus(penalty);
        }
        return false;
      }
    }
    accepted.addLast(now);
    return true;
  }

  private List<Window> append(Window window) {
    List<Window> all = new ArrayList<>(windows);
    all.add(window);
    return List.copyOf(all);
  }

  private record Window(int limit, Duration length) {
    Window {
      if (limit < 1 || length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("a rate window needs limit >= 1 and a positive length, but was "
            + limit + " per " + length);
      }
    }
  }
}
