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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Lark (Feishu) custom-bot webhook service on {@code 127.0.0.1} (platforms.md §2), for tests:
 * {@code POST /open-apis/bot/v2/hook/{token}}, answered with {@code {"code":…,"msg":…}} like the
 * real one (success also carries the legacy {@code StatusCode}/{@code StatusMessage}).
 *
 * <p>Checks, in this order (the first failing one answers, HTTP 200 unless said):
 * <ol>
 *   <li>not POST → 9499 "Bad Request" (HTTP 400); unknown token → 19001 "param invalid: incoming
 *       webhook access token invalid";
 *   <li>body over {@value #MAX_BODY_BYTES} UTF-8 bytes → 19036 "The message exceeds the size
 *       limit" (<b>simulator's choice</b>: what the real service answers for a body over 20 KB
 *       is unverified; 19036 is its only documented size code, and the body limit binds first);
 *   <li>malformed JSON or not an object → 9499 "Bad Request" (HTTP 400);
 *   <li>signed robot: {@code timestamp} missing, not seconds, more than one hour from the clock
 *       (inclusive window), or {@code sign} not §4's → 19021 "sign match fail or timestamp is not
 *       within one hour from current time";
 *   <li>{@code msg_type} missing or unknown → 19002 "param invalid: msg_type"; a type's shape
 *       wrong (text {@code content.text}; post {@code content.post.zh_cn|en_us.content} of
 *       known elements; interactive {@code card}) → 9499 "fail to parse content" (HTTP 400);
 *   <li>keyword robot whose keywords are in none of the text/title values (never hrefs) →
 *       19024 "Key Words Not Found";
 *   <li>{@link #forbidAtAll} robot and the message @s everyone → 9499 "Bad Request" (HTTP 400)
 *       (<b>simulator's choice</b>: Lark documents that such a card "fails" but not the answer);
 *   <li>rate limit → 11232 "frequency limited": a bot that had 5 messages accepted in the last
 *       second, or 100 in the last 60 seconds (sliding windows {@code (now - w, now]} on the
 *       injected clock). <b>Refused requests do not count</b> (Lark's counting is undocumented;
 *       this keeps the @all fallback's second request from being charged twice); no penalty.
 * </ol>
 *
 * <p><b>Mentions</b> recorded per accepted message (see {@link ReceivedMessage#mentions()}):
 * card {@code <at id=…></at>} or {@code <at ids=…>} in {@code lark_md}/{@code markdown} contents;
 * text {@code <at user_id="…">}; post {@code at} elements. Ids starting {@code ou_} are
 * {@code openId:}, others {@code userId:}, and {@code all} is {@code "all"}. Entity-escaped tags
 * are text. The text is every title and text value, with card entities decoded.
 *
 * <p>Faults: {@link Fault.Throttled} answers 11232; {@link Fault.Busy} HTTP 503 (Lark has no
 * documented "busy" code); {@link Fault.ErrorCode} that code and message (9499 with HTTP 400, as
 * observed for "too many request"). Thread-safe.
 */
public final class LarkSimulator implements PlatformSimulator {
  public static final int MAX_BODY_BYTES = 20000;
  public static final int PER_SECOND = 5;
  public static final int PER_MINUTE = 100;
  public static final Duration SIGNATURE_WINDOW = Duration.ofHours(1);
  private static final String PREFIX = "/open-apis/bot/v2/hook/";
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

  private LarkSimulator(Clock clock, HttpServer server, ExecutorService executor) {
    this.clock = clock;
    this.server = server;
    this.executor = executor;
  }

  /** Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}. */
  public static LarkSimulator start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true"); // no delayed-ACK wait per answer
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lark-simulator");
        thread.setDaemon(true);
        return thread;
      });
      LarkSimulator simulator = new LarkSimulator(clock, server, executor);
      server.createContext("/", simulator::handle);
      server.setExecutor(executor);
      server.start();
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Lark simulator", e);
    }
  }

  /** Lark's 9499 "too many request" (HTTP 400), as a fault. */
  public static Fault tooManyRequests() {
    return Fault.errorCode(9499, "too many request");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@inheritDoc} The robot's platform is {@code lark} and its token random. */
  @Override
  public synchronized Robot robot(String id, String secret, String... keywords) {
    Objects.requireNonNull(id, "id");
    if (robotsById.containsKey(id)) {
      throw new IllegalArgumentException("robot " + id + " is already registered");
    }
    if (keywords.length > 10) {
      throw new IllegalArgumentException("Lark allows up to 10 keywords, but " + keywords.length + " were given");
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    RobotState state = new RobotState(id, secret, List.of(keywords));
    robotsByToken.put(token, state);
    robotsById.put(id, state);
    return new Robot(id, "lark", Secret.of(baseUrl() + PREFIX + token),
        secret == null ? null : Secret.of(secret), keywords.length == 0 ? null : keywords[0]);
  }

  /** Makes {@code robotId}'s group refuse every message that @s everyone (the owner disabled @all). */
  public synchronized void forbidAtAll(String robotId) {
    RobotState state = robotsById.get(robotId);
    if (state == null) {
      throw new IllegalArgumentException("no robot " + robotId);
    }
    state.forbidAtAll = true;
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
    String path = exchange.getRequestURI().getPath();
    if (!path.startsWith(PREFIX)) {
      respond(exchange, 404, "no such path");
      return;
    }
    String token = path.substring(PREFIX.length());
    Fault fault = nextFault();
    if (fault instanceof Fault.Delay delay) {
      try {
        Thread.sleep(delay.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      fault = null;
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Answer answer = fault != null ? faultAnswer(fault, token, body) : check(exchange.getRequestMethod(), token, bytes, body);
    respond(exchange, answer.status(), answer.body());
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private synchronized Answer faultAnswer(Fault fault, String token, String body) {
    RobotState robot = robotsByToken.get(token);
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
      rejected.add(new RejectedMessage(robotId, "HTTP 503", "simulated busy", body));
      return new Answer(503, "service unavailable");
    }
    if (fault instanceof Fault.Throttled) {
      return refuse(robotId, 11232, "frequency limited", body);
    }
    Fault.ErrorCode e = (Fault.ErrorCode) fault;
    return refuse(robotId, e.code(), e.message(), body);
  }

  private synchronized Answer check(String method, String token, byte[] bytes, String body) {
    if (!"POST".equals(method)) {
      return refuse(null, 9499, "Bad Request", body);
    }
    RobotState robot = robotsByToken.get(token);
    if (robot == null) {
      return refuse(null, 19001, "param invalid: incoming webhook access token invalid", body);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      return refuse(robot.id, 19036, "The message exceeds the size limit", body);
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      return refuse(robot.id, 9499, "Bad Request", body);
    }
    if (robot.secret != null && !LarkRequests.signatureOk(robot.secret, json, clock.instant().getEpochSecond())) {
      return refuse(robot.id, 19021, "sign match fail or timestamp is not within one hour from current time", body);
    }
    String type = json.path("msg_type").asText("");
    if (!LarkMessages.TYPES.contains(type)) {
      return refuse(robot.id, 19002, "param invalid: msg_type", body);
    }
    if (LarkMessages.shapeProblem(type, json) != null) {
      return refuse(robot.id, 9499, "fail to parse content", body);
    }
    String text = LarkMessages.visibleText(type, json);
    if (!robot.keywords.isEmpty() && robot.keywords.stream().noneMatch(text::contains)) {
      return refuse(robot.id, 19024, "Key Words Not Found", body);
    }
    if (robot.forbidAtAll && LarkMessages.mentionsAll(type, json)) {
      return refuse(robot.id, 9499, "Bad Request", body);
    }
    if (!robot.admit(clock.instant())) {
      return refuse(robot.id, 11232, "frequency limited", body);
    }
    received.add(new ReceivedMessage(robot.id, type, json, text, LarkMessages.mentions(type, json), java.util.Set.of()));
    return new Answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
  }

  private Answer refuse(String robotId, int code, String msg, String body) {
    rejected.add(new RejectedMessage(robotId, Integer.toString(code), msg, body));
    try {
      return new Answer(code == 9499 ? 400 : 200,
          JSON.writeValueAsString(Map.of("code", code, "msg", msg, "data", Map.of())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body) {}

  /** One registered bot and its rate-limit state; guarded by the simulator's lock. */
  private static final class RobotState {
    final String id;
    final String secret;
    final List<String> keywords;
    final Deque<Instant> accepted = new ArrayDeque<>();
    boolean forbidAtAll;

    RobotState(String id, String secret, List<String> keywords) {
      this.id = id;
      this.secret = secret;
      this.keywords = keywords;
    }

    /** Counts a message at {@code now} when both windows have room. */
    boolean admit(Instant now) {
      Instant minuteStart = now.minusSeconds(60);
      while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(minuteStart)) {
        accepted.removeFirst();
      }
      Instant secondStart = now.minusSeconds(1);
      long lastSecond = accepted.stream().filter(t -> t.isAfter(secondStart)).count();
      if (lastSecond >= PER_SECOND || accepted.size() >= PER_MINUTE) {
        return false;
      }
      accepted.addLast(now);
      return true;
    }
  }
}
