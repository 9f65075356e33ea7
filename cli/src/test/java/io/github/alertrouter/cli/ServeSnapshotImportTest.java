package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --storage.path} directory of an earlier version, which kept the state as
 * {@code snapshot.json} (the router's {@code RouterSnapshot} JSON, written every 30 s and at a
 * clean stop), goes on working: imported once into the journal, then carried on from it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeSnapshotImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROBOT = "sre-ding";
  private static final String CONFIG = """
      robots:
        - { id: %s, platform: dingtalk, webhook: "%s", secret: "%s" }
      notificationPolicies:
        - name: disks
          groupRule: { groupWait: 1s, groupInterval: 2s, groupingFields: [alertname] }
          notifyRule: { robots: [%1$s] }
          repeatInterval: 4h
          sendResolved: true
      """;

  @TempDir
  Path dir;
  private DingTalkSimulator chat;
  private Path config;
  private ReceiverServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Instant started = Instant.now().minusSeconds(60);

  @BeforeEach
  void start() throws Exception {
    chat = DingTalkSimulator.start(Clock.systemUTC());
    Robot robot = chat.robot(ROBOT, "SEC" + "5a".repeat(32));
    config = dir.resolve("alert-router.yaml");
    Files.writeString(config, CONFIG.formatted(ROBOT, robot.webhook().reveal(), robot.secret().reveal()));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    chat.close();
  }

  @Test
  void anEarlierVersionsSnapshotIsImportedOnceAndNothingItNotifiedIsAnnouncedAgain() throws Exception {
    Path storage = dir.resolve("state");
    Files.createDirectories(storage);
    // the earlier version: its state in memory, saved at a clean stop as snapshot.json
    server = ReceiverServer.start(settings(null), Clock.systemUTC());
    assertThat(post(disks(null)).statusCode()).isEqualTo(200);
    await("the first notice", () -> chat.received(ROBOT).size() == 1);
    await("the delivery in the router's state", () -> new String(server.router().snapshot().toJson()).contains("\"delivered\":[{"));
    server.close();
    byte[] snapshot = server.router().snapshot().toJson();
    Files.write(storage.resolve(SnapshotFile.NAME), snapshot);

    server = ReceiverServer.start(settings(storage), Clock.systemUTC());
    assertThat(status("firingAlerts")).as("the snapshot's alerts").isEqualTo(3);
    assertThat(storage.resolve(SnapshotFile.NAME)).doesNotExist();
    assertThat(storage.resolve(SnapshotFile.IMPORTED)).hasBinaryContent(snapshot);
    assertThat(post(disks(Instant.now().minusSeconds(5))).statusCode()).isEqualTo(200);
    await("the resolved notice", () -> chat.received(ROBOT).size() == 2);
    server.close();

    // imported once: the next start carries on from the journal alone
    server = ReceiverServer.start(settings(storage), Clock.systemUTC());
    assertThat(status("alerts")).isEqualTo(3);
    assertThat(status("firingAlerts")).isZero();
    Thread.sleep(3_000); // past the group interval: nothing left to say
    List<ReceivedMessage> received = chat.received(ROBOT);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).text()).contains("first notification");
    assertThat(received.get(1).text()).contains("all alerts resolved").contains("host-0", "host-1", "host-2");
  }

  private ReceiverServer.Settings settings(Path storage) {
    return new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, storage);
  }

  /** Three disks of one group, started a minute before the test, firing or resolved at {@code endsAt}. */
  private String disks(Instant endsAt) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 3; i++) {
      json.append(i == 0 ? "" : ",").append("{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"host-").append(i)
          .append("\"},\"startsAt\":\"").append(started).append('"').append(endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"").append('}');
    }
    return json.append(']').toString();
  }

  private HttpResponse<String> post(String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/alerts"))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(String field) throws Exception {
    String body = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/status")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return JSON.readTree(body).get("router").get(field).asInt();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("not within 20 s: " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
