package io.github.alertrouter.gotemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads template data from JSON the way Go's {@code json.Unmarshal} fills Alertmanager's
 * {@code template.Data} (what amtool's {@code --template.data} does): keys match fields case-
 * insensitively, missing fields stay zero, unknown ones are ignored, and times keep the offset they
 * were written with. Stricter input goes through the webhook codec instead.
 */
final class AmDataJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AmDataJson() {}

  static AmData read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    if (root == null || root.isNull()) {
      return data(JSON.createObjectNode());
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("json: cannot unmarshal " + kind(root)
          + " into Go value of type template.Data");
    }
    return data(root);
  }

  private static AmData data(JsonNode o) {
    List<AmAlert> alerts = new ArrayList<>();
    JsonNode list = field(o, "alerts");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw typeError(list, "Data.alerts", "template.Alerts");
      }
      for (JsonNode a : list) {
        alerts.add(alert(a));
      }
    }
    return new AmData(string(o, "receiver", "Data"), string(o, "status", "Data"),
        new AmAlerts(alerts, true), kv(o, "groupLabels", "Data"), kv(o, "commonLabels", "Data"),
        kv(o, "commonAnnotations", "Data"), string(o, "externalURL", "Data"));
  }

  private static AmAlert alert(JsonNode a) {
    if (a.isNull()) {
      return new AmAlert("", new Kv(Map.of()), new Kv(Map.of()), TimeValue.ZERO, TimeValue.ZERO,
          "", "");
    }
    if (!a.isObject()) {
      throw typeError(a, "Data.alerts", "template.Alert");
    }
    return new AmAlert(string(a, "status", "Alert"), kv(a, "labels", "Alert"),
        kv(a, "annotations", "Alert"), time(a, "startsAt"), time(a, "endsAt"),
        string(a, "generatorURL", "Alert"), string(a, "fingerprint", "Alert"));
  }

  /** The value of {@code name}, matched case-insensitively as Go does; the last one wins. */
  private static JsonNode field(JsonNode o, String name) {
    JsonNode found = o.get(name);
    if (found != null) {
      return found;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        found = e.getValue();
      }
    }
    return found;
  }

  private static String string(JsonNode o, String name, String type) {
    JsonNode v = field(o, name);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw typeError(v, type + "." + name, "string");
    }
    return v.asText();
  }

  private static Kv kv(JsonNode o, String name, String type) {
    JsonNode v = field(o, name);
    if (v == null || v.isNull()) {
      return new Kv(Map.of());
    }
    if (!v.isObject()) {
      throw typeError(v, type + "." + name, "template.KV");
    }
    Map<String, String> map = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual() && !e.getValue().isNull()) {
        throw typeError(e.getValue(), type + "." + name, "string");
      }
      map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return new Kv(map);
  }

  private static TimeValue time(JsonNode o, String name) {
    JsonNode v = field(o, name);
    if (v == null || v.isNull()) {
      return TimeValue.ZERO;
    }
    if (!v.isTextual()) {
      throw typeError(v, "Alert." + name, "time.Time");
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(v.asText());
      ZoneOffset offset = t.getOffset();
      return new TimeValue(t.toInstant(), offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("parsing time " + GoFmt.quote(v.asText())
          + " as \"2006-01-02T15:04:05Z07:00\": cannot parse");
    }
  }

  private static IllegalArgumentException typeError(JsonNode v, String field, String goType) {
    return new IllegalArgumentException("json: cannot unmarshal " + kind(v)
        + " into Go struct field " + field + " of type " + goType);
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isArray()) {
      return "array";
    }
    return v.isObject() ? "object" : "null";
  }
}
