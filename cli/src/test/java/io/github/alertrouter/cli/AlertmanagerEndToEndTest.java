package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
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
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String ROBOT = "sre-ding";

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private ReceiverServer receiver;
  private RealAlertmanager alertmanager;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopEverything() throws Exception {
    StopAll.stop(alertmanager, receiver, simulator);
  }

  @Test
  void alertsPostedToAlertmanagerReachTheChatFiringThenResolved() throws Exception {
    Path config = simulatorAndConfig();
    receiver = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), Clock.systemUTC());
    startAlertmanager("http://127.0.0.1:" + receiver.port() + "/api/v1/alertmanager");

    // startsAt now, not in the past: Alertmanager (and the router, like it) flushes a new group at
    // once when its first alert started more than group_wait ago, which would split the two alerts
    Instant startsAt = Instant.now();
    postAlerts(startsAt, null);

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

    postAlerts(startsAt, Instant.now().minusSeconds(1));

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
    Path config = simulatorAndConfig();
    int port = RealAlertmanager.freePort();
    ReceiverServer.Settings settings = new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", port),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, dir.resolve("state"));
    receiver = ReceiverServer.start(settings, Clock.systemUTC());
    startAlertmanager("http://127.0.0.1:" + port + "/api/v1/alertmanager");

    Instant startsAt = Instant.now();
    postAlerts(startsAt, null);
    awaitMessage("the firing message", m -> m.text().contains("FIRING:2"));

    receiver.close(); // a deploy: the state is saved
    receiver = ReceiverServer.start(settings, Clock.systemUTC());
    postAlerts(startsAt, Instant.now().minusSeconds(1));

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
    Path config = simulatorAndConfig();
    Duration bound = Duration.ofSeconds(15);
    receiver = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, null, false,
        new ReceiverServer.Timeouts(Duration.ofSeconds(2), bound)), Clock.systemUTC());
    startAlertmanager("http://127.0.0.1:" + receiver.port() + "/api/v1/alertmanager");

    postAlerts(Instant.now(), null);
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

  /** Starts Alertmanager sending its webhook to {@code receiverUrl}. */
  private void startAlertmanager(String receiverUrl) throws Exception {
    alertmanager = RealAlertmanager.start(dir, resource("alertmanager.yml").replace("RECEIVER_URL", receiverUrl));
  }

  private void postAlerts(Instant startsAt, Instant endsAt) throws Exception {
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
    alertmanager.postAlerts(JSON.writeValueAsString(alerts));
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
    return alertmanager == null ? "" : alertmanager.log();
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
