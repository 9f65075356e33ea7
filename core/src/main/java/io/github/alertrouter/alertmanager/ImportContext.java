package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects the problems and warnings of one import, and reads typed values from YAML nodes while
 * recording the path of anything wrong. Not thread-safe: one per import.
 */
final class ImportContext {
  private static final Set<String> YAML_TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> YAML_FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  final List<ConfigProblem> problems = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  void problem(String path, String message) {
    problems.add(new ConfigProblem(path, message));
  }

  void warn(String path, String message) {
    warnings.add(path + ": " + message);
  }

  /** Reports every field of {@code node} that is neither imported nor knowingly skipped. */
  void checkFields(JsonNode node, String path, Set<String> imported, Map<String, String> skipped) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (skipped.containsKey(name)) {
        warn(join(path, name), "not imported: " + skipped.get(name));
      } else if (!imported.contains(name)) {
        problem(join(path, name), "unknown field (Alertmanager 0.25 would refuse this config)");
      }
    }
  }

  /** A string field; {@code null} when absent, {@code ""} for YAML null ({@code ~}), as Go reads it. */
  String text(JsonNode node, String path) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isNull()) {
      return "";
    }
    if (!node.isValueNode()) {
      problem(path, "must be a string, but was a " + kind(node));
      return null;
    }
    return node.asText();
  }

  Boolean bool(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    // Go's YAML 1.1 decoder reads these words as booleans.
    String text = node.isValueNode() ? node.asText() : "";
    if (YAML_TRUE.contains(text)) {
      return true;
    }
    if (YAML_FALSE.contains(text)) {
      return false;
    }
    problem(path, "must be true or false, but was " + node);
    return null;
  }

  Duration duration(JsonNode node, String path) {
    String text = text(node, path);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
      return null;
    }
  }

  /** Reads a list, mapping each element; a bad element is reported and skipped. */
  <T> List<T> list(JsonNode node, String path, Function<Element, T> reader) {
    List<T> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problem(path, "must be a list, but was a " + kind(node));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      T value = reader.apply(new Element(node.get(i), path + "[" + i + "]"));
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  boolean requireMap(JsonNode node, String path) {
    if (node != null && node.isObject()) {
      return true;
    }
    problem(path, "must be a map, but was a " + kind(node));
    return false;
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  static String kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isArray()) {
      return "list";
    }
    if (node.isObject()) {
      return "map";
    }
    return node.isTextual() ? "string" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A list element and its path. */
  record Element(JsonNode node, String path) {}
}
