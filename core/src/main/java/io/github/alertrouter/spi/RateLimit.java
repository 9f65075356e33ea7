package io.github.alertrouter.spi;

import java.time.Duration;

/**
 * At most {@code permits} messages per {@code period} to one robot: a platform's documented
 * limit, which the dispatcher keeps under (DingTalk: 20 per minute). Immutable.
 *
 * @param permits messages allowed per period, at least 1
 * @param period the sliding window they are counted in
 */
public record RateLimit(int permits, Duration period) {
  /** @throws IllegalArgumentException if {@code permits} is below 1 or {@code period} is null or not positive */
  public RateLimit {
    if (permits < 1 || period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a rate limit needs permits >= 1 and a positive period");
    }
  }
}
