package io.github.alertrouter.alertmanager.webhook;

/**
 * The {@code status} of a webhook payload or of one alert in it, as Alertmanager writes it.
 *
 * <p>A payload is {@link #FIRING} when at least one of its alerts fires.
 */
public enum WebhookStatus {
  /** The alert was firing when Alertmanager sent the payload. */
  FIRING("firing"),
  /** The alert had ended; a payload is resolved only when all its alerts are. */
  RESOLVED("resolved");

  private final String wireName;

  WebhookStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The JSON spelling: {@code "firing"} or {@code "resolved"}. */
  public String wireName() {
    return wireName;
  }
}
