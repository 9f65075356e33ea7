package io.github.alertrouter.alertmanager.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.alertrouter.internal.text.LabelNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reading single JSON values off a {@link JsonParser} positioned at them, with errors that carry
 * the value's JSON pointer. Stateless.
 */
final class JsonValues {
  private JsonValues() {}

  static void expectObject(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(p, "an object");
    }
  }

  static String requiredString(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(p, "a string");
    }
    return p.getText();
  }

  /** A string, or {@code absent} for JSON null (Go leaves a string untouched on null). */
  static String optionalString(JsonParser p, String absent) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? absent : requiredString(p);
  }

  /**
   * Most entries in one labels/annotations map. A byte limit alone lets a body of tiny entries
   * (16 MiB of {@code "a1":""}) become millions of map entries, over ten times its size in heap;
   * real alerts carry tens of labels.
   */
  static final int MAX_MAP_ENTRIES = 1_000;

  /**
   * A labels or annotations object: string values, names as Alertmanager accepts them
   * ({@link LabelNames}); null is an empty map, as Go writes a nil map as null. A value of the
   * wrong type is reported before a bad name, as Go's decoder fails before Alertmanager validates.
   *
   * @param kind {@code "label"} or {@code "annotation"}, for the message
   */
  static SortedMap<String, String> stringMap(JsonParser p, String kind) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Collections.emptySortedMap();
    }
    expectObject(p);
    TreeMap<String, String> map = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (map.size() == MAX_MAP_ENTRIES) {
        throw new PayloadException(pointer(p), "more than " + MAX_MAP_ENTRIES
            + " entries in one map; the payload is refused");
      }
      if (name.isEmpty()) {
        throw new PayloadException(pointer(p), "a name must not be empty");
      }
      String value = requiredString(p);
      if (!LabelNames.isValid(name)) {
        throw new PayloadException(pointer(p), LabelNames.refusal(kind, quote(name)));
      }
      map.put(name, value);
    }
    return map;
  }

  static void requirePresent(Object value, String pointer) {
    if (value == null) {
      throw new PayloadException(pointer, "required member is missing");
    }
  }

  static PayloadException wrongType(JsonParser p, String expected) {
    return new PayloadException(pointer(p), "expected " + expected + ", but was " + describe(p));
  }

  /** The pointer of the current token (for START_OBJECT/ARRAY: of that object or array). */
  static String pointer(JsonParser p) {
    return p.getParsingContext().pathAsPointer().toString();
  }

  /** Quotes a value for a message, cut short so a huge value cannot flood a log. */
  static String quote(String value) {
    final int max = 80;
    StringBuilder b = new StringBuilder(Math.min(value.length(), max) + 8).append('"');
    for (int i = 0; i < value.length() && i < max; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (value.length() > max) {
      b.append("… (").append(value.length()).append(" chars)");
    }
    return b.toString();
  }

  private static String describe(JsonParser p) throws RuntimeException {
    JsonToken t = p.currentToken();
    try {
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "the string " + quote(p.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> t.asString();
        case VALUE_NULL -> "null";
        default -> String.valueOf(t);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
