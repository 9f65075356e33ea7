package io.github.alertrouter.spi.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Webhook bodies as Jackson trees: a platform builds its body (its own JSON shape) and writes it
 * here, so every platform serializes the same way and its byte budget counts JSON escaping
 * exactly. Stateless and thread-safe.
 */
public final class JsonBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** A new, empty JSON object to build a body in. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code body} as compact JSON text. A tree of strings, numbers and booleans always serializes. */
  public static String write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
