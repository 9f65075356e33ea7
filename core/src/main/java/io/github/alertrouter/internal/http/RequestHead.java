package io.github.alertrouter.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request line and headers of one POST, checked before anything is sent: a header that would
 * break the framing (a CR or LF in a value, a name that is not a token, one of the headers this
 * client writes itself) is refused with {@link IllegalArgumentException}, as the JDK's client does.
 * Immutable.
 */
final class RequestHead {
  // framing and the connection are this client's: a caller's value would contradict what it does
  private static final Set<String> OURS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "expect", "upgrade", "te", "trailer", "keep-alive");

  private final URI uri;
  private final Origin origin;
  private final Map<String, String> headers;
  private final int length;

  RequestHead(URI uri, Origin origin, Map<String, String> headers, int length) {
    headers.forEach(RequestHead::check);
    this.uri = uri;
    this.origin = origin;
    this.headers = headers;
    this.length = length;
  }

  /**
   * The bytes to write before the body.
   *
   * @param absoluteForm whether the request goes to a proxy in plain HTTP, which needs the whole URL
   */
  byte[] encode(boolean absoluteForm) {
    StringBuilder s = new StringBuilder(256).append("POST ");
    if (absoluteForm) {
      s.append("http://").append(origin.authority());
    }
    String path = uri.getRawPath();
    s.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      s.append('?').append(uri.getRawQuery());
    }
    s.append(" HTTP/1.1\r\nHost: ").append(origin.authority()).append("\r\nContent-Length: ").append(length);
    boolean agent = false;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      s.append("\r\n").append(h.getKey()).append(": ").append(h.getValue());
      agent |= h.getKey().equalsIgnoreCase("User-Agent");
    }
    if (!agent) {
      s.append("\r\nUser-Agent: alert-router");
    }
    return s.append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void check(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(RequestHead::tokenChar)) {
      throw new IllegalArgumentException("invalid header name \"" + name + "\"");
    }
    if (OURS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("restricted header name \"" + name + "\": the transport writes it");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        // the value is not echoed: a signature or a token may be in it
        throw new IllegalArgumentException("invalid character at " + i + " in the value of header \"" + name + "\"");
      }
    }
  }

  private static boolean tokenChar(int c) {
    return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
