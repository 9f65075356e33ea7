package io.github.alertrouter.alertmanager.webhook;

/**
 * The {@code status} of a webhook payload or of one alert in it, as Alertmanager writes it.
 *
 * <p>A payload is {@link #FIRING} when at least one of its alerts fires.
 */
public enum WebhookStatus {
  FIRING("firing"),
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
