package io.github.alertrouter.action;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the optional {@code who} field of the confirmation form (urlencoded). The value is
 * unauthenticated text for messages, so it is cleaned: control characters dropped, whitespace
 * trimmed, at most {@link #MAX_LENGTH} code points; absent or empty becomes {@link #DEFAULT}.
 * Stateless and thread-safe.
 */
final class WhoField {
  public static final int MAX_LENGTH = 64;
  public static final String DEFAULT = io.github.alertrouter.notify.Notification.SOMEONE;

  private WhoField() {}

  public static String parse(byte[] body) {
    String form = new String(body, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("who")) {
        try {
          return clean(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return DEFAULT; // a broken %-escape: treat as absent rather than fail the action
        }
      }
    }
    return DEFAULT;
  }

  static String clean(String raw) {
    StringBuilder sb = new StringBuilder();
    raw.codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .limit(MAX_LENGTH)
        .forEach(sb::appendCodePoint);
    String s = sb.toString().strip();
    return s.isEmpty() ? DEFAULT : s;
  }
}
