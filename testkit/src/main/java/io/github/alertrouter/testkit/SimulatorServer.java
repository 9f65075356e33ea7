package io.github.alertrouter.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * What every platform simulator does the same way, so that a simulator's own class holds only its
 * platform's documented behaviour: a JDK {@link HttpServer} on a random port of {@code 127.0.0.1};
 * the robot registry (by id and by token); the records of received and rejected messages and the
 * queue of injected faults, with the {@link PlatformSimulator} methods over them; and the request
 * pipeline.
 *
 * <p>The pipeline, for each request: read the body; answer 404 (plain text) when {@link
 * #isWebhookPath} says no; take the next queued fault; for a {@link Fault.Delay}, sleep and then
 * carry on as if there were no fault; answer {@link Fault.HttpStatus} and {@link Fault.RawAnswer}
 * as given, {@link Fault.ErrorCode} through {@link #errorAnswer}, {@link Fault.Busy} and {@link
 * Fault.Throttled} through {@link #busy} and {@link #throttled}; without a fault, {@link #check}
 * the request. An exception from any hook is answered HTTP 500 with its stack trace.
 *
 * <p>The hooks, one per thing the platforms do differently: where the webhook lives ({@link
 * #isWebhookPath}), where a request carries the robot's token ({@link #token}), which security
 * settings a robot may have ({@link #checkSecurity}), what a token and a webhook look like ({@link
 * #newToken}, {@link #webhook}), the rate-limit and penalty rules ({@link #newRateLimiter}), the
 * platform's checks ({@link #check}) and its answer shapes ({@link #errorAnswer}, {@link #busy},
 * {@link #throttled}). A subclass's static {@code start(Clock)} constructs it and passes it to
 * {@link #listening}.
 *
 * <p>Public, with protected hooks, because each simulator lives beside its platform (in the
 * DingTalk, Lark and WeCom modules' test fixtures). The hooks are shaped by those three platforms
 * and may change when a fourth shows which of them are general; a third party's simulator can
 * implement {@link PlatformSimulator} directly instead.
 *
 * <p>Thread-safe: all state, a subclass's included, is guarded by the simulator's monitor, which
 * {@link #check} and the fault hooks hold when called. Requests run on a cached pool of daemon
 * threads and a delay sleeps without the lock, so a {@link Fault.Delay} holds up no other request.
 */
public abstract class SimulatorServer implements PlatformSimulator {
  /** Shared by the simulators for parsing requests and writing answers; thread-safe once built. */
  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The simulator's time: signature windows and rate limits follow it, never the wall clock. */
  protected final Clock clock;
  private final String platformId;
  private final String charsetParameter;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, SimulatedRobot> robotsByToken = new HashMap<>();
  private final Map<String, SimulatedRobot> robotsById = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<ReceivedMessage> received = new ArrayList<>();
  private final List<RejectedMessage> rejected = new ArrayList<>();

  /**
   * Binds the server without starting it, so that no request reaches a half-constructed subclass.
   *
   * @param platformId the platform id of the robots it registers, also its threads' name prefix
   * @param platformName the platform's name in messages ({@code "DingTalk"})
   * @param charsetParameter how the platform writes the charset after an answer's media type
   *     ({@code ";charset=utf-8"}); kept per platform because a client may compare the header
   * @throws UncheckedIOException when no port can be bound
   */
  protected SimulatorServer(String platformId, String platformName, String charsetParameter, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.platformId = platformId;
    this.charsetParameter = charsetParameter;
    // without TCP_NODELAY each small answer waits ~40 ms for a delayed ACK; the JDK server reads
    // this once, so it only helps when no HttpServer was created earlier in this (test) JVM
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + platformName + " simulator", e);
    }
    executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, platformId + "-simulator");
      thread.setDaemon(true);
      return thread;
    });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts answering requests; for a subclass's {@code start(Clock)}, once it is constructed. */
  protected static <S extends SimulatorServer> S listening(S simulator) {
    ((SimulatorServer) simulator).server.start();
    return simulator;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The robot's platform is this simulator's and its token random (see each simulator's class
   * comment for the security settings its platform allows).
   */
  @Override
  public final synchronized Robot robot(String id, String secret, String... keywords) {
    Objects.requireNonNull(id, "id");
    if (robotsById.containsKey(id)) {
      throw new IllegalArgumentException("robot " + id + " is already registered");
    }
    checkSecurity(secret, keywords);
    String token = newToken();
    SimulatedRobot state = new SimulatedRobot(id, secret, List.of(keywords), newRateLimiter());
    robotsByToken.put(token, state);
    robotsById.put(id, state);
    return new Robot(id, platformId, Secret.of(webhook(token)),
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

  // ---- hooks ----

  /** Whether {@code path} is the platform's webhook; other paths are answered 404. */
  protected abstract boolean isWebhookPath(String path);

  /** The robot token the request carries, or {@code null}; used to name the robot a fault hit. */
  protected abstract String token(SimulatedRequest request);

  /** Throws {@link IllegalArgumentException} when the platform's robots cannot have this secret or these keywords. */
  protected abstract void checkSecurity(String secret, String... keywords);

  /** A new random robot token in the platform's format. */
  protected abstract String newToken();

  /** The webhook URL of the robot with {@code token}. */
  protected abstract String webhook(String token);

  /** A new robot's rate limit, with the platform's rules. */
  protected abstract RateLimiter newRateLimiter();

  /**
   * The platform's answer to a request with no fault pending: {@link #refuse} at the first check
   * it fails, {@link #receive} and the success answer when it passes. Runs under the lock.
   *
   * @param token {@link #token}'s result for the request
   */
  protected abstract Answer check(SimulatedRequest request, String token);

  /** The platform's answer shape for an error {@code code} and {@code message}. */
  protected abstract Answer errorAnswer(int code, String message);

  /** The platform's "system busy", recorded as a rejection. Runs under the lock. */
  protected abstract Answer busy(String robotId, String body);

  /** The platform's rate-limit refusal, recorded as a rejection; no penalty. Runs under the lock. */
  protected abstract Answer throttled(String robotId, String body);

  // ---- for the hooks ----

  /** The robot registered with {@code token}, or {@code null}. */
  protected final synchronized SimulatedRobot robotByToken(String token) {
    return token == null ? null : robotsByToken.get(token);
  }

  /** The robot registered as {@code id}, or {@code null}. */
  protected final synchronized SimulatedRobot robotById(String id) {
    return robotsById.get(id);
  }

  /** Records a refusal and answers it in the platform's error shape. */
  protected final synchronized Answer refuse(String robotId, int code, String message, String body) {
    reject(new RejectedMessage(robotId, Integer.toString(code), message, body));
    return errorAnswer(code, message);
  }

  /** Records a refusal answered in some other way. */
  protected final synchronized void reject(RejectedMessage message) {
    rejected.add(message);
  }

  /** Records an accepted message. */
  protected final synchronized void receive(ReceivedMessage message) {
    received.add(message);
  }

  /** {@code bytes} random bytes in lower-case hex. */
  protected static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** An answer with {@code fields} as its JSON body. */
  protected static Answer json(int status, Map<String, ?> fields) {
    try {
      return new Answer(status, JSON.writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the pipeline ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        serve(exchange);
      } catch (RuntimeException e) {
        // a simulator bug must reach the test as an answer, not as a silently dropped connection
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        respond(exchange, new Answer(500, "simulator bug: " + trace));
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    String path = exchange.getRequestURI().getPath();
    if (!isWebhookPath(path)) {
      respond(exchange, new Answer(404, "no such path"));
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
    SimulatedRequest request = SimulatedRequest.of(exchange.getRequestMethod(), path,
        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestURI().getRawQuery(), bytes);
    String token = token(request);
    respond(exchange, fault != null ? answer(fault, token, request.body()) : checkLocked(request, token));
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private synchronized Answer checkLocked(SimulatedRequest request, String token) {
    return check(request, token);
  }

  private synchronized Answer answer(Fault fault, String token, String body) {
    SimulatedRobot robot = robotByToken(token);
    String robotId = robot == null ? null : robot.id();
    if (fault instanceof Fault.HttpStatus s) {
      reject(new RejectedMessage(robotId, "HTTP " + s.status(), s.body(), body));
      return new Answer(s.status(), s.body());
    }
    if (fault instanceof Fault.RawAnswer r) {
      reject(new RejectedMessage(robotId, "raw HTTP " + r.status(), r.body(), body));
      return new Answer(r.status(), r.body());
    }
    if (fault instanceof Fault.Busy) {
      return busy(robotId, body);
    }
    if (fault instanceof Fault.Throttled) {
      return throttled(robotId, body);
    }
    Fault.ErrorCode e = (Fault.ErrorCode) fault; // a Delay was handled before
    return refuse(robotId, e.code(), e.message(), body);
  }

  private void respond(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        (answer.body().startsWith("{") ? "application/json" : "text/plain") + charsetParameter);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** An HTTP status and body; the body is sent as JSON when it starts with <code>{</code>, else as plain text. */
  public record Answer(int status, String body) {}
}
