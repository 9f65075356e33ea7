package io.github.alertrouter.alertmanager.webhook;

/**
 * How much a {@link WebhookCodec} reads before it refuses a body.
 *
 * <p>Both limits are enforced while streaming, so an oversized body is refused after reading at most
 * {@code maxBytes + 1} bytes and before more than {@code maxAlerts} alerts are built. Immutable and
 * thread-safe.
 *
 * @param maxBytes largest body accepted, in bytes; at least 2 (the body {@code {}})
 * @param maxAlerts most alerts accepted in one payload; at least 1
 */
public record WebhookLimits(long maxBytes, int maxAlerts) {
  /**
   * 16 MiB: a payload of {@link #DEFAULT_MAX_ALERTS} alerts with generous annotations (~1.5 KiB
   * each) still fits, while a body big enough to exhaust a small heap does not.
   */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  /**
   * 10,000 alerts: far above what one notification can usefully show (Alertmanager's own
   * {@code max_alerts} exists to cut payloads down), far below a runaway group of 100k.
   */
  public static final int DEFAULT_MAX_ALERTS = 10_000;

  /** {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_MAX_ALERTS}. */
  public static final WebhookLimits DEFAULTS = new WebhookLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ALERTS);

  /** @throws IllegalArgumentException if a limit is below its minimum */
  public WebhookLimits {
    if (maxBytes < 2) {
      throw new IllegalArgumentException("maxBytes must be >= 2, but was " + maxBytes);
    }
    if (maxAlerts < 1) {
      throw new IllegalArgumentException("maxAlerts must be >= 1, but was " + maxAlerts);
    }
  }
}
