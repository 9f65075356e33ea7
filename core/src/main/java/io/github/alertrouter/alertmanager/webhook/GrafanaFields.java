package io.github.alertrouter.alertmanager.webhook;

import static io.github.alertrouter.alertmanager.webhook.JsonValues.expectObject;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.pointer;
import static io.github.alertrouter.alertmanager.webhook.JsonValues.wrongType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The per-alert fields Grafana's webhook adds to Alertmanager's shape, kept as annotations named
 * {@value #PREFIX}{@code <field>} so that templates can show them and nothing else in the router
 * needs to know about Grafana. Empty strings (Grafana writes {@code ""} for a URL it has none for)
 * add nothing. Immutable.
 *
 * @param values the annotations gathered so far, by name
 */
record GrafanaFields(Map<String, String> values) {
  /** The prefix of the annotations that carry Grafana's fields. */
  static final String PREFIX = "grafana_";

  /** Grafana's string fields of an alert, and the annotation each becomes. */
  static final Map<String, String> STRING_FIELDS = Map.of(
      "valueString", PREFIX + "valueString",
      "dashboardURL", PREFIX + "dashboardURL",
      "panelURL", PREFIX + "panelURL",
      "silenceURL", PREFIX + "silenceURL",
      "imageURL", PREFIX + "imageURL");

  /** The annotation that carries {@code values}, {@code B=44.2 C=1}. */
  static final String VALUES = PREFIX + "values";

  static final GrafanaFields NONE = new GrafanaFields(Map.of());

  GrafanaFields {
    values = Map.copyOf(values);
  }

  /** With the string field {@code field} set to {@code value} (nothing when it is empty). */
  GrafanaFields with(String field, String value) {
    Map<String, String> next = new LinkedHashMap<>(values);
    String annotation = STRING_FIELDS.get(field);
    if (value.isEmpty()) {
      next.remove(annotation);
    } else {
      next.put(annotation, value);
    }
    return new GrafanaFields(next);
  }

  /** With {@code values} as read by {@link #values(JsonParser)} ({@code ""}: none). */
  GrafanaFields withValues(String text) {
    Map<String, String> next = new LinkedHashMap<>(values);
    if (text.isEmpty()) {
      next.remove(VALUES);
    } else {
      next.put(VALUES, text);
    }
    return new GrafanaFields(next);
  }

  /**
   * {@code annotations} with these fields added; a field replaces an annotation of the same name,
   * as the prefix is reserved for them.
   */
  SortedMap<String, String> addTo(SortedMap<String, String> annotations) {
    if (values.isEmpty()) {
      return annotations;
    }
    TreeMap<String, String> all = new TreeMap<>(annotations);
    all.putAll(values);
    return all;
  }

  /**
   * Grafana's {@code values}: an object of query ref ids to numbers (Go's {@code map[string]float64},
   * {@code null} when the rule has none), as {@code A=1 B=44.2} in ref-id order with each number
   * exactly as sent; {@code ""} for null or an empty object.
   */
  static String values(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return "";
    }
    expectObject(p);
    TreeMap<String, String> numbers = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String ref = p.currentName();
      p.nextToken();
      if (numbers.size() == JsonValues.MAX_MAP_ENTRIES) {
        throw new PayloadException(pointer(p), "more than " + JsonValues.MAX_MAP_ENTRIES
            + " entries in one map; the payload is refused");
      }
      if (!p.currentToken().isNumeric()) {
        throw wrongType(p, "a number");
      }
      numbers.put(ref, p.getText());
    }
    StringBuilder text = new StringBuilder();
    numbers.forEach((ref, number) -> text.append(text.isEmpty() ? "" : " ").append(ref).append('=').append(number));
    return text.toString();
  }
}
