package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in front of a DingTalk simulator that fails the way the platform does, on the wall
 * clock (bounded waits): a notice the platform refused is sent again at the group's next tick, and
 * a robot whose webhook hangs holds no other robot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeDeliveryFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private ReceiverServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  private void start(String... robots) throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    StringBuilder yaml = new StringBuilder("robots:\n");
    for (String robot : robots) {
      yaml.append("  - { id: ").append(robot).append(", platform: dingtalk, webhook: \"")
          .append(simulator.robot(robot, null).webhook().reveal()).append("\" }\n");
    }
    yaml.append("""
        notificationPolicies:
          - name: everything
            groupRule: { groupWait: 100ms, groupInterval: 1s, groupingFields: [alertname] }
            notifyRule: { robots: [%s] }
            repeatInterval: 4h
        """.formatted(String.join(", ", robots)));
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), yaml.toString());
    server = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), Clock.systemUTC());
  }

  private void post(String alertname) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/alerts"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"" + alertname + "\"}}]")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("not within %s: %s", WAIT, what).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  /** Measured before: the refused notice was logged as notified and waited for the 4-hour repeat. */
  @Test
  void aNoticeThePlatformRefusedIsSentAgainAtTheNextTick() throws Exception {
    start("sre-ding");
    simulator.failNext(1, Fault.httpStatus(403)); // a gateway refusing once: permanent, no retry

    post("DiskFull");
    await("the refusal", () -> !simulator.rejected().isEmpty());
    await("the notice, a group interval later", () -> !simulator.received("sre-ding").isEmpty());

    List<ReceivedMessage> received = simulator.received("sre-ding");
    assertThat(received).singleElement().satisfies(m -> assertThat(m.text()).contains("DiskFull", "first notification"));
  }

  /** Measured before: a 12-s hang on one robot meant 10 s with no request from any robot. */
  @Test
  void aHungWebhookHoldsNoOtherRobot() throws Exception {
    start("slow", "fast");
    simulator.failNext(1, Fault.delay(Duration.ofSeconds(6))); // whichever robot asks first hangs

    Instant posted = Instant.now();
    post("DiskFull");
    await("one robot's message while the other hangs",
        () -> simulator.received("slow").size() + simulator.received("fast").size() >= 1);

    assertThat(Duration.between(posted, Instant.now())).as("not after the hang").isLessThan(Duration.ofSeconds(4));
    await("and the hung one's, once it answers",
        () -> simulator.received("slow").size() + simulator.received("fast").size() >= 2);
    Thread.sleep(2_500); // two group intervals: the tick that came while it hung must not say it again
    assertThat(simulator.received("slow")).hasSize(1);
    assertThat(simulator.received("fast")).hasSize(1);
  }
}
