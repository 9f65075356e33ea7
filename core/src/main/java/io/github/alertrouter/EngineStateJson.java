package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Operator;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import io.github.alertrouter.internal.text.LabelNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON form of an {@link EngineState} ({@link io.github.alertrouter.RouterSnapshot}):
 *
 * <pre>{@code
 * {"version": 2, "takenAt": T,
 *  "alerts": [{"labels": {}, "annotations": {}, "startsAt": T, "endsAt": T|null, "generatorURL": ""}],
 *  "notified": [{"group": KEY, "firing": [FP], "resolved": [FP], "at": T,
 *                "delivered": [{"robot": ID, "firing": [FP], "resolved": [FP], "at": T}]}],
 *  "escalations": [{"groupKey": K, "firstNoticeAt": T, "fired": [{"step": 0, "repeat": 0, "loop": 0, "at": T}],
 *                   "acknowledgedBy": WHO|null, "acknowledgedAt": T|null, "resolved": false}],
 *  "silences": [{"id": ID, "matchers": [{"key": K, "op": "EQ", "values": [V]}], "startsAt": T, "endsAt": T,
 *                "createdBy": WHO, "comment": TEXT}],
 *  "usedTokens": [{"nonce": N, "expiresAt": T}]}
 * }</pre>
 *
 * {@code firing}, {@code resolved} and {@code at} of a group are what its last flush decided
 * (absent when none did); {@code delivered} is what each robot's chat received. Version 1 had no
 * {@code delivered}: its entry stands for every robot ({@link GroupLog#EVERY_ROBOT}), as it meant.
 * Reading checks everything and names the JSON pointer of the first problem; nothing is half-read.
 * Stateless.
 */
final class EngineStateJson {
  static final int VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(EngineStateJson.class);

  private EngineStateJson() {}

  static byte[] write(EngineState state) {
    ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("takenAt", state.takenAt().toString());
    ArrayNode alerts = root.putArray("alerts");
    for (Alert a : state.alerts()) {
      ObjectNode n = alerts.addObject();
      a.labels().forEach(n.putObject("labels")::put);
      a.annotations().forEach(n.putObject("annotations")::put);
      n.put("startsAt", text(a.startsAt())).put("endsAt", text(a.endsAt())).put("generatorURL", a.generatorURL());
    }
    ArrayNode notified = root.putArray("notified");
    new TreeMap<>(state.log()).forEach((group, log) -> {
      ObjectNode n = notified.addObject().put("group", group);
      if (log.decided() != null) {
        entry(n, log.decided());
      }
      ArrayNode delivered = n.putArray("delivered");
      new TreeMap<>(log.delivered()).forEach((robot, entry) -> entry(delivered.addObject().put("robot", robot), entry));
    });
    ArrayNode escalations = root.putArray("escalations");
    new TreeMap<>(state.escalations()).forEach((groupKey, e) -> {
      ObjectNode n = escalations.addObject().put("groupKey", groupKey).put("firstNoticeAt", e.firstNoticeAt().toString());
      ArrayNode fired = n.putArray("fired");
      e.fired().forEach((slot, at) -> fired.addObject().put("step", slot.stepIndex()).put("repeat", slot.repeat())
          .put("loop", slot.loop()).put("at", at.toString()));
      n.put("acknowledgedBy", e.acknowledgedBy()).put("acknowledgedAt", text(e.acknowledgedAt()))
          .put("resolved", e.resolved());
    });
    ArrayNode silences = root.putArray("silences");
    for (Silence s : state.addedSilences()) {
      ObjectNode n = silences.addObject().put("id", s.id());
      ArrayNode matchers = n.putArray("matchers");
      for (Condition c : s.matchers()) {
        ObjectNode m = matchers.addObject().put("key", c.key()).put("op", c.op().name());
        c.values().forEach(m.putArray("values")::add);
      }
      n.put("startsAt", s.startsAt().toString()).put("endsAt", s.endsAt().toString())
          .put("createdBy", s.createdBy()).put("comment", s.comment());
    }
    ArrayNode used = root.putArray("usedTokens");
    new TreeMap<>(state.usedTokens()).forEach((nonce, expiresAt) ->
        used.addObject().put("nonce", nonce).put("expiresAt", expiresAt.toString()));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void entry(ObjectNode n, Entry entry) {
    entry.firing().stream().map(Fingerprint::toString).sorted().forEach(n.putArray("firing")::add);
    entry.resolved().stream().map(Fingerprint::toString).sorted().forEach(n.putArray("resolved")::add);
    n.put("at", entry.at().toString());
  }

  private static Entry entry(JsonNode n, String p) {
    return new Entry(fingerprints(n, "firing", p), fingerprints(n, "resolved", p), instant(n, "at", p));
  }

  /**
   * Reads a snapshot.
   *
   * @throws IllegalArgumentException naming the JSON pointer of what is wrong
   */
  public static EngineState read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      // Jackson's message may quote the document; the location is enough
      throw new IllegalArgumentException("snapshot: not JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad("", "must be a JSON object");
    }
    int version = root.path("version").asInt(-1);
    if (version != 1 && version != VERSION) {
      throw bad("/version", "must be 1 or " + VERSION + ", but was " + root.path("version"));
    }
    Instant takenAt = instant(root, "takenAt", "");
    List<Alert> alerts = new ArrayList<>();
    forEach(root, "alerts", "", (n, p) -> {
      if (invalidName(n)) {
        // accepted before names were checked as Alertmanager checks them: the rest of the state is good
        LOG.warn("snapshot {}: an alert whose label or annotation names Alertmanager refuses is left out", p);
      } else {
        alerts.add(alert(n, p));
      }
    });
    Map<String, GroupLog> log = new HashMap<>();
    forEach(root, "notified", "", (n, p) -> {
      Entry decided = version == 1 || n.has("at") ? entry(n, p) : null;
      Map<String, Entry> delivered = new HashMap<>();
      if (version == 1) {
        delivered.put(GroupLog.EVERY_ROBOT, decided);
      }
      forEach(n, "delivered", p, (d, dp) -> delivered.put(string(d, "robot", dp), entry(d, dp)));
      log.put(string(n, "group", p), new GroupLog(decided, delivered));
    });
    Map<String, EscalationState> escalations = new HashMap<>();
    forEach(root, "escalations", "", (n, p) -> escalations.put(string(n, "groupKey", p), escalation(n, p)));
    List<Silence> silences = new ArrayList<>();
    forEach(root, "silences", "", (n, p) -> silences.add(silence(n, p)));
    Map<String, Instant> usedTokens = new HashMap<>();
    forEach(root, "usedTokens", "", (n, p) -> usedTokens.put(string(n, "nonce", p), instant(n, "expiresAt", p)));
    return new EngineState(takenAt, alerts, log, escalations, silences, usedTokens);
  }

  private static boolean invalidName(JsonNode n) {
    for (String field : List.of("labels", "annotations")) {
      for (Iterator<String> names = n.path(field).fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.isEmpty() && !LabelNames.isValid(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Alert alert(JsonNode n, String p) {
    try {
      return new Alert(stringMap(n, "labels", p), stringMap(n, "annotations", p), optionalInstant(n, "startsAt", p),
          optionalInstant(n, "endsAt", p), n.path("generatorURL").asText(""));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("snapshot ") ? e : bad(p, e.getMessage());
    }
  }

  private static EscalationState escalation(JsonNode n, String p) {
    Map<FiringSlot, Instant> fired = new HashMap<>();
    forEach(n, "fired", p, (f, fp) -> fired.put(
        new FiringSlot(integer(f, "step", fp), integer(f, "repeat", fp), integer(f, "loop", fp)), instant(f, "at", fp)));
    String by = n.path("acknowledgedBy").isTextual() ? n.path("acknowledgedBy").asText() : null;
    try {
      return new EscalationState(instant(n, "firstNoticeAt", p), fired, by, optionalInstant(n, "acknowledgedAt", p),
          n.path("resolved").asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("snapshot ") ? e : bad(p, e.getMessage());
    }
  }

  private static Silence silence(JsonNode n, String p) {
    List<Condition> matchers = new ArrayList<>();
    forEach(n, "matchers", p, (m, mp) -> {
      List<String> values = new ArrayList<>();
      forEach(m, "values", mp, (v, vp) -> values.add(v.asText()));
      Operator op;
      try {
        op = Operator.valueOf(string(m, "op", mp));
      } catch (IllegalArgumentException e) {
        throw bad(mp + "/op", "unknown operator " + m.path("op"));
      }
      matchers.add(new Condition(string(m, "key", mp), op, values));
    });
    try {
      return new Silence(string(n, "id", p), matchers, instant(n, "startsAt", p), instant(n, "endsAt", p),
          n.path("createdBy").asText(""), n.path("comment").asText(""));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("snapshot ") ? e : bad(p, e.getMessage());
    }
  }

  private interface Element {
    void read(JsonNode node, String pointer);
  }

  private static void forEach(JsonNode parent, String field, String pointer, Element element) {
    JsonNode array = parent.path(field);
    if (array.isMissingNode() || array.isNull()) {
      return;
    }
    if (!array.isArray()) {
      throw bad(pointer + "/" + field, "must be an array");
    }
    for (int i = 0; i < array.size(); i++) {
      element.read(array.get(i), pointer + "/" + field + "/" + i);
    }
  }

  private static SortedMap<String, String> stringMap(JsonNode n, String field, String p) {
    JsonNode object = n.path(field);
    SortedMap<String, String> map = new TreeMap<>();
    if (object.isMissingNode() || object.isNull()) {
      return map;
    }
    if (!object.isObject()) {
      throw bad(p + "/" + field, "must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  private static Set<Fingerprint> fingerprints(JsonNode n, String field, String p) {
    Set<Fingerprint> out = new HashSet<>();
    forEach(n, field, p, (f, fp) -> {
      try {
        out.add(Fingerprint.parse(f.asText()));
      } catch (IllegalArgumentException e) {
        throw bad(fp, "not a fingerprint: " + f);
      }
    });
    return out;
  }

  private static String string(JsonNode n, String field, String p) {
    JsonNode v = n.path(field);
    if (!v.isTextual()) {
      throw bad(p + "/" + field, "required text is missing");
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String field, String p) {
    JsonNode v = n.path(field);
    if (!v.canConvertToInt()) {
      throw bad(p + "/" + field, "required integer is missing");
    }
    return v.asInt();
  }

  private static Instant instant(JsonNode n, String field, String p) {
    Instant at = optionalInstant(n, field, p);
    if (at == null) {
      throw bad(p + "/" + field, "required time is missing");
    }
    return at;
  }

  private static Instant optionalInstant(JsonNode n, String field, String p) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw bad(p + "/" + field, "not an RFC 3339 time: " + v);
    }
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private static IllegalArgumentException bad(String pointer, String problem) {
    return new IllegalArgumentException("snapshot " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
  }
}
