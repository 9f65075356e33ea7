package io.github.alertrouter.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response from {@link ActionHandler}, for any server to write. {@link #headers()} adds the
 * headers every action response should carry. Immutable and thread-safe; no component is {@code null}.
 *
 * @param status the HTTP status code
 * @param contentType the Content-Type header's value
 * @param body the body text
 */
public record Response(int status, String contentType, String body) {
  /** The content type of every page the handler renders. */
  public static final String HTML = "text/html; charset=utf-8";

  /** @throws IllegalArgumentException if {@code status} is outside 100..599 */
  public Response {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599, but was " + status);
    }
  }

  /**
   * Headers besides Content-Type: never cache (pages are per token), never send the token-bearing
   * URL as a Referer, no scripts or frames, not indexed; {@code Allow} on a 405.
   */
  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Cache-Control", "no-store");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    h.put("X-Robots-Tag", "noindex, nofollow");
    if (status == 405) {
      h.put("Allow", "GET, POST");
    }
    return h;
  }
}
