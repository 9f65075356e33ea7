package io.github.alertrouter.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.internal.text.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A position in the config tree with its path ({@code notificationPolicies[2].notifyRule}), and
 * typed reads that report what is wrong there instead of throwing. Every read returns
 * {@code null} (or an empty list) on a problem, so a binder reads all fields, and then builds its
 * record only if nothing under it went wrong ({@link #build}). An absent key and an explicit
 * {@code null} are the same thing. Not thread-safe; lives only while binding.
 */
final class Node {
  private final BindContext ctx;
  private final String path;
  private final JsonNode json;
  private final boolean secret;

  private Node(BindContext ctx, String path, JsonNode json, boolean secret) {
    this.ctx = ctx;
    this.path = path;
    this.json = json == null || json.isNull() || json.isMissingNode() ? null : json;
    this.secret = secret;
  }

  static Node root(BindContext ctx, JsonNode json) {
    return new Node(ctx, "", json, false);
  }

  String path() {
    return path;
  }

  /** The directory relative file names in the configuration are read from. */
  java.nio.file.Path baseDir() {
    return ctx.baseDir();
  }

  boolean isPresent() {
    return json != null;
  }

  /** Whether this is present and a map (for a field that is either a text or a map). */
  boolean isObjectValue() {
    return json != null && json.isObject();
  }

  /** The same value, but its text is never shown in a problem message. */
  Node asSecret() {
    return new Node(ctx, path, json, true);
  }

  /** The child {@code name}; absent when this is not a map or has no such key. */
  Node field(String name) {
    return new Node(ctx, path.isEmpty() ? name : path + "." + name, json == null ? null : json.get(name), false);
  }

  /** Like {@link #field}, reporting a problem when the key is absent. */
  Node required(String name) {
    Node child = field(name);
    if (!child.isPresent() && json != null) {
      child.problem("is required");
    }
    return child;
  }

  /**
   * Checks that this is a map whose keys are all among {@code fields}; reports a wrong type and
   * each unknown key (with a "did you mean"). Returns false when absent or not a map.
   */
  boolean isMap(String... fields) {
    if (json == null) {
      return false;
    }
    if (!json.isObject()) {
      problem("must be a map, but was " + describe());
      return false;
    }
    List<String> known = Arrays.asList(fields);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = Suggestions.closest(name, known);
        field(name).problem(hint != null
            ? "unknown field, did you mean \"" + hint + "\"?"
            : "unknown field, expected one of " + String.join(", ", known));
      }
    }
    return true;
  }

  /** The entries of a map whose keys are free-form (such as platform ids); empty when absent. */
  Map<String, Node> entries() {
    if (json == null) {
      return Map.of();
    }
    if (!json.isObject()) {
      problem("must be a map, but was " + describe());
      return Map.of();
    }
    Map<String, Node> out = new LinkedHashMap<>();
    json.fieldNames().forEachRemaining(name -> out.put(name, field(name)));
    return out;
  }

  /** A map from free-form keys to strings; {@code null} when absent. */
  Map<String, String> textMap() {
    if (json == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    entries().forEach((key, value) -> {
      String text = value.requiredText();
      if (text != null) {
        out.put(key, text);
      }
    });
    return out;
  }

  /** The elements of a list, each with its indexed path; empty when absent or not a list. */
  List<Node> items() {
    if (json == null) {
      return List.of();
    }
    if (!json.isArray()) {
      problem("must be a list, but was " + describe());
      return List.of();
    }
    List<Node> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      Node item = new Node(ctx, path + "[" + i + "]", json.get(i), false);
      if (item.isPresent()) {
        out.add(item);
      } else {
        item.problem("must not be empty"); // a stray "-" in YAML is a mistake, not "nothing"
      }
    }
    return out;
  }

  /**
   * Binds each element; {@code null} when absent. Elements that fail are left out (their problems
   * are reported), so callers must not build from a list read with problems.
   */
  <T> List<T> list(Function<Node, T> binder) {
    if (json == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (Node item : items()) {
      T value = binder.apply(item);
      if (value != null) {
        out.add(value);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A list of strings; {@code null} when absent. */
  List<String> texts() {
    return list(Node::requiredText);
  }

  /** A list of parsed strings; {@code null} when absent. */
  <T> List<T> texts(Function<String, T> parser) {
    return list(item -> item.requiredAs(parser));
  }

  /** The scalar's text after {@code ${VAR}} substitution; {@code null} when absent or wrong. */
  String text() {
    if (json == null) {
      return null;
    }
    if (!json.isValueNode()) {
      problem("must be a string, but was " + describe());
      return null;
    }
    return ctx.env().apply(json.asText(), this::problem);
  }

  /** Like {@link #text}, reporting a problem when absent. */
  String requiredText() {
    if (json == null) {
      problem("is required");
      return null;
    }
    return text();
  }

  /** The text parsed by {@code parser}, whose {@link IllegalArgumentException} names the bad value. */
  <T> T as(Function<String, T> parser) {
    String text = text();
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      problem(secret ? "is invalid" : e.getMessage());
      return null;
    }
  }

  <T> T requiredAs(Function<String, T> parser) {
    if (json == null) {
      problem("is required");
      return null;
    }
    return as(parser);
  }

  /** {@code true} or {@code false}; {@code null} when absent or anything else. */
  Boolean bool() {
    String text = text();
    if (text == null) {
      return null;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    problem("must be true or false, but was " + describe());
    return null;
  }

  /** A whole number that fits an {@code int}; {@code null} when absent or anything else. */
  Integer integer() {
    String text = text();
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problem("must be a whole number, but was " + describe());
      return null;
    }
  }

  /** A mark to pass to {@link #build} once all fields are read. */
  int mark() {
    return ctx.problemCount();
  }

  /**
   * Builds the record when nothing went wrong since {@code mark}; a record constructor's
   * {@link IllegalArgumentException} becomes a problem at this path. When a field did go wrong,
   * the record is still built if it can be without that field, and marked partial: the config is
   * refused anyway, but the validator can then report the element's other problems (an unknown
   * robot next to a bad duration) in the same run. Returns {@code null} when it cannot be built.
   */
  <T> T build(int mark, Supplier<T> constructor) {
    if (ctx.problemCount() > mark) {
      try {
        T partial = constructor.get();
        ctx.partial(partial);
        return partial;
      } catch (RuntimeException e) {
        return null; // a missing field the record cannot do without; its problem is reported
      }
    }
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return null;
    } catch (NullPointerException e) {
      // the binders check required fields first; this is a safety net, not a path we expect
      problem("missing required value " + e.getMessage());
      return null;
    }
  }

  /** The raw scalar text, without substitution or problems; for naming an element that failed. */
  String peek() {
    return json != null && json.isValueNode() ? json.asText() : null;
  }

  void problem(String message) {
    ctx.problem(path, message);
  }

  BindContext context() {
    return ctx;
  }

  private String describe() {
    if (json.isObject()) {
      return "a map";
    }
    if (json.isArray()) {
      return "a list";
    }
    return secret ? "a value (not shown: it is a secret)" : "\"" + json.asText() + "\"";
  }
}
