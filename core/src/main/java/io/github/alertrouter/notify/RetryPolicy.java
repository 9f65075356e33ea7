package io.github.alertrouter.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How retryable failures are retried: at most {@code maxAttempts} tries per message, waiting
 * {@code initialBackoff} doubled per attempt up to {@code maxBackoff}, each wait drawn uniformly
 * from its upper half (jitter, so robots that failed together do not retry together). A wait the
 * platform asks for (a throttling penalty) is honoured when longer. Immutable.
 *
 * @param maxAttempts tries per message, the first included; at least 1
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Five tries per message: the first and four retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** One second before the first retry. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  /** Backoff waits grow to one minute at most (a wait the platform asks for may be longer). */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);
  /** Five attempts, backing off from 1 s to at most 1 min. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);

  /**
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1, or unless
   *     {@code 0 <= initialBackoff <= maxBackoff}
   * @throws NullPointerException if a backoff is null
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, but was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** The wait before attempt {@code attempt + 1}, before jitter. */
  public Duration backoff(int attempt) {
    Duration d = initialBackoff;
    for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
