package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import java.util.Objects;

/**
 * One entry of a payload's {@code alerts}: the alert, the status Alertmanager gave it, and the
 * fingerprint it sent.
 *
 * <p>The fingerprint is kept as sent and not checked against the labels: Alertmanager computes it
 * from the labels ({@link #computedFingerprint()} does the same), but hand-made or proxied payloads
 * may carry anything, and refusing them would lose alerts for a value we can recompute.
 * Immutable and thread-safe.
 *
 * @param status {@link WebhookStatus#RESOLVED} requires {@code alert.endsAt()} to be set
 * @param alert the alert; its {@code endsAt} is {@code null} while it has no known end
 * @param fingerprint the 16 hex digits as sent, or {@code null} when none was sent (version 3)
 */
public record WebhookAlert(WebhookStatus status, Alert alert, String fingerprint) {

  /** @throws IllegalArgumentException if a resolved alert has no {@code endsAt} */
  public WebhookAlert {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(alert, "alert");
    if (status == WebhookStatus.RESOLVED && alert.endsAt() == null) {
      throw new IllegalArgumentException("a resolved alert needs an endsAt, but it was null");
    }
  }

  /** A firing or resolved entry without a sent fingerprint: resolved when {@code alert} has an end. */
  public static WebhookAlert of(Alert alert) {
    return new WebhookAlert(
        alert.endsAt() == null ? WebhookStatus.FIRING : WebhookStatus.RESOLVED, alert, null);
  }

  /** Alertmanager's fingerprint of the alert's labels, computed here. */
  public Fingerprint computedFingerprint() {
    return alert.fingerprint();
  }

  /** Whether a fingerprint was sent and equals {@link #computedFingerprint()} (in Go's spelling). */
  public boolean fingerprintMatches() {
    return fingerprint != null && fingerprint.equals(computedFingerprint().toString());
  }
}
