package io.github.alertrouter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.http.Response;
import io.github.alertrouter.alertmanager.webhook.PayloadException;
import io.github.alertrouter.alertmanager.webhook.WebhookAlert;
import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP endpoint of {@code alert-router serve}, dispatched by path:
 *
 * <ul>
 *   <li>{@code POST /api/v1/alertmanager}: an Alertmanager webhook payload; {@code POST
 *       /api/v1/alerts}: a JSON array of alerts (Alertmanager API v2 shape). 200 {@code
 *       {"status":"ok","alerts":N}}; 400 {@code {"error":…,"pointer":…}} for a malformed body.
 *   <li>{@code POST /dingtalk/<target>/send} (prometheus-webhook-dingtalk's URL): an Alertmanager
 *       payload whose alerts all carry the label {@code __target__=<target>}; answered as
 *       {@code /api/v1/alertmanager} is, behind the same token. A target that is no label value
 *       (over {@value TargetPath#MAX_LENGTH} characters, a control character, not UTF-8) is 400.
 *   <li>{@code GET /api/v1/status}: policies, robots (never their webhooks), on-call now.
 *   <li>{@code POST /-/reload}: re-reads the config; 400 with the problems when it is refused.
 *   <li>{@code GET /healthz}, {@code /-/healthy}: 200 {@code ok}, never behind the token (liveness);
 *       {@code GET /-/ready}: 200 while alerts can be accepted, 503 while the state store cannot
 *       be reached (readiness).
 *   <li>Any request the state store fails answers 503 with {@code Retry-After}: nothing of it
 *       was accepted.
 *   <li>{@code GET /metrics}: Prometheus metrics ({@link ServeMetrics}), not behind the token
 *       either, like Alertmanager's: counts and robot ids, no alert content and no secret.
 *   <li>{@code /actions/…}, {@code /bind/…}: the router's action handler when it has one.
 * </ul>
 *
 * With a bearer token, the API endpoints and reload answer 401 without it. Bodies over the cap
 * answer 413 as soon as that is known, without being read further.
 *
 * <p>Thread-safe: holds no request state.
 */
final class ServeApi implements HttpHandler {
  static final String JSON_TYPE = "application/json";
  private static final String COUNT_RESPONSE = "alert-router.countResponse";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ServeApi.class);
  private static final WebhookCodec CODEC = WebhookCodec.create();

  private final ReceiverServer server;
  private final int maxBodyBytes;
  private final byte[] token;

  ServeApi(ReceiverServer server, int maxBodyBytes, Secret token) {
    this.server = server;
    this.maxBodyBytes = maxBodyBytes;
    this.token = token == null ? null : ("Bearer " + token.reveal()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      // counted as the answer goes out, not after: a client may read /metrics before this thread ends
      exchange.setAttribute(COUNT_RESPONSE, (java.util.function.IntConsumer) code -> server.metrics().response(path, code));
      try {
        if (path.equals("/healthz") || path.equals("/-/healthy")) {
          if (allow(exchange, method, "GET")) {
            send(exchange, 200, "text/plain; charset=utf-8", "ok\n");
          }
        } else if (path.equals("/-/ready")) {
          if (allow(exchange, method, "GET")) {
            ready(exchange);
          }
        } else if (path.equals("/metrics")) {
          if (allow(exchange, method, "GET")) {
            send(exchange, 200, PrometheusText.CONTENT_TYPE, scrape());
          }
        } else if (path.startsWith("/actions/") || path.startsWith("/bind/")) {
          actions(exchange, method, path);
        } else if (path.startsWith("/api/") || path.equals("/-/reload")) {
          if (authorized(exchange)) {
            api(exchange, method, path);
          }
        } else if (path.startsWith("/dingtalk/")) {
          if (authorized(exchange)) {
            target(exchange, method);
          }
        } else {
          notFound(exchange);
        }
      } catch (StoreException e) {
        // not accepted: the sender keeps the alerts and sends them again (Alertmanager retries a 5xx)
        LOG.warn("{} {}: answered 503, the state store failed: {}", method, path, e.getMessage());
        exchange.getResponseHeaders().set("Retry-After", "5");
        error(exchange, 503, "the state store is unavailable; nothing of this request was accepted, send it again", null);
      } catch (RuntimeException e) {
        // no details: an exception may quote a request body; the path alone is safe to name
        error(exchange, 500, "internal error handling " + method + " " + path, null);
      }
    }
  }

  /**
   * Readiness: whether alerts can be accepted now, which the state store decides
   * ({@code AlertStore.probe}, which {@code stats()} calls); in memory, always.
   */
  private void ready(HttpExchange exchange) throws IOException {
    try {
      server.router().stats();
    } catch (StoreException e) {
      LOG.warn("not ready: {}", e.getMessage());
      send(exchange, 503, "text/plain; charset=utf-8", "not ready: the state store cannot be reached\n");
      return;
    }
    send(exchange, 200, "text/plain; charset=utf-8", "ready\n");
  }

  /** The metrics; while the state store cannot be read, without what it counts (and saying so). */
  private String scrape() {
    AlertRouter router = server.router();
    try {
      return server.metrics().scrape(router.stats(), router.lanes(), server.clock().instant(), router.active());
    } catch (StoreException e) {
      return server.metrics().scrape(null, List.of(), server.clock().instant(), router.active());
    }
  }

  private void api(HttpExchange exchange, String method, String path) throws IOException {
    switch (path) {
      case "/api/v1/alertmanager" -> {
        if (allow(exchange, method, "POST")) {
          ingest(exchange, body -> {
            WebhookPayload payload = CODEC.parse(body);
            // firing alerts without an end stay firing until Alertmanager resolves them
            submit(payload.alerts().size(), router -> router.submitAlertmanager(payload), exchange);
          });
        }
      }
      case "/api/v1/alerts" -> {
        if (allow(exchange, method, "POST")) {
          ingest(exchange, body -> {
            List<Alert> alerts = new ArrayList<>();
            for (WebhookAlert alert : CODEC.parseAlertList(body)) {
              alerts.add(alert.alert());
            }
            submit(alerts.size(), router -> router.submit(alerts), exchange);
          });
        }
      }
      case "/api/v1/status" -> {
        if (allow(exchange, method, "GET")) {
          send(exchange, 200, JSON_TYPE, ServeStatus.of(server.current(), server.clock().instant()));
        }
      }
      case "/-/reload" -> {
        if (allow(exchange, method, "POST")) {
          reload(exchange);
        }
      }
      default -> notFound(exchange);
    }
  }

  /** {@code POST /dingtalk/<target>/send}: the Alertmanager endpoint, each alert labelled with the target. */
  private void target(HttpExchange exchange, String method) throws IOException {
    String target = TargetPath.target(exchange.getRequestURI());
    if (target == null) {
      notFound(exchange);
      return;
    }
    if (!allow(exchange, method, "POST")) {
      return;
    }
    String problem = TargetPath.problem(target);
    if (problem != null) {
      error(exchange, 400, problem, null);
      return;
    }
    ingest(exchange, body -> {
      WebhookPayload payload = CODEC.parse(body).withLabel(TargetPath.LABEL, target);
      submit(payload.alerts().size(), router -> router.submitAlertmanager(payload), exchange);
    });
  }

  /**
   * Reads the body under the cap, then parses and submits it, answering 400 for a malformed one.
   * A body declared as something other than JSON is refused (415) before it is read: Alertmanager
   * and JSON clients send {@code application/json}; a missing Content-Type is accepted (curl -d).
   */
  private void ingest(HttpExchange exchange, Consumer<byte[]> parseAndSubmit) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && !isJson(type)) {
      error(exchange, 415, "Content-Type must be application/json, but was \"" + type + "\"", null);
      return;
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      tooLarge(exchange);
      return;
    }
    try {
      parseAndSubmit.accept(body);
    } catch (PayloadException e) {
      error(exchange, 400, e.detail(), e.pointer());
    }
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return media.equals("application/json") || media.endsWith("+json")
        || media.equals("application/x-www-form-urlencoded"); // curl -d without -H sends this
  }

  /**
   * Submits {@code count} alerts to the running router (a reload in progress is waited for, so
   * they go to the router that holds the state) and answers with the count.
   */
  private void submit(int count, Consumer<AlertRouter> submit, HttpExchange exchange) {
    server.submit(submit);
    server.metrics().alertsReceived(ServeMetrics.endpoint(exchange.getRequestURI().getPath()), count);
    ObjectNode ok = JSON.createObjectNode().put("status", "ok").put("alerts", count);
    try {
      send(exchange, 200, JSON_TYPE, JSON.writeValueAsString(ok) + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void reload(HttpExchange exchange) throws IOException {
    try {
      ReceiverServer.Running next = server.reload();
      ObjectNode ok = JSON.createObjectNode().put("status", "reloaded")
          .put("policies", next.config().notificationPolicies().size())
          .put("robots", next.config().robots().size());
      send(exchange, 200, JSON_TYPE, JSON.writeValueAsString(ok) + "\n");
    } catch (ConfigException e) {
      ObjectNode refused = JSON.createObjectNode().put("error", "config refused; the running config is kept");
      ArrayNode problems = refused.putArray("problems");
      for (ConfigProblem problem : e.problems()) {
        problems.addObject().put("path", problem.path()).put("message", problem.message());
      }
      send(exchange, 400, JSON_TYPE, JSON.writeValueAsString(refused) + "\n");
    }
  }

  private void actions(HttpExchange exchange, String method, String path) throws IOException {
    Optional<ActionHandler> handler = server.router().actionHandler();
    if (handler.isEmpty()) {
      notFound(exchange);
      return;
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      tooLarge(exchange);
      return;
    }
    // the headers carry Accept-Language, which chooses the pages' language
    Response response = handler.get().handle(method, path, query(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(), body);
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    send(exchange, response.status(), response.contentType(), response.body());
  }

  private boolean authorized(HttpExchange exchange) throws IOException {
    if (token == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    // constant-time: the comparison must not tell how much of a guess was right
    if (given != null && MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"alert-router\"");
    error(exchange, 401, given == null ? "missing bearer token" : "wrong bearer token", null);
    return false;
  }

  /** The body, or {@code null} when it is over the cap (declared or read). */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        // the server refuses a bad Content-Length itself; the capped read below stays safe
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private void tooLarge(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Connection", "close"); // the unread rest must not be parsed as a request
    error(exchange, 413, "request body over " + maxBodyBytes + " bytes", null);
  }

  private static boolean allow(HttpExchange exchange, String method, String allowed) throws IOException {
    if (method.equals(allowed) || (allowed.equals("GET") && method.equals("HEAD"))) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", allowed);
    error(exchange, 405, "method " + method + " not allowed; use " + allowed, null);
    return false;
  }

  static void notFound(HttpExchange exchange) throws IOException {
    error(exchange, 404, "not found: " + exchange.getRequestURI().getPath(), null);
  }

  private static void error(HttpExchange exchange, int status, String message, String pointer) throws IOException {
    ObjectNode node = JSON.createObjectNode().put("error", message);
    if (pointer != null) {
      node.put("pointer", pointer);
    }
    send(exchange, status, JSON_TYPE, JSON.writeValueAsString(node) + "\n");
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (exchange.getAttribute(COUNT_RESPONSE) instanceof java.util.function.IntConsumer count) {
      count.accept(status);
    }
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (!name.isEmpty()) {
          q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      } catch (IllegalArgumentException e) {
        // a broken %-escape: skip the pair
      }
    }
    return q;
  }
}
