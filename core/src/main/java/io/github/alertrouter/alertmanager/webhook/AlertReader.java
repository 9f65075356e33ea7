package io.github.alertrouter.alertmanager.webhook;

import static io.github.alertrouter.alertmanager.webhook.JsonValues.expectObject;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.optionalString;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.pointer;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.quote;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.requirePresent;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.requiredString;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.stringMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.alertrouter.Alert;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;

/** Reads one element of {@code alerts}; see {@code WebhookCodec} for the rules. Stateless. */
final class AlertReader {
  private AlertReader() {}

  /** Reads the alert object the parser is at, the {@code index}-th of {@code /alerts}. */
  static WebhookAlert read(JsonParser p, int index) throws IOException {
    return read(p, "/alerts/" + index, false);
  }

  /**
   * Reads one alert at JSON pointer {@code at}. A postable alert (Alertmanager API v2
   * {@code POST /api/v2/alerts}) needs no {@code status} and no {@code startsAt}: its status
   * follows from {@code endsAt}, and an unknown start is stamped by the router on submit.
   */
  static WebhookAlert read(JsonParser p, String at, boolean postable) throws IOException {
    expectObject(p);
    WebhookStatus status = null;
    SortedMap<String, String> labels = null;
    SortedMap<String, String> annotations = Collections.emptySortedMap();
    Instant startsAt = null;
    boolean hasStartsAt = false;
    Instant endsAt = null;
    String generatorURL = "";
    String fingerprint = null;
    GrafanaFields grafana = GrafanaFields.NONE;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "status" -> status = status(p);
        case "labels" -> {
          labels = stringMap(p, "label");
          if (labels.isEmpty()) {
            throw new PayloadException(pointer(p), "labels must not be empty");
          }
        }
        case "annotations" -> annotations = stringMap(p, "annotation");
        case "startsAt" -> {
          startsAt = time(p);
          hasStartsAt = true;
        }
        case "endsAt" -> endsAt = p.currentToken() == JsonToken.VALUE_NULL ? null : time(p);
        case "generatorURL" -> generatorURL = optionalString(p, "");
        case "fingerprint" -> fingerprint = optionalString(p, null);
        default -> {
          // Grafana's webhook alert; an API v2 alert list (postable) has no such fields
          if (postable) {
            p.skipChildren();
          } else if (name.equals("values")) {
            grafana = grafana.withValues(GrafanaFields.values(p));
          } else if (GrafanaFields.STRING_FIELDS.containsKey(name)) {
            grafana = grafana.with(name, optionalString(p, ""));
          } else {
            p.skipChildren();
          }
        }
      }
    }
    if (postable && status == null) {
      status = endsAt == null ? WebhookStatus.FIRING : WebhookStatus.RESOLVED;
    }
    requirePresent(status, at + "/status");
    requirePresent(labels, at + "/labels");
    if (!hasStartsAt && !postable) {
      throw new PayloadException(at + "/startsAt", "required member is missing");
    }
    if (status == WebhookStatus.RESOLVED && endsAt == null) {
      // Alertmanager never sends this. The alert ended at some unknown time after it started;
      // startsAt is the only time we know that keeps it resolved and endsAt >= startsAt.
      if (startsAt == null) {
        throw new PayloadException(at + "/endsAt",
            "a resolved alert needs an endsAt or a startsAt, but both are absent or the Go zero time");
      }
      endsAt = startsAt;
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      throw new PayloadException(at + "/endsAt", "endsAt must not be before startsAt, but was "
          + GoTime.format(endsAt) + " < " + GoTime.format(startsAt));
    }
    return new WebhookAlert(status,
        new Alert(labels, grafana.addTo(annotations), startsAt, endsAt, generatorURL), fingerprint);
  }

  static WebhookStatus status(JsonParser p) throws IOException {
    String text = requiredString(p);
    WebhookStatus status = WebhookStatus.FIRING.wireName().equals(text) ? WebhookStatus.FIRING
        : WebhookStatus.RESOLVED.wireName().equals(text) ? WebhookStatus.RESOLVED
        : null;
    if (status == null) {
      throw new PayloadException(pointer(p),
          "status must be \"firing\" or \"resolved\", but was " + quote(text));
    }
    return status;
  }

  /** An RFC 3339 time; Go's zero time (what Alertmanager writes for "unknown") reads as null. */
  private static Instant time(JsonParser p) throws IOException {
    String text = requiredString(p);
    Instant instant;
    try {
      instant = GoTime.parse(text);
    } catch (DateTimeException e) {
      throw new PayloadException(pointer(p),
          "invalid RFC 3339 timestamp " + quote(text) + ": " + e.getMessage(), e);
    }
    return instant.equals(GoTime.ZERO) ? null : instant;
  }
}
