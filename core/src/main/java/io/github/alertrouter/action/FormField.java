package io.github.alertrouter.action;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one field of an urlencoded form body; {@code ""} when absent or broken. Stateless. */
final class FormField {
  private static final int MAX_LENGTH = 64;

  private FormField() {}

  public static String parse(byte[] body, String name) {
    String form = new String(body, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
          return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return "";
  }
}
