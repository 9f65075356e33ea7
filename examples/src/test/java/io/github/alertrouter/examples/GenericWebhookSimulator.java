package io.github.alertrouter.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RejectedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The receiving end of {@link GenericWebhookProvider}, for tests: a JDK {@link HttpServer} on a
 * random port of {@code 127.0.0.1} serving {@code POST /hooks/{token}}.
 *
 * <p><b>What to copy</b> for your own platform's simulator: implementing {@link PlatformSimulator}
 * directly (the testkit's {@code SimulatorServer}, which the three platforms' simulators extend,
 * has hooks shaped by those platforms) — a robot registry by token, records of
 * received and rejected messages, a queue of {@link Fault}s answered before normal handling, and a
 * {@link ReceivedMessage} whose {@code mentions} follow the platform's documented rule. Here that
 * rule is: only the document's {@code mentions} array notifies ({@code "handle:NAME"} per handle,
 * {@code "all"} for {@code "@all"}); nothing in the title or text does.
 *
 * <p>Checks: unknown token 404; bad JSON or a missing field 400; over {@link
 * GenericWebhookProvider#MAX_BYTES} 413; signed robots need a signature over a timestamp within 5
 * minutes of the simulator's clock (401); keyword robots need a keyword in title or text (400).
 * Faults: {@link Fault.HttpStatus} and {@link Fault.RawAnswer} as given, {@link Fault.Throttled}
 * 429 with {@code Retry-After: 1}, {@link Fault.Busy} 503, {@link Fault.ErrorCode} 400 with the
 * code, {@link Fault.Delay} sleeps then handles the request normally. Thread-safe.
 */
public final class GenericWebhookSimulator implements PlatformSimulator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "/hooks/";
  private static final Duration SIGNATURE_WINDOW = Duration.ofMinutes(5);

  private record SimRobot(String id, String secret, List<String> keywords) {}

  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, SimRobot> byToken = new HashMap<>();
  private final Set<String> ids = new LinkedHashSet<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<ReceivedMessage> received = new ArrayList<>();
  private final List<RejectedMessage> rejected = new ArrayList<>();

  private GenericWebhookSimulator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook simulator", e);
    }
    executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "webhook-simulator");
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** A started simulator whose signature window follows {@code clock}. */
  public static GenericWebhookSimulator start(Clock clock) {
    GenericWebhookSimulator simulator = new GenericWebhookSimulator(clock);
    simulator.server.start();
    return simulator;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public synchronized Robot robot(String id, String secret, String... keywords) {
    Objects.requireNonNull(id, "id");
    if (!ids.add(id)) {
      throw new IllegalArgumentException("robot " + id + " is already registered");
    }
    String token = HexFormat.of().formatHex(randomBytes());
    byToken.put(token, new SimRobot(id, secret, List.of(keywords)));
    return new Robot(id, GenericWebhookProvider.ID, Secret.of(baseUrl() + PREFIX + token),
        secret == null ? null : Secret.of(secret), keywords.length == 0 ? null : keywords[0]);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  @Override
  public synchronized List<ReceivedMessage> received() {
    return List.copyOf(received);
  }

  @Override
  public synchronized List<ReceivedMessage> received(String robotId) {
    return received.stream().filter(m -> m.robotId().equals(robotId)).toList();
  }

  @Override
  public synchronized List<RejectedMessage> rejected() {
    return List.copyOf(rejected);
  }

  @Override
  public synchronized void failNext(int n, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    for (int i = 0; i < n; i++) {
      faults.add(fault);
    }
  }

  @Override
  public synchronized void clear() {
    received.clear();
    rejected.clear();
    faults.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- the request pipeline ----

  private record Answer(int status, String body, Map<String, String> headers) {
    Answer(int status, String body) {
      this(status, body, Map.of());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String body = new String(raw, StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      Answer answer;
      if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
        answer = new Answer(404, "not found");
      } else {
        String token = path.substring(PREFIX.length());
        Fault fault;
        synchronized (this) {
          fault = faults.poll();
        }
        if (fault instanceof Fault.Delay delay) {
          sleep(delay.delay());
          fault = null;
        }
        answer = fault != null ? faultAnswer(fault, token, body) : check(token, exchange, raw, body);
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private synchronized Answer faultAnswer(Fault fault, String token, String body) {
    SimRobot robot = byToken.get(token);
    Answer answer;
    if (fault instanceof Fault.HttpStatus s) {
      answer = new Answer(s.status(), s.body());
    } else if (fault instanceof Fault.RawAnswer r) {
      answer = new Answer(r.status(), r.body());
    } else if (fault instanceof Fault.Throttled) {
      answer = new Answer(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", "1"));
    } else if (fault instanceof Fault.Busy) {
      answer = new Answer(503, "{\"error\":\"busy\"}");
    } else if (fault instanceof Fault.ErrorCode c) {
      answer = new Answer(400, "{\"error\":" + c.code() + ",\"message\":" + quote(c.message()) + "}");
    } else {
      throw new IllegalStateException("unexpected fault " + fault);
    }
    rejected.add(new RejectedMessage(robot == null ? null : robot.id(), "HTTP " + answer.status(), answer.body(), body));
    return answer;
  }

  private synchronized Answer check(String token, HttpExchange exchange, byte[] raw, String body) {
    SimRobot robot = byToken.get(token);
    if (robot == null) {
      return reject(null, 404, "unknown hook", body);
    }
    if (raw.length > GenericWebhookProvider.MAX_BYTES) {
      return reject(robot, 413, "body over " + GenericWebhookProvider.MAX_BYTES + " bytes", body);
    }
    if (robot.secret() != null) {
      String timestamp = exchange.getRequestHeaders().getFirst(GenericWebhookProvider.TIMESTAMP_HEADER);
      String signature = exchange.getRequestHeaders().getFirst(GenericWebhookProvider.SIGNATURE_HEADER);
      if (timestamp == null || signature == null) {
        return reject(robot, 401, "signature missing", body);
      }
      long millis;
      try {
        millis = Long.parseLong(timestamp);
      } catch (NumberFormatException e) {
        return reject(robot, 401, "bad timestamp", body);
      }
      if (Math.abs(millis - clock.millis()) > SIGNATURE_WINDOW.toMillis()) {
        return reject(robot, 401, "timestamp outside the window", body);
      }
      String expected = "sha256=" + GenericWebhookProvider.sign(robot.secret(), timestamp, body);
      if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
        return reject(robot, 401, "signature mismatch", body);
      }
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(body);
    } catch (IOException e) {
      return reject(robot, 400, "not JSON", body);
    }
    if (doc == null || !doc.path("title").isTextual() || !doc.path("text").isTextual()
        || !doc.path("alerts").isArray() || !doc.path("mentions").isArray()) {
      return reject(robot, 400, "title, text, alerts and mentions are required", body);
    }
    String text = doc.get("title").asText() + "\n" + doc.get("text").asText();
    if (!robot.keywords().isEmpty() && robot.keywords().stream().noneMatch(text::contains)) {
      return reject(robot, 400, "keyword missing", body);
    }
    Set<String> mentions = new LinkedHashSet<>();
    for (JsonNode m : doc.get("mentions")) {
      if (!m.isTextual() || m.asText().isBlank()) {
        return reject(robot, 400, "mentions must be non-empty strings", body);
      }
      mentions.add(GenericWebhookProvider.ALL.equals(m.asText()) ? "all" : "handle:" + m.asText());
    }
    received.add(new ReceivedMessage(robot.id(), GenericWebhookProvider.ID, doc, text, mentions, Set.of()));
    return new Answer(200, "{\"ok\":true}");
  }

  private Answer reject(SimRobot robot, int status, String message, String body) {
    String answer = "{\"error\":" + quote(message) + "}";
    rejected.add(new RejectedMessage(robot == null ? null : robot.id(), "HTTP " + status, message, body));
    return new Answer(status, answer);
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
