package io.github.alertrouter.store;

import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.RateWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Keeps one robot under its platform's limits: "at most N messages in <em>any</em> window of P",
 * which is how DingTalk counts (20 per minute, then a 10-minute ban). A sliding log of send times,
 * not a token bucket: a bucket of N refilled at N/P lets 2N through in some window of P (a full
 * bucket spent, then refilled), which is exactly the burst that earns the ban. Each limit keeps
 * {@value #HEADROOM_PERCENT}% headroom (20/min becomes 18/min) for clock skew between us and the
 * platform. Also holds a penalty: after the platform throttles, nothing is sent until it ends.
 * Not thread-safe: the in-memory {@link RateWindows} guards it.
 */
final class SendWindow {
  static final int HEADROOM_PERCENT = 10;

  private final List<Limit> limits;
  private Instant penaltyEnds = Instant.MIN;

  SendWindow(List<RateLimit> rateLimits) {
    this.limits = rateLimits.stream()
        .map(r -> new Limit(Math.max(1, r.permits() - r.permits() * HEADROOM_PERCENT / 100), r.period()))
        .toList();
  }

  /** How many messages may go now without waiting; {@link Integer#MAX_VALUE} when unlimited. */
  int available(Instant now) {
    if (now.isBefore(penaltyEnds)) {
      return 0;
    }
    int available = Integer.MAX_VALUE;
    for (Limit limit : limits) {
      available = Math.min(available, limit.available(now));
    }
    return available;
  }

  /** How long until one message may go; zero when it may go now. */
  Duration waitTime(Instant now) {
    Duration wait = now.isBefore(penaltyEnds) ? Duration.between(now, penaltyEnds) : Duration.ZERO;
    for (Limit limit : limits) {
      Duration w = limit.waitTime(now);
      if (w.compareTo(wait) > 0) {
        wait = w;
      }
    }
    return wait;
  }

  /** When the platform's penalty ends, or {@code null} when none holds at {@code now}. */
  Instant penaltyEnds(Instant now) {
    return now.isBefore(penaltyEnds) ? penaltyEnds : null;
  }

  void recordSend(Instant now) {
    limits.forEach(l -> l.sent.addLast(now));
  }

  /** The platform throttled us: send nothing before {@code until}. */
  void penalise(Instant until) {
    if (until.isAfter(penaltyEnds)) {
      penaltyEnds = until;
    }
  }

  private static final class Limit {
    final int permits;
    final Duration period;
    final ArrayDeque<Instant> sent = new ArrayDeque<>();

    Limit(int permits, Duration period) {
      this.permits = permits;
      this.period = period;
    }

    int available(Instant now) {
      expire(now);
      return permits - sent.size();
    }

    Duration waitTime(Instant now) {
      expire(now);
      return sent.size() < permits ? Duration.ZERO : Duration.between(now, sent.peekFirst().plus(period));
    }

    // a send at t counts in every window (now - period, now]; at t + period it no longer does
    private void expire(Instant now) {
      while (!sent.isEmpty() && !sent.peekFirst().plus(period).isAfter(now)) {
        sent.removeFirst();
      }
    }
  }
}
