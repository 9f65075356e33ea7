package io.github.alertrouter.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.OutboundMessage;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a {@link RoutingPreview} in the documented, stable JSON shape. The shape is built
 * explicitly, field by field, so that refactoring a record can never rename a field tools read.
 */
final class PreviewJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  // "key": value, with arrays one element per line: easy to read and to diff
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

  private PreviewJson() {}

  public static String write(RoutingPreview preview) {
    ObjectNode root = JSON.createObjectNode();
    root.put("at", DateTimeFormatter.ISO_INSTANT.format(preview.at()));
    ArrayNode alerts = root.putArray("alerts");
    for (AlertPreview alert : preview.alerts()) {
      ObjectNode a = alerts.addObject();
      a.put("fingerprint", alert.fingerprint().toString());
      a.put("status", alert.status());
      putMap(a.putObject("labels"), alert.labels());
      ArrayNode silencedBy = a.putArray("silencedBy");
      alert.silencedBy().forEach(silencedBy::add);
      a.put("inhibited", alert.inhibited());
      ArrayNode policies = a.putArray("policies");
      for (PolicyMatchPreview policy : alert.policies()) {
        ObjectNode p = policies.addObject();
        p.put("name", policy.name());
        p.put("routeKey", policy.routeKey());
        p.put("groupKey", policy.groupKey());
        putMap(p.putObject("groupLabels"), policy.groupLabels());
      }
    }
    ArrayNode notifications = root.putArray("notifications");
    preview.notifications().forEach(n -> notification(notifications.addObject(), n));
    try {
      return JSON.writer(PRETTY).writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void notification(ObjectNode o, NotificationPreview n) {
    o.put("policy", n.policy());
    o.put("groupKey", n.groupKey());
    putMap(o.putObject("groupLabels"), n.groupLabels());
    o.put("reason", n.reason().description());
    ObjectNode counts = o.putObject("alerts");
    counts.put("firing", n.firing());
    counts.put("resolved", n.resolved());
    o.put("sendAt", DateTimeFormatter.ISO_INSTANT.format(n.sendAt()));
    if (n.escalationStep() == null) {
      o.putNull("escalationStep");
    } else {
      o.put("escalationStep", n.escalationStep());
    }
    o.put("robot", n.robot());
    o.put("platform", n.platform());
    ArrayNode mentions = o.putArray("mentions");
    for (Mention m : n.mentions()) {
      ObjectNode mo = mentions.addObject();
      mo.put("target", m.target().toString());
      mo.put("contact", m.contactId());
      mo.put("name", m.name());
      mo.put("resolved", m.isResolved());
      if (m.isResolved()) {
        ObjectNode identity = mo.putObject("identity");
        identity.put("type", m.identity().type());
        identity.put("value", m.identity().value());
      } else {
        mo.put("reason", m.reason());
      }
    }
    ArrayNode messages = o.putArray("messages");
    for (OutboundMessage message : n.messages()) {
      ObjectNode mo = messages.addObject();
      mo.put("type", message.type());
      mo.put("bytes", message.bytes());
      mo.set("body", body(message.body()));
    }
    if (n.error() != null) {
      o.put("error", n.error());
    }
    ArrayNode plan = o.putArray("escalationPlan");
    for (NotificationPreview.PlannedEscalation e : n.escalationPlan()) {
      ObjectNode eo = plan.addObject();
      eo.put("at", DateTimeFormatter.ISO_INSTANT.format(e.at()));
      eo.put("step", e.step());
      eo.put("when", e.when());
      ArrayNode notify = eo.putArray("notify");
      e.targets().forEach(notify::add);
      ArrayNode robots = eo.putArray("robots");
      e.robots().forEach(robots::add);
    }
  }

  /** The body as a JSON tree, so the document shows it as JSON; as text if a platform sent non-JSON. */
  private static JsonNode body(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static void putMap(ObjectNode node, Map<String, String> values) {
    values.forEach(node::put);
  }
}
