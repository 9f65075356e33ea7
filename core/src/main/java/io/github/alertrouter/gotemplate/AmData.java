package io.github.alertrouter.gotemplate;

import io.github.alertrouter.alertmanager.webhook.WebhookPayload;

/**
 * Alertmanager's {@code template.Data}: what a notification template sees as dot. Built from a
 * {@link WebhookPayload}, since Alertmanager's webhook body is exactly this data. Immutable.
 *
 * @param receiver the receiver as sent
 * @param status {@code firing} or {@code resolved}
 * @param alerts the alerts
 * @param groupLabels the labels the group is keyed by
 * @param commonLabels labels all alerts share
 * @param commonAnnotations annotations all alerts share
 * @param externalURL Alertmanager's external URL
 */
public record AmData(String receiver, String status, AmAlerts alerts, Kv groupLabels,
    Kv commonLabels, Kv commonAnnotations, String externalURL) implements GoValue {

  /** The data of one webhook payload. */
  public static AmData from(WebhookPayload p) {
    return new AmData(p.receiver(), p.status().wireName(),
        new AmAlerts(p.alerts().stream().map(AmAlert::from).toList(), true), new Kv(p.groupLabels()),
        new Kv(p.commonLabels()), new Kv(p.commonAnnotations()), p.externalURL());
  }

  /**
   * The data in a JSON file as amtool's {@code --template.data} reads it: Go's lenient decoding
   * into {@code template.Data} (missing fields are zero, times keep their offsets).
   *
   * @throws IllegalArgumentException naming what is wrong, in Go's words where we have them
   */
  public static AmData fromJson(byte[] json) {
    return AmDataJson.read(json);
  }

  @Override
  public String goType() {
    return "template.Data";
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Receiver" -> receiver;
      case "Status" -> status;
      case "Alerts" -> alerts;
      case "GroupLabels" -> groupLabels;
      case "CommonLabels" -> commonLabels;
      case "CommonAnnotations" -> commonAnnotations;
      case "ExternalURL" -> externalURL;
      default -> NO_FIELD;
    };
  }

  @Override
  public void formatV(StringBuilder b) {
    b.append('{').append(receiver).append(' ').append(status).append(' ');
    alerts.formatV(b);
    b.append(' ');
    groupLabels.formatV(b);
    b.append(' ');
    commonLabels.formatV(b);
    b.append(' ');
    commonAnnotations.formatV(b);
    b.append(' ').append(externalURL).append('}');
  }
}
