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
 * A WeCom group-robot webhook service on {@code 127.0.0.1} (platforms.md §3), for tests:
 * {@code POST /cgi-bin/webhook/send?key=KEY}, answered with HTTP 200 and
 * {@code {"errcode":…,"errmsg":…}} like the real one (errors end in WeCom's "more info at
 * https://open.work.weixin.qq.com/devtool/query?e=CODE").
 *
 * <p>Checks, in this order (the first failing one answers): missing or unknown {@code key} → 93000
 * "invalid webhook url"; malformed JSON or a body that is not an object → 40035 "Warning: wrong json
 * format."; missing or unknown {@code msgtype} → 40008 "invalid message type"; text/markdown/
 * markdown_v2 {@code content} missing or empty → 44004 "empty content"; text content over 2048
 * UTF-8 bytes or markdown/markdown_v2 content over 4096 → 40058 "content exceed max length N";
 * rate limit (below) → 45009 "api freq out of limit".
 *
 * <p><b>The simulator's own choices</b>, where WeCom's behaviour is undocumented: the errcode that
 * comes with "wrong json format" (40035, WeCom's "invalid parameter"; clients must branch on the
 * message); 44004 for empty markdown content as for empty text (44004 itself comes from a
 * third-party list); other shape errors (a mention list that is not an array of strings, an image
 * without base64/md5, news with 0 or more than 8 articles, file/voice without media_id, a card
 * without card_type) → 40035 with an errmsg starting {@code "simulator: "}. The method and
 * Content-Type are not checked (WeCom's reaction is unverified). Robots have no secret and no
 * keywords: WeCom has neither.
 *
 * <p><b>Rate limit</b>: a robot that already had 20 messages accepted in the last 60 seconds
 * ({@code (now - 60 s, now]}) has the next one refused with 45009; refused messages do not count
 * (whether WeCom counts them is unverified; one third-party summary says all attempts count) and
 * there is no penalty beyond the window. All on the injected clock.
 *
 * <p><b>Mentions</b> (recorded per accepted message): text → {@code mentioned_list} entries
 * ({@code "userId:…"}), {@code mentioned_mobile_list} entries ({@code "mobile:…"}), {@code "@all"} in
 * either → {@code "all"}, plus {@code <@userid>} tokens in the content; markdown → only
 * {@code <@userid>} tokens (WeCom ignores the lists there); markdown_v2 and the rest → none.
 * {@code <@all>} in text or markdown content is recorded as an {@link
 * ReceivedMessage#unverifiedMentions() unverified} {@code "all"}. The recorded text is the
 * content (news titles, a card's main title).
 *
 * <p>Faults: {@link Fault#busy()} answers -1 "system busy", {@link Fault#throttled()} 45009 (without
 * counting), the others as their records say. Thread-safe. Requests are handled on a small pool
 * so a {@link Fault.Delay} does not hold up others.
 */
public final class WeComSimulator implements PlatformSimulator {
  /** Messages a robot may send per {@link #RATE_WINDOW}. */
  public static final int RATE_LIMIT = 20;
  /** The rate limit's sliding window. */
  public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
  /** The errcode answered with "Warning: wrong json format." (the simulator's choice). */
  public static final int WRONG_JSON_CODE = 40035;

  private static final String PATH = "/cgi-bin/webhook/send";
  private static final String MORE_INFO = ", more info at https://open.work.weixin.qq.com/devtool/query?e=";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, RobotState> robotsByKey = new HashMap<>();
  private final Map<String, RobotState> robotsById = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<ReceivedMessage> received = new ArrayList<>();
  private final List<RejectedMessage> rejected = new ArrayList<>();

  private WeComSimulator(Clock clock, HttpServer server, ExecutorService executor) {
    this.clock = clock;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static WeComSimulator start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    // without TCP_NODELAY each small answer waits ~40 ms for a delayed ACK (see DingTalkSimulator)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wecom-simulator");
        thread.setDaemon(true);
        return thread;
      });
      WeComSimulator simulator = new WeComSimulator(clock, server, executor);
      server.createContext("/", simulator::handle);
      server.setExecutor(executor);
      server.start();
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the WeCom simulator", e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The robot's platform is {@code wecom} and its key a random UUID-shaped string.
   *
   * @throws IllegalArgumentException also for a non-null secret or any keyword: WeCom has neither
   */
  @Override
  public synchronized Robot robot(String id, String secret, String... keywords) {
    Objects.requireNonNull(id, "id");
    if (robotsById.containsKey(id)) {
      throw new IllegalArgumentException("robot " + id + " is already registered");
    }
    if (secret != null) {
      throw new IllegalArgumentException("WeCom robots have no signing secret; pass null");
    }
    if (keywords.length > 0) {
      throw new IllegalArgumentException("WeCom robots have no keywords, but " + keywords.length + " were given");
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String hex = HexFormat.of().formatHex(bytes);
    String key = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
    RobotState state = new RobotState(id);
    robotsByKey.put(key, state);
    robotsById.put(id, state);
    return new Robot(id, "wecom", Secret.of(baseUrl() + PATH + "?key=" + key), null, null);
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
    String key = DingTalkRequests.query(exchange.getRequestURI().getRawQuery()).get("key");
    Answer answer = fault != null ? faultAnswer(fault, key, body) : check(key, bytes, body);
    respond(exchange, answer.status(), answer.body());
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private synchronized Answer faultAnswer(Fault fault, String key, String body) {
    RobotState robot = key == null ? null : robotsByKey.get(key);
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
      return refuse(robotId, -1, "system busy", body);
    }
    if (fault instanceof Fault.Throttled) {
      return refuse(robotId, 45009, "api freq out of limit", body);
    }
    Fault.ErrorCode e = (Fault.ErrorCode) fault; // Delay is handled before
    return refuse(robotId, e.code(), e.message(), body);
  }

  private synchronized Answer check(String key, byte[] bytes, String body) {
    RobotState robot = key == null ? null : robotsByKey.get(key);
    if (robot == null) {
      return refuse(null, 93000, "invalid webhook url", body);
    }
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      return refuse(robot.id, WRONG_JSON_CODE, "Warning: wrong json format.", body);
    }
    JsonNode msgtype = json.get("msgtype");
    if (msgtype == null || !msgtype.isTextual() || !WeComMessages.TYPES.contains(msgtype.asText())) {
      return refuse(robot.id, 40008, "invalid message type", body);
    }
    String type = msgtype.asText();
    String shape = WeComMessages.shapeProblem(type, json);
    if (shape != null) {
      return refuse(robot.id, 40035, "simulator: " + shape, body);
    }
    String content = WeComMessages.content(type, json);
    if (content != null && content.isEmpty()) {
      return refuse(robot.id, 44004, "empty content", body);
    }
    if (content != null && WeComMessages.bytes(content) > WeComMessages.maxBytes(type)) {
      return refuse(robot.id, 40058, "content exceed max length " + WeComMessages.maxBytes(type), body);
    }
    if (!robot.admit(clock.instant())) {
      return refuse(robot.id, 45009, "api freq out of limit", body);
    }
    String text = WeComMessages.visibleText(type, json);
    received.add(new ReceivedMessage(robot.id, type, json, text,
        WeComMessages.mentions(type, json, text), WeComMessages.unverifiedMentions(type, text)));
    return answer(0, "ok");
  }

  private Answer refuse(String robotId, int errcode, String errmsg, String body) {
    rejected.add(new RejectedMessage(robotId, Integer.toString(errcode), errmsg, body));
    return answer(errcode, errmsg + MORE_INFO + errcode);
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
        body.startsWith("{") ? "application/json; charset=UTF-8" : "text/plain; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body) {}

  /** One registered robot and its rate-limit state; guarded by the simulator's lock. */
  private static final class RobotState {
    final String id;
    final Deque<Instant> accepted = new ArrayDeque<>();

    RobotState(String id) {
      this.id = id;
    }

    /** Counts a message at {@code now} if the robot may send it. */
    boolean admit(Instant now) {
      Instant windowStart = now.minus(RATE_WINDOW);
      while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
        accepted.removeFirst();
      }
      if (accepted.size() >= RATE_LIMIT) {
        return false;
      }
      accepted.addLast(now);
      return true;
    }
  }
}
