package io.github.alertrouter.store;

import io.github.alertrouter.spi.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where each robot's rate window and throttling penalty are kept: the platform counts messages
 * per robot whoever sends them, so routers that follow each other (a reload), or several
 * instances, must count in one place. Keyed by an opaque robot key (the robot id and a hash of
 * its webhook, never the webhook itself; a robot pool has one key per webhook, formed the same
 * way). Implementations must be thread-safe.
 */
public interface RateWindows {
  /** The window of {@code robotKey} under {@code limits}, created on first use. */
  Window window(String robotKey, List<RateLimit> limits);

  /** One robot's window: "at most N messages in any window of P", and a penalty. */
  interface Window {
    /** How many messages may go now without waiting. */
    int available(Instant now);

    /** How long until one message may go; zero when it may go now. */
    Duration waitTime(Instant now);

    /** A message went at {@code now}. */
    void recordSend(Instant now);

    /**
     * Takes the permit for one message at {@code now} if one is free: records the send and
     * answers zero; otherwise records nothing and answers how long until one may go. Atomic, so
     * that routers sharing a window (several instances on one store) never send more between
     * them than the limit allows; a shared implementation must override it.
     */
    default Duration tryAcquire(Instant now) {
      Duration wait = waitTime(now);
      if (wait.isZero()) {
        recordSend(now);
      }
      return wait;
    }

    /** The platform throttled the robot: nothing goes before {@code until}. */
    void penalise(Instant until);

    /** When the penalty ends, or {@code null} when none holds at {@code now}. */
    Instant penaltyEnds(Instant now);
  }

  /** Windows in this process's memory. */
  static RateWindows inMemory() {
    return new InMemoryRateWindows();
  }
}
