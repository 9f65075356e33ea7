package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.NotificationLink;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Alertmanager webhook request body (the template data plus {@code version}, {@code groupKey}
 * and {@code truncatedAlerts}), or one of Grafana's, which has the same shape.
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
 * @param version the payload version as sent: {@code "4"} or {@code "3"} (Alertmanager; {@code "4"}
 *     when absent) or {@code "1"} (Grafana)
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
   * The label that carries {@link #receiverName()} on every alert of {@link #toAlerts()}, so that
   * policies can match the receiver Alertmanager sent the payload to. Labels starting with
   * {@code __} are internal (Prometheus's convention): routing sees them, messages do not show them.
   */
  public static final String RECEIVER_LABEL = "__receiver__";
  /**
   * The annotation each alert gets with the payload's {@code externalURL} (the sender's own URL,
   * when it is an http(s) URL), so that a Go template's {@code .ExternalURL} links where the
   * sender's templates linked. Internal like the label: no message shows it.
   */
  public static final String EXTERNAL_URL_ANNOTATION = "__external_url__";

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

  /**
   * The alerts as the router takes them, in payload order: each carries the label
   * {@value #RECEIVER_LABEL} with {@link #receiverName()} (replacing one the sender set; none when the
   * receiver is {@code ""}), and the annotation {@value #EXTERNAL_URL_ANNOTATION} with
   * {@link #externalURL()} when that is an http(s) URL. The label is part of the alert's identity, as Alertmanager keeps one
   * notification stream per receiver: the same alert sent to two receivers is two alerts.
   */
  public List<Alert> toAlerts() {
    String name = receiverName();
    boolean url = NotificationLink.isHttpUrl(externalURL);
    return alerts.stream().map(a -> {
      Alert alert = name.isEmpty() ? a.alert() : withLabel(a.alert(), RECEIVER_LABEL, name);
      return url ? withAnnotation(alert, EXTERNAL_URL_ANNOTATION, externalURL) : alert;
    }).toList();
  }

  private static Alert withAnnotation(Alert alert, String name, String value) {
    if (value.equals(alert.annotations().get(name))) {
      return alert;
    }
    TreeMap<String, String> annotations = new TreeMap<>(alert.annotations());
    annotations.put(name, value);
    return new Alert(alert.labels(), annotations, alert.startsAt(), alert.endsAt(), alert.generatorURL());
  }

  /**
   * This payload with the label {@code name="value"} on every alert (replacing the alert's own);
   * the fingerprints as sent are kept (they are not verified, see {@link WebhookAlert}).
   *
   * @throws IllegalArgumentException if {@code name} is not a valid label name or {@code value} is
   *     empty (an empty value is no label)
   */
  public WebhookPayload withLabel(String name, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the value of label " + name + " must not be empty");
    }
    List<WebhookAlert> labelled = alerts.stream()
        .map(a -> new WebhookAlert(a.status(), withLabel(a.alert(), name, value), a.fingerprint()))
        .toList();
    return new WebhookPayload(receiver, status, labelled, groupLabels, commonLabels, commonAnnotations,
        externalURL, version, groupKey, truncatedAlerts);
  }

  private static Alert withLabel(Alert alert, String name, String value) {
    if (value.equals(alert.labels().get(name))) {
      return alert;
    }
    TreeMap<String, String> labels = new TreeMap<>(alert.labels());
    labels.put(name, value);
    return new Alert(labels, alert.annotations(), alert.startsAt(), alert.endsAt(), alert.generatorURL());
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
