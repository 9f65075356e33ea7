package io.github.alertrouter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An {@link Outbox.Entry} as JSON, for outboxes that keep entries outside the process: everything
 * but the receipt, which lives and dies with the process ({@link Receipt#NONE} when read back).
 * Versioned, so that an entry written by an older release is read or refused by a newer one. The
 * optional {@code step} object ({@link Outbox.StepFired}) needs no new version: a release that does
 * not know it reads the entry without it, and fires the step again after a crash, as it always did.
 */
public final class OutboxJson {
  /** The format written; readers accept it and older ones they know. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutboxJson() {}

  /** The entry (without its receipt) as JSON text. */
  public static String write(Outbox.Entry entry) {
    Delivery d = entry.delivery();
    ObjectNode root = JSON.createObjectNode().put("v", VERSION).put("robot", d.robotId()).put("key", entry.key())
        .put("template", d.template());
    if (entry.delivered() != null) {
      Outbox.Delivered r = entry.delivered();
      ObjectNode n = root.putObject("delivered").put("group", r.group()).put("robot", r.robotId());
      r.firing().stream().map(Fingerprint::toString).sorted().forEach(n.putArray("firing")::add);
      r.resolved().stream().map(Fingerprint::toString).sorted().forEach(n.putArray("resolved")::add);
    }
    if (entry.step() != null) {
      Outbox.StepFired f = entry.step();
      ObjectNode n = root.putObject("step").put("group", f.group()).put("episodeStart", f.episodeStart().toString())
          .put("step", f.slot().stepIndex()).put("repeat", f.slot().repeat()).put("loop", f.slot().loop())
          .put("at", f.at().toString());
      f.robotIds().stream().sorted().forEach(n.putArray("robots")::add);
    }
    mentions(root.putArray("mentions"), d.mentions());
    if (d.isNotice()) {
      Notice notice = d.notice();
      ObjectNode n = root.putObject("notice").put("reason", notice.reason().name()).put("source", notice.source())
          .put("key", notice.key()).put("title", notice.title()).put("at", notice.at().toString());
      notice.lines().forEach(n.putArray("lines")::add);
      mentions(n.putArray("mentions"), notice.mentions());
    } else {
      Notification x = d.notification();
      ObjectNode n = root.putObject("notification").put("policy", x.policy()).put("groupKey", x.groupKey())
          .put("reason", x.reason().name()).put("at", x.at().toString()).put("groups", x.groups())
          .put("reasonDetail", x.reasonDetail());
      x.groupLabels().forEach(n.putObject("groupLabels")::put);
      alerts(n.putArray("firing"), x.firing());
      alerts(n.putArray("resolved"), x.resolved());
      ArrayNode links = n.putArray("links");
      x.links().forEach(l -> links.addObject().put("kind", l.kind().name()).put("title", l.title()).put("url", l.url()));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * Reads what {@link #write} wrote; the receipt is {@link Receipt#NONE}.
   *
   * @throws IllegalArgumentException naming the JSON pointer of what is wrong, or the version
   */
  public static Outbox.Entry read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("outbox entry: not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("outbox entry: not a JSON object");
    }
    int version = root.path("v").asInt(-1);
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("outbox entry /v: version " + root.path("v")
          + " is not one this release reads (1.." + VERSION + "); it was written by a newer release");
    }
    try {
      List<Mention> mentions = mentions(root.path("mentions"), "/mentions");
      Delivery delivery;
      if (root.path("notice").isObject()) {
        JsonNode n = root.path("notice");
        List<String> lines = new ArrayList<>();
        n.path("lines").forEach(l -> lines.add(l.asText()));
        Notice notice = new Notice(NotifyReason.valueOf(text(n, "reason", "/notice")), text(n, "source", "/notice"),
            text(n, "key", "/notice"), text(n, "title", "/notice"), lines, mentions(n.path("mentions"), "/notice/mentions"),
            Instant.parse(text(n, "at", "/notice")));
        delivery = new Delivery(text(root, "robot", ""), null, mentions, null, notice);
      } else {
        JsonNode n = root.path("notification");
        SortedMap<String, String> groupLabels = new TreeMap<>();
        n.path("groupLabels").fields().forEachRemaining(f -> groupLabels.put(f.getKey(), f.getValue().asText()));
        List<NotificationLink> links = new ArrayList<>();
        n.path("links").forEach(l -> links.add(new NotificationLink(NotificationLink.Kind.valueOf(l.path("kind").asText()),
            l.path("title").asText(), l.path("url").asText())));
        Notification notification = new Notification(text(n, "policy", "/notification"),
            text(n, "groupKey", "/notification"), groupLabels, NotifyReason.valueOf(text(n, "reason", "/notification")),
            alerts(n.path("firing"), "/notification/firing"), alerts(n.path("resolved"), "/notification/resolved"),
            links, Instant.parse(text(n, "at", "/notification")), n.path("groups").asInt(1), optional(n, "reasonDetail"));
        delivery = new Delivery(text(root, "robot", ""), notification, mentions, optional(root, "template"));
      }
      Outbox.Delivered delivered = null;
      if (root.path("delivered").isObject()) {
        JsonNode n = root.path("delivered");
        delivered = new Outbox.Delivered(text(n, "group", "/delivered"), text(n, "robot", "/delivered"),
            fingerprints(n.path("firing")), fingerprints(n.path("resolved")));
      }
      return new Outbox.Entry(delivery, optional(root, "key"), delivered, step(root.path("step")), Receipt.NONE);
    } catch (RuntimeException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("outbox entry")
          ? e : new IllegalArgumentException("outbox entry: " + e.getMessage(), e);
    }
  }

  /** An entry written before the field existed has none: its firing is not recorded from it. */
  private static Outbox.StepFired step(JsonNode n) {
    if (!n.isObject()) {
      return null;
    }
    Set<String> robots = new HashSet<>();
    n.path("robots").forEach(r -> robots.add(r.asText()));
    return new Outbox.StepFired(text(n, "group", "/step"), Instant.parse(text(n, "episodeStart", "/step")),
        new FiringSlot(number(n, "step"), number(n, "repeat"), number(n, "loop")), Instant.parse(text(n, "at", "/step")),
        robots);
  }

  private static int number(JsonNode n, String field) {
    if (!n.path(field).canConvertToInt()) {
      throw new IllegalArgumentException("outbox entry /step/" + field + ": not a number");
    }
    return n.path(field).asInt();
  }

  private static void mentions(ArrayNode array, List<Mention> mentions) {
    for (Mention m : mentions) {
      ObjectNode n = array.addObject().put("target", m.target().toString()).put("contactId", m.contactId())
          .put("name", m.name()).put("reason", m.reason());
      if (m.identity() != null) {
        n.put("identityType", m.identity().type()).put("identity", m.identity().value());
      }
    }
  }

  private static List<Mention> mentions(JsonNode array, String p) {
    List<Mention> mentions = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array) {
      String at = p + "/" + i++;
      Identity identity = n.hasNonNull("identity")
          ? new Identity(text(n, "identityType", at), text(n, "identity", at)) : null;
      mentions.add(new Mention(MentionTarget.parse(text(n, "target", at)), optional(n, "contactId"),
          text(n, "name", at), identity, optional(n, "reason")));
    }
    return mentions;
  }

  private static void alerts(ArrayNode array, List<Alert> alerts) {
    for (Alert a : alerts) {
      ObjectNode n = array.addObject();
      a.labels().forEach(n.putObject("labels")::put);
      a.annotations().forEach(n.putObject("annotations")::put);
      n.put("startsAt", a.startsAt() == null ? null : a.startsAt().toString())
          .put("endsAt", a.endsAt() == null ? null : a.endsAt().toString()).put("generatorURL", a.generatorURL());
    }
  }

  private static List<Alert> alerts(JsonNode array, String p) {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode n : array) {
      alerts.add(new Alert(map(n.path("labels")), map(n.path("annotations")), instant(n, "startsAt"),
          instant(n, "endsAt"), n.path("generatorURL").asText("")));
    }
    return alerts;
  }

  private static SortedMap<String, String> map(JsonNode n) {
    SortedMap<String, String> map = new TreeMap<>();
    n.fields().forEachRemaining((Map.Entry<String, JsonNode> f) -> map.put(f.getKey(), f.getValue().asText()));
    return map;
  }

  private static Set<Fingerprint> fingerprints(JsonNode array) {
    Set<Fingerprint> set = new HashSet<>();
    array.forEach(f -> set.add(Fingerprint.parse(f.asText())));
    return set;
  }

  private static Instant instant(JsonNode n, String field) {
    return n.hasNonNull(field) ? Instant.parse(n.path(field).asText()) : null;
  }

  private static String optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.path(field).asText() : null;
  }

  private static String text(JsonNode n, String field, String p) {
    if (!n.hasNonNull(field)) {
      throw new IllegalArgumentException("outbox entry " + p + "/" + field + ": missing");
    }
    return n.path(field).asText();
  }
}
