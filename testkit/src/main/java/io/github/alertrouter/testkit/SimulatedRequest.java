package io.github.alertrouter.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request to a {@link SimulatorServer}, as its hooks see it. Immutable; built by the server.
 *
 * @param contentType the Content-Type header, or {@code null}
 * @param query the query parameters, decoded once; the first of repeated names wins
 * @param bytes the body as sent; must not be modified
 * @param body the body decoded as UTF-8, as rejections record it
 */
public record SimulatedRequest(String method, String path, String contentType, Map<String, String> query, byte[] bytes, String body) {
  /** The body parsed as a JSON object, or {@code null} when it is malformed or not an object. */
  public JsonNode jsonObject() {
    try {
      JsonNode json = SimulatorServer.JSON.readTree(bytes);
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The request with its query decoded and its body as UTF-8 text. */
  static SimulatedRequest of(String method, String path, String contentType, String rawQuery, byte[] bytes) {
    return new SimulatedRequest(method, path, contentType, query(rawQuery), bytes, new String(bytes, StandardCharsets.UTF_8));
  }

  /** Query parameters decoded once, as a server does: a double-encoded sign stays encoded. */
  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        params.putIfAbsent(name, value); // a broken %-escape: kept raw, so it will not match
      }
    }
    return params;
  }
}
