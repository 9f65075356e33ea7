package io.github.alertrouter.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads YAML or JSON text into a tree whose scalars are all text, exactly as written. Jackson's
 * own tree would turn {@code userId: 0123} into {@code 83} (a YAML 1.1 octal), {@code yes} into
 * {@code true} and {@code 1.50} into {@code 1.5} before a binder could see that the field wants a
 * string; {@link Node} converts text to numbers and booleans only where a field asks for one.
 * Duplicate keys are syntax errors. Thread-safe: the factories are immutable once built.
 */
public final class TreeReader {
  private static final JsonFactory YAML = YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeReader() {}

  /**
   * The document's tree; {@link MissingNode} for an empty document.
   *
   * @throws IOException on a syntax error, with the parser's location
   */
  public static JsonNode read(String text, boolean json) throws IOException {
    try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? MissingNode.getInstance() : value(parser, token);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(parser.getText());
      }
    }
  }
}
