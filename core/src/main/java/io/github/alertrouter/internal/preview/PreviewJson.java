package io.github.alertrouter.internal.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.preview.AlertPreview;
import io.github.alertrouter.preview.PolicyMatchPreview;
import io.github.alertrouter.preview.RoutingPreview;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes a {@link RoutingPreview} in the documented, stable JSON shape. The shape is built
 * explicitly, field by field, so that refactoring a record can never rename a field tools read.
 */
public final class PreviewJson {
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
    root.putArray("notifications");
    try {
      return JSON.writer(PRETTY).writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static void putMap(ObjectNode node, Map<String, String> values) {
    values.forEach(node::put);
  }
}
