package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and idle clients must not take {@code serve} off the air: many connections that send part
 * of a request and then nothing leave /healthz and the webhook answering promptly, and the server
 * closes them once the read deadline has passed.
 */
class ServeSlowClientsTest {
  private static final String CONFIG = """
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=t0k3n" }
      notificationPolicies:
        - { name: everything, notifyRule: { robots: [sre-ding] }, repeatInterval: 4h }
      """;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T10:00:00Z"), ZoneOffset.UTC);
  private static final int SLOW_CLIENTS = 64;
  /** How long a good request may take while the slow clients hang on. */
  private static final Duration PROMPT = Duration.ofSeconds(2);

  @TempDir
  Path dir;
  private ReceiverServer server;
  private final List<Socket> sockets = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Deadlines short enough for a test, long enough for a loaded machine to read a real request. */
  private static final Duration DEADLINE = Duration.ofMillis(500);
  /** How late after its deadline the server may close a slow connection (alarm and scheduling slack). */
  private static final Duration SLACK = Duration.ofMillis(1500);

  private void start(HttpLimits limits) throws Exception {
    Path config = dir.resolve("alert-router.yaml");
    Files.writeString(config, CONFIG);
    server = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), limits, CLOCK);
  }

  private void start() throws Exception {
    start(new HttpLimits(DEADLINE, DEADLINE, HttpLimits.DEFAULT_THREADS, HttpLimits.DEFAULT_QUEUE));
  }

  /** Waits (bounded) until the server holds {@code n} requests: the slow clients have each taken a thread. */
  private void awaitInFlight(int n) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.requestsInFlight() < n && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(server.requestsInFlight()).as("requests the server is reading").isGreaterThanOrEqualTo(n);
  }

  /** How long the server took to close {@code socket}, counted from {@code since}; fails if it did not within {@code bound}. */
  private static Duration closedBy(Socket socket, long since, Duration bound) throws IOException {
    socket.setSoTimeout((int) bound.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // an error answer is fine too: what matters is that the connection ends
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a slow connection open for more than " + bound, e);
    } catch (SocketException reset) {
      // closed with unread input: a reset is a close as well
    }
    return Duration.ofNanos(System.nanoTime() - since);
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  /** Opens a connection, sends {@code text} and nothing more. */
  private Socket slowClient(String text) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    sockets.add(socket);
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private HttpResponse<String> healthz() throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/healthz")).timeout(PROMPT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webhook() throws Exception {
    byte[] body = Files.readAllBytes(Path.of("src/test/resources/webhook-v4.json"));
    return http.send(HttpRequest.newBuilder(uri("/api/v1/alertmanager")).timeout(PROMPT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  void partialHeadersOnManyConnectionsDoNotStopIntakeAndAreClosedAtTheirDeadline() throws Exception {
    start();
    assertThat(healthz().statusCode()).isEqualTo(200); // warm: the numbers below are the slow clients' doing
    long sent = System.nanoTime();
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      slowClient("POST /api/v1/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-");
    }
    awaitInFlight(SLOW_CLIENTS); // each holds a thread now: the old server then had none left for anyone

    long asked = System.nanoTime();
    assertThat(healthz().statusCode()).isEqualTo(200);
    long healthz = millis(asked);
    asked = System.nanoTime();
    HttpResponse<String> webhook = webhook();
    long intake = millis(asked);
    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

    Duration slowest = Duration.ZERO;
    for (Socket socket : sockets) {
      Duration closed = closedBy(socket, sent, DEADLINE.plus(SLACK));
      slowest = closed.compareTo(slowest) > 0 ? closed : slowest;
    }
    System.out.printf("%d slow clients: healthz %d ms, webhook %d ms, all closed %d ms after sending (deadline %d ms)%n",
        SLOW_CLIENTS, healthz, intake, slowest.toMillis(), DEADLINE.toMillis());
    assertThat(slowest).isGreaterThanOrEqualTo(DEADLINE.minusMillis(50)); // not cut before their time
    assertThat(metrics()).contains("alert_router_http_read_timeouts_total{phase=\"headers\"} " + SLOW_CLIENTS);
    // the threads that were interrupted serve again, and no interrupt is left over for a later request
    for (int i = 0; i < 20; i++) {
      assertThat(healthz().statusCode()).isEqualTo(200);
      assertThat(webhook().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBodyThatStopsHalfwayIsCutOffAtTheBodyDeadline() throws Exception {
    start();
    long sent = System.nanoTime();
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      slowClient("POST /api/v1/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"version\":\"4\",");
    }
    awaitInFlight(SLOW_CLIENTS);

    assertThat(healthz().statusCode()).isEqualTo(200);
    assertThat(webhook().statusCode()).isEqualTo(200);
    for (Socket socket : sockets) {
      closedBy(socket, sent, DEADLINE.plus(SLACK));
    }
    assertThat(metrics()).contains("alert_router_http_read_timeouts_total{phase=\"body\"} " + SLOW_CLIENTS);
  }

  @Test
  void aRequestThatTricklesInWithinItsDeadlineIsAnswered() throws Exception {
    start();
    Socket socket = slowClient("GET /healthz HTTP/1.1\r\n");
    Thread.sleep(DEADLINE.toMillis() / 5);
    socket.getOutputStream().write("Host: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    socket.setSoTimeout((int) PROMPT.toMillis());

    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

    assertThat(answer).startsWith("HTTP/1.1 200").endsWith("ok\n");
  }

  @Test
  void withEveryThreadBusyAndTheQueueFullAConnectionIsClosedAtOnceNotRunByTheDispatcher() throws Exception {
    start(new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, 1));
    for (int i = 0; i < 3; i++) { // two threads and the one queue place
      slowClient("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }
    awaitInFlight(3);

    long sent = System.nanoTime();
    Socket refused = slowClient("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    Duration closed = closedBy(refused, sent, Duration.ofSeconds(1)); // well before the 2 s deadline

    sockets.remove(refused);
    System.out.printf("refused a request with every thread busy in %d ms%n", closed.toMillis());
    // the dispatcher kept accepting: once the slow ones are cut off, the server answers again
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.requestsInFlight() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(healthz().statusCode()).isEqualTo(200);
    assertThat(metrics()).contains("alert_router_http_requests_refused_total 1");
  }

  private String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/metrics")).timeout(PROMPT).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
