package io.github.alertrouter.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A DingTalk custom-robot webhook service on {@code 127.0.0.1} (platforms.md §1), for tests:
 * {@code POST /robot/send?access_token=T[&timestamp=..&sign=..]}, answered with HTTP 200 and
 * {@code {"errcode":…,"errmsg":…}} like the real one.
 *
 * <p>Checks, in this order (the first failing one answers): non-POST → 43002; Content-Type not
 * {@code application/json} (a charset other than UTF-8 included) → 43004; no {@code access_token}
 * → 40035; unknown token → 300005 "token is not exist"; signed robot: {@code timestamp} missing,
 * not a number or more than one hour from the simulator's clock → 310000 "invalid timestamp",
 * {@code sign} not the HMAC-SHA256 of the §4 procedure → 310000 "sign not match"; body over
 * 20000 UTF-8 bytes → 460101 "message too long, exceed 20000 bytes"; unknown or missing
 * {@code msgtype} → 400105; keyword robot whose keywords are in none of the visible text → 310000
 * "keywords not in content"; rate limit (below) → 410100.
 *
 * <p><b>The simulator's own choices</b>, where DingTalk's behaviour is undocumented: malformed
 * JSON, a body that is not an object, a type's missing field (text needs {@code text.content};
 * markdown {@code markdown.title} and {@code text}; actionCard {@code title}, {@code text} and
 * {@code singleTitle}+{@code singleURL} or non-empty {@code btns} of {@code title}+{@code
 * actionURL}; link {@code title}, {@code text}, {@code messageUrl}; feedCard non-empty
 * {@code links} of {@code title}+{@code messageURL}) and a malformed {@code at} object are all
 * answered 40035 with an errmsg starting {@code "simulator: "}. The keyword is looked for only in
 * the visible text (see {@link ReceivedMessage#text()}), not in a markdown title, because which
 * fields DingTalk scans is unverified: a renderer that passes here passes there. A robot may have
 * no security setting at all (DingTalk mandates one), so tests about other things need none; the
 * timestamp window is inclusive (exactly one hour off is accepted).
 *
 * <p><b>Rate limit</b>: a robot that already had 20 messages accepted in the last 60 seconds
 * ({@code (now - 60 s, now]}) has the next one refused with 410100 "send too fast, exceed 20 times
 * per minute" and stays throttled for 10 minutes, refusing everything with 410100; refused
 * messages do not count. All on the injected clock.
 *
 * <p><b>Mentions</b> (recorded per accepted message): for text and markdown an {@code atMobiles}
 * / {@code atUserIds} entry fires only when {@code @value} also appears in the visible text;
 * {@code isAtAll} fires {@code "all"}; an {@code @token} with no matching entry fires nothing.
 * actionCard, link and feedCard fire nothing; actionCard {@code @userId} tokens are recorded as
 * {@link ReceivedMessage#unverifiedMentions()}.
 *
 * <p>Thread-safe. Requests are handled on a small pool so a {@link Fault.Delay} does not hold up
 * others.
 */
public final class DingTalkSimulator implements PlatformSimulator {
  /** DingTalk's whole-body limit in UTF-8 bytes. */
  public static final int MAX_BODY_BYTES = 20000;
  /** Messages a robot may send per {@link #RATE_WINDOW}. */
  public static final int RATE_LIMIT = 20;
  /** The rate limit's sliding window. */
  public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
  /** How long a robot that went over the limit stays throttled. */
  public static final Duration PENALTY = Duration.ofMinutes(10);
  /** How far a signature's timestamp may be from the simulator's clock. */
  public static final Duration SIGNATURE_WINDOW = Duration.ofHours(1);

  private static final String PATH = "/robot/send";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, RobotState> robotsByToken = new HashMap<>();
  private final Map<String, RobotState> robotsById = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<ReceivedMessage> received = new ArrayList<>();
  private final List<RejectedMessage> rejected = new ArrayList<>();

  private DingTalkSimulator(Clock clock, HttpServer server, ExecutorService executor) {
    this.clock = clock;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static DingTalkSimulator start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    // without TCP_NODELAY each small answer waits ~40 ms for a delayed ACK; the JDK server reads
    // this once, so it only helps when no HttpServer was created earlier in this (test) JVM
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dingtalk-simulator");
        thread.setDaemon(true);
        return thread;
      });
      DingTalkSimulator simulator = new DingTalkSimulator(clock, server, executor);
      server.createContext("/", simulator::handle);
      server.setExecutor(executor);
      server.start();
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the DingTalk simulator", e);
    }
  }

  /** The anti-abuse gateway's answer {@code {"status":1111,"wait":N,"punish":"deny"}} (§1.6), as a fault. */
  public static Fault antiAbuse(int waitSeconds) {
    return Fault.rawAnswer(200,
        "{\"status\":1111,\"wait\":" + waitSeconds + ",\"punish\":\"deny\",\"msg\":\"simulated anti-abuse\"}");
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The robot's platform is {@code dingtalk} and its token is random. Any mix of secret and
   * keywords is allowed, none included (see the class comment).
   */
  @Override
  public synchronized Robot robot(String id, String secret, String... keywords) {
    Objects.requireNonNull(id, "id");
    if (robotsById.containsKey(id)) {
      throw new IllegalArgumentException("robot " + id + " is already registered");
    }
    if (keywords.length > 10) {
      throw new IllegalArgumentException("DingTalk allows up to 10 keywords, but " + keywords.length + " were given");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    RobotState state = new RobotState(id, token, secret, List.of(keywords));
    robotsByToken.put(token, state);
    robotsById.put(id, state);
    return new Robot(id, "dingtalk", Secret.of(baseUrl() + PATH + "?access_token=" + token),
        secret == null ? null : Secret.of(secret), keywords.length == 0 ? null : keywords[0]);
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
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, but was " + n);
    }
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

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        handleChecked(exchange);
      } catch (RuntimeException e) {
        // a simulator bug must reach the test as an answer, not as a silently dropped connection
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        respond(exchange, 500, "simulator bug: " + trace);
      }
    }
  }

  private void handleChecked(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    if (!PATH.equals(exchange.getRequestURI().getPath())) {
      respond(exchange, 404, "no such path");
      return;
    }
    Fault fault = nextFault();
    if (fault instanceof Fault.Delay delay) {
      try {
        Thread.sleep(delay.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // closing
      }
      fault = null;
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Answer answer = fault != null
        ? faultAnswer(fault, exchange, body)
        : check(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestURI().getRawQuery(), bytes, body);
    respond(exchange, answer.status(), answer.body());
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private synchronized Answer faultAnswer(Fault fault, HttpExchange exchange, String body) {
    RobotState robot = robotsByToken.get(DingTalkRequests.query(exchange.getRequestURI().getRawQuery()).get("access_token"));
    String robotId = robot == null ? null : robot.id;
    if (fault instanceof Fault.HttpStatus s) {
      rejected.add(new RejectedMessage(robotId, "HTTP " + s.status(), s.body(), body));
      return new Answer(s.status(), s.body());
    }
    if (fault instanceof Fault.RawAnswer r) {
      rejected.add(new RejectedMessage(robotId, "raw HTTP " + r.status(), r.body(), body));
      return new Answer(r.status(), r.body());
    }
    if (fault instanceof Fault.Busy) {
      return refuse(robotId, -1, "系统繁忙", body);
    }
    if (fault instanceof Fault.Throttled) {
      return refuse(robotId, 410100, "send too fast, exceed 20 times per minute", body);
    }
    Fault.ErrorCode e = (Fault.ErrorCode) fault; // Delay is handled before
    return refuse(robotId, e.code(), e.message(), body);
  }

  private synchronized Answer check(String method, String contentType, String rawQuery, byte[] bytes, String body) {
    if (!"POST".equals(method)) {
      return refuse(null, 43002, "需要POST请求", body);
    }
    if (!DingTalkRequests.isJsonUtf8(contentType)) {
      return refuse(null, 43004, "无效的HTTP HEADER Content-Type", body);
    }
    Map<String, String> query = DingTalkRequests.query(rawQuery);
    String token = query.get("access_token");
    if (token == null || token.isEmpty()) {
      return refuse(null, 40035, "缺少参数 access_token", body);
    }
    RobotState robot = robotsByToken.get(token);
    if (robot == null) {
      return refuse(null, 300005, "token is not exist", body);
    }
    if (robot.secret != null) {
      String problem = DingTalkRequests.signatureProblem(robot.secret, query.get("timestamp"), query.get("sign"), clock.millis());
      if (problem != null) {
        return refuse(robot.id, 310000, problem, body);
      }
    }
    if (bytes.length > MAX_BODY_BYTES) {
      return refuse(robot.id, 460101, "message too long, exceed 20000 bytes", body);
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      return refuse(robot.id, 40035, "simulator: malformed JSON", body);
    }
    if (json == null || !json.isObject()) {
      return refuse(robot.id, 40035, "simulator: the body must be a JSON object", body);
    }
    JsonNode msgtype = json.get("msgtype");
    if (msgtype == null || !msgtype.isTextual() || !DingTalkMessages.TYPES.contains(msgtype.asText())) {
      return refuse(robot.id, 400105, "unsupported msgtype", body);
    }
    String type = msgtype.asText();
    String shape = DingTalkMessages.shapeProblem(type, json);
    if (shape == null) {
      shape = DingTalkMessages.atProblem(json);
    }
    if (shape != null) {
      return refuse(robot.id, 40035, "simulator: " + shape, body);
    }
    String text = DingTalkMessages.visibleText(type, json);
    if (!robot.keywords.isEmpty() && robot.keywords.stream().noneMatch(text::contains)) {
      return refuse(robot.id, 310000, "keywords not in content", body);
    }
    if (!robot.admit(clock.instant())) {
      return refuse(robot.id, 410100, "send too fast, exceed 20 times per minute", body);
    }
    received.add(new ReceivedMessage(robot.id, type, json, text,
        DingTalkMessages.mentions(type, json, text), DingTalkMessages.unverifiedMentions(type, text)));
    return answer(0, "ok");
  }

  private Answer refuse(String robotId, int errcode, String errmsg, String body) {
    rejected.add(new RejectedMessage(robotId, Integer.toString(errcode), errmsg, body));
    return answer(errcode, errmsg);
  }

  private static Answer answer(int errcode, String errmsg) {
    try {
      return new Answer(200, JSON.writeValueAsString(Map.of("errcode", errcode, "errmsg", errmsg)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        body.startsWith("{") ? "application/json;charset=utf-8" : "text/plain;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body) {}

  /** One registered robot and its rate-limit state; guarded by the simulator's lock. */
  private static final class RobotState {
    final String id;
    final String token;
    final String secret;
    final List<String> keywords;
    final Deque<Instant> accepted = new ArrayDeque<>();
    Instant throttledUntil = Instant.MIN;

    RobotState(String id, String token, String secret, List<String> keywords) {
      this.id = id;
      this.token = token;
      this.secret = secret;
      this.keywords = keywords;
    }

    /** Counts a message at {@code now} if the robot may send it; starts the penalty if not. */
    boolean admit(Instant now) {
      if (now.isBefore(throttledUntil)) {
        return false;
      }
      Instant windowStart = now.minus(RATE_WINDOW);
      while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
        accepted.removeFirst();
      }
      if (accepted.size() >= RATE_LIMIT) {
        throttledUntil = now.plus(PENALTY);
        return false;
      }
      accepted.addLast(now);
      return true;
    }
  }
}
