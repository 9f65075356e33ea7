package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Secret;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code serve} takes in besides Alertmanager's own payloads, over real HTTP on 127.0.0.1
 * into the DingTalk simulator: Grafana's webhook, and prometheus-webhook-dingtalk's per-target URL
 * {@code /dingtalk/<target>/send}, whose target (like the receiver) policies match and messages
 * never show.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeIntakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOKEN = "s3rve-t0ken-for-intake";

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

  /** Robots {@code ops} (target ops), {@code payments} (Grafana's receiver) and {@code rest} (everything else). */
  private void start(Secret token) throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    String yaml = """
        robots:
          - { id: ops, platform: dingtalk, webhook: "%s" }
          - { id: payments, platform: dingtalk, webhook: "%s" }
          - { id: rest, platform: dingtalk, webhook: "%s" }
        notificationPolicies:
          - name: target-ops
            matchingRules: [ { conditions: [ { key: __target__, op: eq, value: ops } ] } ]
            groupRule: { groupWait: 100ms, groupInterval: 1s, groupingFields: [alertname] }
            notifyRule: { robots: [ops] }
            repeatInterval: 4h
          - name: grafana-payments
            matchingRules: [ { conditions: [ { key: __receiver__, op: eq, value: dingtalk-payments } ] } ]
            groupRule: { groupWait: 100ms, groupInterval: 1s, groupingFields: [alertname] }
            notifyRule: { robots: [payments] }
            repeatInterval: 4h
          - name: rest
            matchingRules: [ { conditions: [ { key: __target__, op: neq, value: ops },
                                             { key: __receiver__, op: neq, value: dingtalk-payments } ] } ]
            groupRule: { groupWait: 100ms, groupInterval: 1s, groupingFields: [alertname] }
            notifyRule: { robots: [rest] }
            repeatInterval: 4h
        """.formatted(simulator.robot("ops", null).webhook().reveal(),
        simulator.robot("payments", null).webhook().reveal(), simulator.robot("rest", null).webhook().reveal());
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), yaml);
    server = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, token, null, 0), Clock.systemUTC());
  }

  private HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String rawPath) {
    return URI.create("http://127.0.0.1:" + server.port() + rawPath);
  }

  private static byte[] alertmanagerPayload() throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/webhook-v4.json"));
  }

  private static byte[] grafana(String fixture) throws Exception {
    return Files.readAllBytes(Path.of("..", "core", "src", "test", "resources", "grafana", fixture));
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("not within %s: %s", WAIT, what).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static void assertOk(HttpResponse<String> response, int alerts) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\",\"alerts\":" + alerts + "}"));
  }

  @Test
  void aGrafanaWebhookIsAcceptedAndReachesTheChatOfItsReceiver() throws Exception {
    start(null);

    assertOk(post("/api/v1/alertmanager", grafana("firing.json"), "Content-Type", "application/json"), 1);
    assertOk(post("/api/v1/alertmanager", grafana("several.json"), "Content-Type", "application/json"), 3);

    await("Grafana's alert in the payments chat", () -> !simulator.received("payments").isEmpty());
    await("the other Grafana receiver's alerts in the rest chat", () -> !simulator.received("rest").isEmpty());
    assertThat(simulator.received("payments")).singleElement().satisfies(m -> assertThat(m.text())
        .contains("HighCPU", "pay-api-1 CPU is 93.5%")
        .doesNotContain("__receiver__", "dingtalk-payments"));
    assertThat(simulator.received("rest")).singleElement().satisfies(m -> assertThat(m.text()).contains("DiskFull"));
    assertThat(simulator.received("ops")).isEmpty();
  }

  @Test
  void aMalformedGrafanaWebhookIs400WithItsPointer() throws Exception {
    start(null);
    String broken = new String(grafana("firing.json")).replace("\"A\":93.5", "\"A\":\"93.5\"");

    HttpResponse<String> response = post("/api/v1/alertmanager", broken.getBytes());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("pointer").asText()).isEqualTo("/alerts/0/values/A");
    assertThat(error.get("error").asText()).isEqualTo("expected a number, but was the string \"93.5\"");
  }

  @Test
  void theTargetOfTheUrlIsALabelPoliciesMatchAndMessagesDoNotShow() throws Exception {
    start(null);

    assertOk(post("/dingtalk/ops/send", alertmanagerPayload(), "Content-Type", "application/json"), 1);
    assertOk(post("/dingtalk/webhook_mention_all/send", alertmanagerPayload()), 1);

    await("the ops target's chat", () -> !simulator.received("ops").isEmpty());
    await("the other target's chat", () -> !simulator.received("rest").isEmpty());
    List<ReceivedMessage> ops = simulator.received("ops");
    assertThat(ops).singleElement().satisfies(m -> assertThat(m.text())
        .contains("DiskAlmostFull").doesNotContain("__target__", "__receiver__"));
    // the same alert through two targets is two alerts: each target's chat hears of it once
    assertThat(simulator.received("rest")).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("DiskAlmostFull").doesNotContain("webhook_mention_all"));
  }

  @Test
  void theTargetUrlIsBehindTheSameToken() throws Exception {
    start(Secret.of(TOKEN));

    HttpResponse<String> without = post("/dingtalk/ops/send", alertmanagerPayload());
    HttpResponse<String> wrong = post("/dingtalk/ops/send", alertmanagerPayload(), "Authorization", "Bearer nope");
    HttpResponse<String> with = post("/dingtalk/ops/send", alertmanagerPayload(), "Authorization", "Bearer " + TOKEN);

    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertOk(with, 1);
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      POST | /dingtalk/a/b/send                  | 404 |
      POST | /dingtalk//send                     | 404 |
      POST | /dingtalk/ops                       | 404 |
      POST | /dingtalk/ops/send/more             | 404 |
      GET  | /dingtalk/ops/send                  | 405 |
      POST | /dingtalk/a%2Fb/send                | 200 |
      POST | /dingtalk/%E5%91%8A%E8%AD%A6/send   | 200 |
      POST | /dingtalk/bad%01target/send         | 400 | the target must not contain control characters
      POST | /dingtalk/%FF/send                  | 400 | the target must be UTF-8
      """)
  void targetUrlsThatAreNotOneLabelValueAreRefused(String method, String path, int status, String error) throws Exception {
    start(null);

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(alertmanagerPayload())).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (error != null) {
      assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(error);
    }
  }

  @Test
  void aTargetOverTheLengthBoundIsRefused() throws Exception {
    start(null);

    HttpResponse<String> longest = post("/dingtalk/" + "t".repeat(TargetPath.MAX_LENGTH) + "/send", alertmanagerPayload());
    HttpResponse<String> over = post("/dingtalk/" + "t".repeat(TargetPath.MAX_LENGTH + 1) + "/send", alertmanagerPayload());

    assertOk(longest, 1);
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(over.body()).get("error").asText())
        .isEqualTo("the target must be at most 128 characters, but was 129");
  }

  @Test
  void theTargetUrlAnswersAsTheMainEndpointForBadBodiesAndOversizedOnes() throws Exception {
    start(null);

    HttpResponse<String> malformed = post("/dingtalk/ops/send",
        "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":42}]}".getBytes());
    HttpResponse<String> xml = post("/dingtalk/ops/send", alertmanagerPayload(), "Content-Type", "application/xml");
    HttpResponse<String> huge = post("/dingtalk/ops/send", new byte[ReceiverServer.DEFAULT_MAX_BODY_BYTES + 1]);

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("pointer").asText()).isEqualTo("/alerts/0/labels");
    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  @Test
  void metricsCountEveryTargetUnderOneEndpointName() throws Exception {
    start(null);
    assertOk(post("/dingtalk/ops/send", alertmanagerPayload()), 1);
    assertOk(post("/dingtalk/team-a/send", alertmanagerPayload()), 1);
    assertThat(post("/dingtalk/team-b/send", "{}".getBytes()).statusCode()).isEqualTo(400);

    String metrics = get("/metrics").body();

    assertThat(metrics)
        .contains("alert_router_alerts_received_total{endpoint=\"/dingtalk/{target}/send\"} 2")
        .contains("endpoint=\"/dingtalk/{target}/send\",code=\"200\"} 2")
        .contains("endpoint=\"/dingtalk/{target}/send\",code=\"400\"} 1")
        .doesNotContain("team-a", "team-b", "endpoint=\"/dingtalk/ops");
  }
}
