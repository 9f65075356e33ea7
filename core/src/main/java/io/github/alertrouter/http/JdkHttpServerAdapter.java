package io.github.alertrouter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.alertrouter.action.Html;
import io.github.alertrouter.action.PageText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link ActionHandler} from the JDK's built-in {@code com.sun.net.httpserver} server:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/", new JdkHttpServerAdapter(handler));
 * server.start();
 * }</pre>
 *
 * The handler sees the request path relative to the context, so mounting at {@code /alert-router}
 * serves {@code /alert-router/actions/{token}}. Request bodies over {@code maxBodyBytes} are
 * refused with 413 without being read further.
 *
 * <p>Thread-safe if the handler is; the server may call it from many threads.
 */
public final class JdkHttpServerAdapter implements HttpHandler {
  /** The default body size cap: 64 KiB, far above the confirmation form's few bytes. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(JdkHttpServerAdapter.class);

  private final ActionHandler handler;
  private final int maxBodyBytes;

  /** Serves {@code handler} with the {@link #DEFAULT_MAX_BODY_BYTES} cap. */
  public JdkHttpServerAdapter(ActionHandler handler) {
    this(handler, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Serves {@code handler}, refusing bodies over {@code maxBodyBytes} with 413.
   *
   * @throws IllegalArgumentException if {@code maxBodyBytes} is negative
   */
  public JdkHttpServerAdapter(ActionHandler handler, int maxBodyBytes) {
    this.handler = Objects.requireNonNull(handler, "handler");
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 0, but was " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
      PageText text = PageText.of(query, exchange.getRequestHeaders());
      try {
        byte[] body = readBody(exchange);
        response = body == null
            ? new Response(413, Response.HTML, Html.message(text, text.tooLargeTitle(), text.tooLargeText()))
            : handler.handle(exchange.getRequestMethod(), relativePath(exchange), query, exchange.getRequestHeaders(), body);
      } catch (RuntimeException e) {
        // the request URI holds the token, so it is not logged
        log.warn("action request failed", e);
        response = new Response(500, Response.HTML, Html.message(text, text.errorTitle(), text.errorText()));
      }
      write(exchange, response);
    }
  }

  /** The body, or {@code null} if it is larger than the cap. */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        // the server rejects a bad Content-Length itself; reading with the cap below stays safe
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static String relativePath(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String context = exchange.getHttpContext().getPath();
    if (context.endsWith("/")) {
      context = context.substring(0, context.length() - 1);
    }
    return path.startsWith(context) ? path.substring(context.length()) : path;
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        // a broken %-escape: skip the pair, as if it were absent
      }
    }
    return q;
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (response.status() == 413) {
      exchange.getResponseHeaders().set("Connection", "close"); // the unread body must not be parsed as a request
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
