package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Alertmanager (Debian's {@code prometheus-alertmanager}, 0.25 in CI) sends its webhook to
 * the receiver ({@link ReceiverServer}), which routes into a simulated DingTalk robot: alerts posted
 * to Alertmanager's v2 API come out as one grouped firing message with the planned mentions, then
 * as a resolved one.
 *
 * <p>With groupWait no longer than Alertmanager's group_wait (as here, and as in most deployments
 * behind Alertmanager) every batch arrives "late" and the router flushes it at once — after the
 * whole webhook is in, so its alerts make one notice (this test first caught them split in two).
 *
 * <p>Skipped when the binary is missing, unless {@code ALERT_ROUTER_REQUIRE_AMTOOL=1} (set by
 * .ci/run), which makes its absence a failure, as in {@link AmtoolDifferentialTest}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlertmanagerEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String ROBOT = "sre-ding";

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private ReceiverServer receiver;
  private Process alertmanager;
  private Path alertmanagerLog;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopEverything() throws InterruptedException {
    try {
      if (alertmanager != null) {
        alertmanager.destroy();
        if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
          alertmanager.destroyForcibly();
          alertmanager.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } finally {
      try {
        if (receiver != null) {
          receiver.close();
        }
      } finally {
        if (simulator != null) {
          simulator.close();
        }
      }
    }
  }

  @Test
  void alertsPostedToAlertmanagerReachTheChatFiringThenResolved() throws Exception {
    String binary = findAlertmanager();
    Path config = simulatorAndConfig();
    receiver = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), Clock.systemUTC());
    String amUrl = startAlertmanager(binary, "http://127.0.0.1:" + receiver.port() + "/api/v1/alertmanager");

    // startsAt now, not in the past: Alertmanager (and the router, like it) flushes a new group at
    // once when its first alert started more than group_wait ago, which would split the two alerts
    Instant startsAt = Instant.now();
    postAlerts(amUrl, startsAt, null);

    // Alertmanager sends both alerts in one webhook about group_wait (1s) after startsAt, which is
    // already a router groupWait late, so the router flushes the group at once, with both alerts
    ReceivedMessage firing = awaitMessage("the firing message", m -> m.text().contains("FIRING"));
    assertThat(firing.text()).contains("FIRING:2");
    assertThat(firing.text()).contains("E2EDiskFull", "db-1", "db-2", "disk almost full on db-1",
        "disk almost full on db-2", "owner=bob").doesNotContain("RESOLVED");
    // contact:alice by mobile (atMobiles), label:owner=bob by his DingTalk userId (atUserIds)
    Set<String> planned = Set.of("mobile:13800000001", "userId:0456");
    assertThat(firing.mentions()).isEqualTo(planned);
    List<ReceivedMessage> firingNotices = simulator.received(ROBOT);
    assertThat(firingNotices).hasSize(1);

    postAlerts(amUrl, startsAt, Instant.now().minusSeconds(1));

    List<ReceivedMessage> all = awaitResolution();
    assertThat(all).hasSizeBetween(firingNotices.size() + 1, firingNotices.size() + 2);
    assertThat(simulator.rejected()).isEmpty();

    // what an operator's Prometheus would scrape: every message counted for the robot
    String sent = "alert_router_messages_sent_total{robot=\"" + ROBOT + "\",platform=\"dingtalk\"} " + all.size();
    String metrics = awaitMetrics(sent);
    assertThat(metrics.lines()).contains(sent);
    assertThat(metrics).contains("alert_router_alerts_received_total{endpoint=\"/api/v1/alertmanager\"}")
        .doesNotContain("messages_failed_total{");
  }

  /**
   * serve restarts between the firing and the resolved webhook: with --storage.path the restarted
   * router knows the group was announced, so the resolved notice still reaches the chat (a router
   * starting empty would drop a resolution it never saw fire) and nothing fires twice.
   */
  @Test
  void aRestartWithAStoragePathStillSendsTheResolvedNotice() throws Exception {
    String binary = findAlertmanager();
    Path config = simulatorAndConfig();
    int port = freePort();
    ReceiverServer.Settings settings = new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", port),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, dir.resolve("state"));
    receiver = ReceiverServer.start(settings, Clock.systemUTC());
    String amUrl = startAlertmanager(binary, "http://127.0.0.1:" + port + "/api/v1/alertmanager");

    Instant startsAt = Instant.now();
    postAlerts(amUrl, startsAt, null);
    awaitMessage("the firing message", m -> m.text().contains("FIRING:2"));

    receiver.close(); // a deploy: the state is saved
    receiver = ReceiverServer.start(settings, Clock.systemUTC());
    postAlerts(amUrl, startsAt, Instant.now().minusSeconds(1));

    awaitResolution();
    assertThat(simulator.rejected()).isEmpty();
  }

  /**
   * Alertmanager sends a firing alert with endsAt = Go's zero time and, with repeat_interval 1h,
   * nothing more while it fires. The router's resolve timeout (shortened to 2 s here; 5 min by
   * default) must not end it: it once announced every such alert RESOLVED after 5 minutes. Only
   * the separate Alertmanager bound (shortened to 15 s here; 3 days by default) ends one whose
   * resolve never comes.
   */
  @Test
  void anAlertmanagerAlertOutlivesTheResolveTimeoutAndOnlyTheLongBoundEndsIt() throws Exception {
    String binary = findAlertmanager();
    Path config = simulatorAndConfig();
    Duration bound = Duration.ofSeconds(15);
    receiver = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, null, false,
        new ReceiverServer.Timeouts(Duration.ofSeconds(2), bound)), Clock.systemUTC());
    String amUrl = startAlertmanager(binary, "http://127.0.0.1:" + receiver.port() + "/api/v1/alertmanager");

    postAlerts(amUrl, Instant.now(), null);
    awaitMessage("the firing message", m -> m.text().contains("FIRING:2"));
    Instant firedAt = Instant.now();

    Thread.sleep(Duration.ofSeconds(8).toMillis()); // four resolve timeouts, four group intervals
    assertThat(simulator.received(ROBOT)).as("still firing: nothing said resolved").singleElement()
        .satisfies(m -> assertThat(m.text()).contains("FIRING:2"));

    ReceivedMessage resolved = awaitMessage("the bound ends it", m -> m.text().contains("all alerts resolved"));
    assertThat(Duration.between(firedAt, Instant.now())).isGreaterThanOrEqualTo(bound.minusSeconds(3));
    assertThat(resolved.text()).contains("RESOLVED:2");
  }

  /**
   * Waits for the group's "all alerts resolved" notice and checks what came after the firing one.
   * Alertmanager passes the two resolutions on in one webhook or, when its group_interval (2s)
   * falls between them, in two; it drops a resolved alert once notified, as the router does. So
   * the chat gets either RESOLVED:2, or "some alerts resolved" for one and then RESOLVED:1 for the
   * other: either way each alert is reported resolved and nothing is announced firing again.
   *
   * @return every message the robot received
   */
  private List<ReceivedMessage> awaitResolution() throws Exception {
    awaitMessage("the all-resolved message", m -> m.text().contains("all alerts resolved"));
    List<ReceivedMessage> all = simulator.received(ROBOT);
    List<ReceivedMessage> after = all.subList(1, all.size());
    assertThat(all.get(0).text()).contains("FIRING:2");
    assertThat(after).allSatisfy(m -> assertThat(m.text()).contains("RESOLVED").doesNotContain("FIRING:2"));
    assertThat(after.stream().map(ReceivedMessage::text).collect(java.util.stream.Collectors.joining()))
        .contains("E2EDiskFull", "db-1", "db-2");
    assertThat(after.get(after.size() - 1).text()).doesNotContain("FIRING");
    return all;
  }

  /** Starts the DingTalk simulator and writes the router's config pointing at its robot. */
  private Path simulatorAndConfig() throws IOException {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    String webhook = simulator.robot(ROBOT, null).webhook().reveal();
    Path config = dir.resolve("alert-router.yaml");
    Files.writeString(config, resource("alert-router.yaml").replace("WEBHOOK", webhook));
    return config;
  }

  // the delivery listener counts right after the platform answered, a moment after the chat has it
  private String awaitMetrics(String line) throws Exception {
    Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
    String body;
    do {
      body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (body.lines().anyMatch(line::equals)) {
        return body;
      }
      Thread.sleep(POLL.toMillis());
    } while (Instant.now().isBefore(deadline));
    return body;
  }

  private static String findAlertmanager() {
    if (Files.isExecutable(ALERTMANAGER)) {
      return ALERTMANAGER.toString();
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail("prometheus-alertmanager is required (ALERT_ROUTER_REQUIRE_AMTOOL=1) but " + ALERTMANAGER
          + " is missing; install Debian's prometheus-alertmanager");
    }
    assumeTrue(false, "prometheus-alertmanager not installed; .ci/run installs it");
    return null;
  }

  /** Starts Alertmanager on a free port, waits for {@code /-/ready} and returns its base URL. */
  private String startAlertmanager(String binary, String receiverUrl) throws Exception {
    Path amConfig = dir.resolve("alertmanager.yml");
    Files.writeString(amConfig, resource("alertmanager.yml").replace("RECEIVER_URL", receiverUrl));
    Path storage = Files.createDirectories(dir.resolve("am-data"));
    alertmanagerLog = dir.resolve("alertmanager.log");
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(binary, "--config.file=" + amConfig, "--storage.path=" + storage,
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
        .redirectErrorStream(true)
        .redirectOutput(alertmanagerLog.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    alertmanager = builder.start();
    String base = "http://127.0.0.1:" + port;
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!alertmanager.isAlive()) {
        fail("alertmanager exited with " + alertmanager.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return base;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    fail("alertmanager not ready within " + READY_TIMEOUT + ":\n" + log());
    return null;
  }

  private void postAlerts(String amUrl, Instant startsAt, Instant endsAt) throws Exception {
    ArrayNode alerts = JSON.createArrayNode();
    for (String instance : List.of("db-1", "db-2")) {
      ObjectNode alert = alerts.addObject();
      alert.putObject("labels").put("alertname", "E2EDiskFull").put("instance", instance)
          .put("severity", "critical").put("owner", "bob");
      alert.putObject("annotations").put("summary", "disk almost full on " + instance);
      alert.put("startsAt", startsAt.toString());
      if (endsAt != null) {
        alert.put("endsAt", endsAt.toString());
      }
    }
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(amUrl + "/api/v2/alerts"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private ReceivedMessage awaitMessage(String what, Predicate<ReceivedMessage> wanted) throws Exception {
    Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      Optional<ReceivedMessage> found = simulator.received(ROBOT).stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(POLL.toMillis());
    }
    fail("no " + what + " within " + DELIVERY_TIMEOUT + "; received " + simulator.received(ROBOT)
        + ", rejected " + simulator.rejected() + "\nalertmanager log:\n" + log());
    return null;
  }

  private String log() {
    try {
      return alertmanagerLog == null ? "" : Files.readString(alertmanagerLog);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AlertmanagerEndToEndTest.class.getResourceAsStream("/e2e/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /e2e/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
