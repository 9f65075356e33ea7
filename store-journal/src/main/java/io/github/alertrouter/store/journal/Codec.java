package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Operator;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.NotificationLog;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON of the values the seams keep. Times are RFC 3339 UTC as {@link Instant#toString()}
 * writes them (nanoseconds kept); a missing required field is an {@link IllegalArgumentException}
 * naming it, which replay reports with the record's line. Stateless.
 */
final class Codec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Codec() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  // ---- fields

  static JsonNode field(JsonNode n, String name) {
    JsonNode value = n.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no \"" + name + "\"");
    }
    return value;
  }

  static String text(JsonNode n, String name) {
    JsonNode value = field(n, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + name + "\" is not text");
    }
    return value.asText();
  }

  static Instant instant(JsonNode n, String name) {
    return parse(text(n, name), name);
  }

  /** A time that may be absent ({@code null}). */
  static Instant optionalInstant(JsonNode n, String name) {
    JsonNode value = n.get(name);
    return value == null || value.isNull() ? null : instant(n, name);
  }

  private static Instant parse(String text, String name) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a time: " + text);
    }
  }

  static void put(ObjectNode n, String name, Instant at) {
    if (at == null) {
      n.putNull(name);
    } else {
      n.put(name, at.toString());
    }
  }

  // ---- alerts

  static ObjectNode alert(Alert alert) {
    ObjectNode n = object();
    alert.labels().forEach(n.putObject("labels")::put);
    alert.annotations().forEach(n.putObject("annotations")::put);
    put(n, "startsAt", alert.startsAt());
    put(n, "endsAt", alert.endsAt());
    n.put("generatorURL", alert.generatorURL());
    return n;
  }

  /** {@link #alerts(List)} written straight to a generator, field for field the same. */
  static void writeAlerts(JsonGenerator out, List<Alert> alerts) throws IOException {
    out.writeStartArray();
    for (Alert alert : alerts) {
      out.writeStartObject();
      writeStrings(out, "labels", alert.labels());
      writeStrings(out, "annotations", alert.annotations());
      writeInstant(out, "startsAt", alert.startsAt());
      writeInstant(out, "endsAt", alert.endsAt());
      out.writeStringField("generatorURL", alert.generatorURL());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static void writeStrings(JsonGenerator out, String name, Map<String, String> map) throws IOException {
    out.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeStringField(e.getKey(), e.getValue());
    }
    out.writeEndObject();
  }

  static void writeInstant(JsonGenerator out, String name, Instant at) throws IOException {
    if (at == null) {
      out.writeNullField(name);
    } else {
      out.writeStringField(name, at.toString());
    }
  }

  static Alert alert(JsonNode n) {
    return new Alert(strings(field(n, "labels")), strings(n.path("annotations")), optionalInstant(n, "startsAt"),
        optionalInstant(n, "endsAt"), n.path("generatorURL").asText(""));
  }

  static ArrayNode alerts(List<Alert> alerts) {
    ArrayNode array = NODES.arrayNode(alerts.size());
    alerts.forEach(a -> array.add(alert(a)));
    return array;
  }

  static List<Alert> alerts(JsonNode array) {
    List<Alert> alerts = new ArrayList<>(array.size());
    array.forEach(n -> alerts.add(alert(n)));
    return alerts;
  }

  private static TreeMap<String, String> strings(JsonNode object) {
    TreeMap<String, String> map = new TreeMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  // ---- silences

  static ObjectNode silence(Silence silence) {
    ObjectNode n = object().put("id", silence.id());
    ArrayNode matchers = n.putArray("matchers");
    for (Condition c : silence.matchers()) {
      ObjectNode m = matchers.addObject().put("key", c.key()).put("op", c.op().name());
      c.values().forEach(m.putArray("values")::add);
    }
    put(n, "startsAt", silence.startsAt());
    put(n, "endsAt", silence.endsAt());
    return n.put("createdBy", silence.createdBy()).put("comment", silence.comment());
  }

  static Silence silence(JsonNode n) {
    List<Condition> matchers = new ArrayList<>();
    for (JsonNode m : field(n, "matchers")) {
      List<String> values = new ArrayList<>();
      field(m, "values").forEach(v -> values.add(v.asText()));
      matchers.add(new Condition(text(m, "key"), Operator.valueOf(text(m, "op")), values));
    }
    return new Silence(text(n, "id"), matchers, instant(n, "startsAt"), instant(n, "endsAt"),
        n.path("createdBy").asText(""), n.path("comment").asText(""));
  }

  // ---- the notification log

  static ObjectNode entry(NotificationLog.Entry entry) {
    ObjectNode n = object();
    ArrayNode firing = n.putArray("firing");
    entry.firing().forEach(fp -> firing.add(fp.toString()));
    ArrayNode resolved = n.putArray("resolved");
    entry.resolved().forEach(fp -> resolved.add(fp.toString()));
    put(n, "at", entry.at());
    return n;
  }

  static NotificationLog.Entry entry(JsonNode n) {
    return new NotificationLog.Entry(fingerprints(n.path("firing")), fingerprints(n.path("resolved")), instant(n, "at"));
  }

  private static Set<Fingerprint> fingerprints(JsonNode array) {
    Set<Fingerprint> set = new HashSet<>();
    array.forEach(fp -> set.add(Fingerprint.parse(fp.asText())));
    return set;
  }

  // ---- escalation episodes

  static ObjectNode escalation(EscalationState state) {
    ObjectNode n = object();
    put(n, "firstNoticeAt", state.firstNoticeAt());
    ArrayNode fired = n.putArray("fired");
    state.fired().forEach((slot, at) -> fired.addObject().put("step", slot.stepIndex()).put("repeat", slot.repeat())
        .put("loop", slot.loop()).put("at", at.toString()));
    n.put("acknowledgedBy", state.acknowledgedBy());
    put(n, "acknowledgedAt", state.acknowledgedAt());
    return n.put("resolved", state.resolved());
  }

  static EscalationState escalation(JsonNode n) {
    Map<FiringSlot, Instant> fired = new HashMap<>();
    for (JsonNode f : n.path("fired")) {
      fired.put(new FiringSlot(field(f, "step").asInt(), field(f, "repeat").asInt(), field(f, "loop").asInt()),
          instant(f, "at"));
    }
    JsonNode by = n.get("acknowledgedBy");
    return new EscalationState(instant(n, "firstNoticeAt"), fired, by == null || by.isNull() ? null : by.asText(),
        optionalInstant(n, "acknowledgedAt"), n.path("resolved").asBoolean());
  }

  // ---- bindings

  static ObjectNode binding(Binding binding) {
    ObjectNode n = object().put("contact", binding.contactId()).put("platform", binding.platform())
        .put("mobile", binding.mobile());
    put(n, "boundAt", binding.boundAt());
    return n;
  }

  static Binding binding(JsonNode n) {
    return new Binding(text(n, "contact"), text(n, "platform"), text(n, "mobile"), instant(n, "boundAt"));
  }
}
