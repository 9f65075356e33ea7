package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.Alert;

/**
 * Writes a payload as Alertmanager 0.25 sends it (version 4): member order of its Go structs,
 * {@link GoJsonWriter} escaping, {@link GoTime} times, and the trailing newline that Go's
 * {@code json.Encoder} adds. Stateless and thread-safe.
 */
final class PayloadWriter {
  /** Alertmanager has written this version since it added groupKey; we only ever write it. */
  static final String VERSION = "4";

  /**
   * @throws IllegalArgumentException if a time lies outside the years Go can write (0000-9999)
   */
  public byte[] write(WebhookPayload payload) {
    GoJsonWriter out = new GoJsonWriter(512 + 512 * payload.alerts().size());
    out.raw('{').name("receiver").string(payload.receiver());
    out.raw(',').name("status").string(payload.status().wireName());
    out.raw(',').name("alerts").raw('[');
    boolean first = true;
    for (WebhookAlert alert : payload.alerts()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      writeAlert(out, alert);
    }
    out.raw(']');
    out.raw(',').name("groupLabels").stringMap(payload.groupLabels());
    out.raw(',').name("commonLabels").stringMap(payload.commonLabels());
    out.raw(',').name("commonAnnotations").stringMap(payload.commonAnnotations());
    out.raw(',').name("externalURL").string(payload.externalURL());
    out.raw(',').name("version").string(VERSION);
    // Version 3 had no group key; Go writes its empty string for it.
    out.raw(',').name("groupKey").string(payload.groupKey() == null ? "" : payload.groupKey());
    out.raw(',').name("truncatedAlerts").raw(Long.toString(payload.truncatedAlerts()));
    return out.raw("}\n").toByteArray();
  }

  private static void writeAlert(GoJsonWriter out, WebhookAlert entry) {
    Alert alert = entry.alert();
    out.raw('{').name("status").string(entry.status().wireName());
    out.raw(',').name("labels").stringMap(alert.labels());
    out.raw(',').name("annotations").stringMap(alert.annotations());
    out.raw(',').name("startsAt").raw('"').raw(GoTime.format(alert.startsAt())).raw('"');
    out.raw(',').name("endsAt").raw('"').raw(GoTime.format(alert.endsAt())).raw('"');
    out.raw(',').name("generatorURL").string(alert.generatorURL());
    String fingerprint =
        entry.fingerprint() != null ? entry.fingerprint() : alert.fingerprint().toString();
    out.raw(',').name("fingerprint").string(fingerprint);
    out.raw('}');
  }
}
