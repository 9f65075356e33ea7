package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.Alert;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Alertmanager webhook request body (the template data plus {@code version}, {@code groupKey}
 * and {@code truncatedAlerts}).
 *
 * <p>Values are kept as sent: {@link #receiver()} is still QuoteMeta-escaped ({@link #receiverName()}
 * undoes it), {@link #groupLabels()} need not be a subset of {@link #commonLabels()}, and
 * {@link #status()} is not cross-checked against the alerts. The maps are immutable copies that
 * iterate in name order. Immutable and thread-safe.
 *
 * @param receiver the receiver name as sent, i.e. Go {@code regexp.QuoteMeta}-escaped
 * @param status {@link WebhookStatus#FIRING} when Alertmanager saw at least one alert firing
 * @param alerts the alerts in payload order (Alertmanager sorts them by labels)
 * @param groupLabels the labels the group is keyed by
 * @param commonLabels labels shared by all alerts in the payload
 * @param commonAnnotations annotations shared by all alerts in the payload
 * @param externalURL Alertmanager's external URL, or {@code ""}
 * @param version the payload version as sent, {@code "4"} or {@code "3"} ({@code "4"} when absent)
 * @param groupKey Alertmanager's group key, or {@code null} when not sent (version 3)
 * @param truncatedAlerts how many alerts Alertmanager cut off ({@code max_alerts}); {@code >= 0}
 */
public record WebhookPayload(
    String receiver,
    WebhookStatus status,
    List<WebhookAlert> alerts,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalURL,
    String version,
    String groupKey,
    long truncatedAlerts) {

  /**
   * @throws NullPointerException if a non-nullable component, a list element, a map key or value is
   *     null
   * @throws IllegalArgumentException if {@code truncatedAlerts} is negative
   */
  public WebhookPayload {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(status, "status");
    alerts = List.copyOf(alerts);
    groupLabels = sortedCopy(groupLabels, "groupLabels");
    commonLabels = sortedCopy(commonLabels, "commonLabels");
    commonAnnotations = sortedCopy(commonAnnotations, "commonAnnotations");
    Objects.requireNonNull(externalURL, "externalURL");
    Objects.requireNonNull(version, "version");
    if (truncatedAlerts < 0) {
      throw new IllegalArgumentException("truncatedAlerts must be >= 0, but was " + truncatedAlerts);
    }
  }

  /** The receiver as configured in Alertmanager: {@link #receiver()} with QuoteMeta undone. */
  public String receiverName() {
    return QuoteMeta.unquote(receiver);
  }

  /** The alerts without their webhook envelope, in payload order. */
  public List<Alert> toAlerts() {
    return alerts.stream().map(WebhookAlert::alert).toList();
  }

  private static Map<String, String> sortedCopy(Map<String, String> map, String what) {
    Objects.requireNonNull(map, what);
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach(
        (k, v) -> copy.put(
            Objects.requireNonNull(k, () -> what + " must not contain a null name"),
            Objects.requireNonNull(v, () -> what + "." + k + " must not be null")));
    return Collections.unmodifiableMap(copy);
  }
}
