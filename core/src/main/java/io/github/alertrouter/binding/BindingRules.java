package io.github.alertrouter.binding;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the binding flow. Immutable and thread-safe; the compact constructor refuses
 * non-positive values, naming the bad one.
 *
 * <p>Rate limits count codes <em>requested</em> in a sliding {@code rateWindow}, for numbers that
 * belong to a contact and for numbers that do not alike, so that a refusal reveals nothing about
 * contacts. A request refused as rate-limited does not count. The per-link limit is shared by
 * everyone using the link: a page that issues one link per visitor keeps visitors from limiting
 * each other.
 *
 * @param linkTtl how long a binding link works
 * @param codeTtl how long a code works
 * @param maxAttempts wrong codes before a verification is locked
 * @param codesPerNumber codes per number per {@code rateWindow}
 * @param codesPerLink codes per link per {@code rateWindow}
 * @param rateWindow the sliding window the two rate limits count in
 */
public record BindingRules(
    Duration linkTtl, Duration codeTtl, int maxAttempts, int codesPerNumber, int codesPerLink, Duration rateWindow) {
  /** A binding link works for 24 hours. */
  public static final Duration DEFAULT_LINK_TTL = Duration.ofHours(24);
  /** A code works for 5 minutes. */
  public static final Duration DEFAULT_CODE_TTL = Duration.ofMinutes(5);
  /** Five wrong codes lock a verification. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** Three codes per number per {@link #DEFAULT_RATE_WINDOW}. */
  public static final int DEFAULT_CODES_PER_NUMBER = 3;
  /** Ten codes per link per {@link #DEFAULT_RATE_WINDOW}. */
  public static final int DEFAULT_CODES_PER_LINK = 10;
  /** The rate limits count in a sliding hour. */
  public static final Duration DEFAULT_RATE_WINDOW = Duration.ofHours(1);

  /** Links for 24 h, codes for 5 min, 5 attempts, 3 codes per number and 10 per link per hour. */
  public static final BindingRules DEFAULT = new BindingRules(
      DEFAULT_LINK_TTL, DEFAULT_CODE_TTL, DEFAULT_MAX_ATTEMPTS, DEFAULT_CODES_PER_NUMBER,
      DEFAULT_CODES_PER_LINK, DEFAULT_RATE_WINDOW);

  /**
   * @throws IllegalArgumentException if a value is not positive
   * @throws NullPointerException if a duration is null
   */
  public BindingRules {
    requirePositive(linkTtl, "linkTtl");
    requirePositive(codeTtl, "codeTtl");
    requirePositive(rateWindow, "rateWindow");
    requirePositive(maxAttempts, "maxAttempts");
    requirePositive(codesPerNumber, "codesPerNumber");
    requirePositive(codesPerLink, "codesPerLink");
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, but was " + value);
    }
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, but was " + value);
    }
  }
}
