package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Secret;
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
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP on 127.0.0.1, port 0; robots point at a port nobody answers. */
class ServeReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBHOOK_TOKEN = "s3cr3t-robot-t0k3n";
  private static final String CONFIG = """
      contacts: [ { id: alice, name: Alice } ]
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=%s" }
      schedules:
        - id: primary
          timeZone: UTC
          layers: [ { name: main, members: [alice], rotation: WEEKLY, handoff: "2026-03-02T09:00" } ]
      notificationPolicies:
        - name: %s
          notifyRule: { robots: [sre-ding] }
          repeatInterval: 4h
      """;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;
  private ReceiverServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path config(String policy) throws Exception {
    Path file = dir.resolve("alert-router.yaml");
    Files.writeString(file, CONFIG.formatted(WEBHOOK_TOKEN, policy));
    return file;
  }

  private ReceiverServer start(int maxBody, String token) throws Exception {
    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"),
        new InetSocketAddress("127.0.0.1", 0), maxBody, token == null ? null : Secret.of(token), null, 0), CLOCK);
    return server;
  }

  private HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static byte[] webhook() throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/webhook-v4.json"));
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415AndNothingIsSubmitted() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> xml = post("/api/v1/alertmanager", webhook(), "Content-Type", "application/xml");
    HttpResponse<String> json = post("/api/v1/alertmanager", webhook(), "Content-Type", "application/json; charset=utf-8");

    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(xml.body()).get("error").asText()).contains("application/json");
    assertThat(json.statusCode()).isEqualTo(200);
  }

  @Test
  void answersAreNotHeldByNaglesAlgorithm() throws Exception {
    // a timing test would be flaky; what held each keep-alive answer ~40 ms was this switch being off
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    assertThat(System.getProperty(ReceiverServer.NO_DELAY)).isEqualTo("true");
  }

  @Test
  void acceptsARealAlertmanagerPayload() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = post("/api/v1/alertmanager", webhook());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\",\"alerts\":1}"));
  }

  @Test
  void acceptsAnAlertList() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = post("/api/v1/alerts",
        "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}}]".getBytes());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("alerts").asInt()).isEqualTo(2);
  }

  @Test
  void malformedPayloadIs400WithItsPointer() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = post("/api/v1/alertmanager",
        "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":42}]}".getBytes());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("pointer").asText()).isEqualTo("/alerts/0/labels");
    assertThat(error.get("error").asText()).isNotEmpty();
  }

  @Test
  void brokenJsonIs400() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = post("/api/v1/alerts", "[{\"labels\":".getBytes());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).has("error")).isTrue();
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    start(1024, null);

    HttpResponse<String> response = post("/api/v1/alertmanager", new byte[64 * 1024]);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void tokenIsRequiredWhenConfigured() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, "api-t0ken");

    HttpResponse<String> without = post("/api/v1/alertmanager", webhook());
    HttpResponse<String> wrong = post("/api/v1/alertmanager", webhook(), "Authorization", "Bearer nope");
    HttpResponse<String> with = post("/api/v1/alertmanager", webhook(), "Authorization", "Bearer api-t0ken");
    HttpResponse<String> health = get("/healthz");

    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(without.body()).has("error")).isTrue();
    assertThat(without.body()).doesNotContain("api-t0ken");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("api-t0ken");
    assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void healthz() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().strip()).isEqualTo("ok");
  }

  @Test
  void statusListsPoliciesRobotsAndOnCallButNeverTheWebhook() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    HttpResponse<String> response = get("/api/v1/status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(WEBHOOK_TOKEN).doesNotContain("127.0.0.1:9");
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.get("policies")).isEqualTo(JSON.readTree("[\"everything\"]"));
    assertThat(status.get("robots")).isEqualTo(JSON.readTree("[{\"id\":\"sre-ding\",\"platform\":\"dingtalk\"}]"));
    assertThat(status.at("/onCall/0/schedule").asText()).isEqualTo("primary");
    assertThat(status.at("/onCall/0/contacts/0/contact").asText()).isEqualTo("alice");
  }

  @Test
  void statusCountsWhatTheRouterHolds() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);
    assertThat(JSON.readTree(get("/api/v1/status").body()).get("router"))
        .isEqualTo(JSON.readTree("{\"alerts\":0,\"firingAlerts\":0,\"groups\":0,\"activeSilences\":0,\"undeliveredNotices\":0,\"active\":true}"));
    assertThat(JSON.readTree(get("/api/v1/status").body()).get("lanes"))
        .isEqualTo(JSON.readTree("[{\"robot\":\"sre-ding\",\"pending\":0,\"penaltyEnds\":null}]"));

    post("/api/v1/alerts", ("[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}},"
        + "{\"labels\":{\"alertname\":\"C\"},\"endsAt\":\"2026-03-09T09:00:00Z\"}]").getBytes());

    JsonNode router = JSON.readTree(get("/api/v1/status").body()).get("router");
    assertThat(router.get("alerts").asInt()).isEqualTo(3);
    assertThat(router.get("firingAlerts").asInt()).isEqualTo(2);
    assertThat(router.get("groups").asInt()).isPositive();
  }

  @Test
  void metricsAreServedWithoutTheTokenAndCountAlertsAnswersAndReloads() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, "api-t0ken");
    post("/api/v1/alerts", "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}}]".getBytes(),
        "Authorization", "Bearer api-t0ken");
    post("/api/v1/alertmanager", "x".getBytes(), "Authorization", "Bearer api-t0ken", "Content-Type", "text/plain");
    post("/api/v1/alertmanager", webhook()); // no token
    Files.writeString(dir.resolve("alert-router.yaml"), "robots: [ { id: x } ]\n");
    post("/-/reload", new byte[0], "Authorization", "Bearer api-t0ken");

    HttpResponse<String> scrape = get("/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
    assertThat(scrape.body().lines()).contains(
        "alert_router_alerts_received_total{endpoint=\"/api/v1/alerts\"} 2",
        "alert_router_http_responses_total{endpoint=\"/api/v1/alerts\",code=\"200\"} 1",
        "alert_router_http_responses_total{endpoint=\"/api/v1/alertmanager\",code=\"415\"} 1",
        "alert_router_http_responses_total{endpoint=\"/api/v1/alertmanager\",code=\"401\"} 1",
        "alert_router_http_responses_total{endpoint=\"/-/reload\",code=\"400\"} 1",
        "alert_router_alerts{state=\"firing\"} 2",
        "alert_router_config_last_reload_successful 0");
    assertThat(scrape.body()).doesNotContain(WEBHOOK_TOKEN).doesNotContain("api-t0ken");
    ServeMetricsTest.assertWellFormed(scrape.body());
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);

    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/actions/abc").statusCode()).isEqualTo(404); // no action key
    HttpResponse<String> wrongMethod = get("/api/v1/alertmanager");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void reloadRefusesABadConfigAndKeepsServing() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);
    Files.writeString(dir.resolve("alert-router.yaml"), """
        robots:
          - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=%s" }
        notificationPolicies:
          - name: broken
            notifyRule: { robots: [sre-dng] }
            repeatInterval: 4h
        """.formatted(WEBHOOK_TOKEN));

    HttpResponse<String> reload = post("/-/reload", new byte[0]);

    assertThat(reload.statusCode()).isEqualTo(400);
    assertThat(reload.body()).contains("notificationPolicies[0].notifyRule.robots[0]").doesNotContain(WEBHOOK_TOKEN);
    assertThat(post("/api/v1/alertmanager", webhook()).statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get("/api/v1/status").body()).get("policies").get(0).asText()).isEqualTo("everything");
  }

  @Test
  void reloadAcceptsAGoodConfig() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);
    config("renamed");

    HttpResponse<String> reload = post("/-/reload", new byte[0]);

    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    assertThat(JSON.readTree(get("/api/v1/status").body()).get("policies").get(0).asText()).isEqualTo("renamed");
    assertThat(post("/api/v1/alertmanager", webhook()).statusCode()).isEqualTo(200);
  }

  @Test
  void aReloadKeepsTheAlertsTheRouterHeld() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, null);
    post("/api/v1/alerts", "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}}]".getBytes());
    config("everything");

    assertThat(post("/-/reload", new byte[0]).statusCode()).isEqualTo(200);

    JsonNode router = JSON.readTree(get("/api/v1/status").body()).get("router");
    assertThat(router.get("firingAlerts").asInt()).isEqualTo(2); // taken over, not forgotten
  }

  @Test
  void withAStoragePathARestartKeepsTheAlerts() throws Exception {
    Path storage = dir.resolve("state");
    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"), new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, storage), CLOCK);
    post("/api/v1/alerts", "[{\"labels\":{\"alertname\":\"A\"}},{\"labels\":{\"alertname\":\"B\"}}]".getBytes());
    server.close();

    assertThat(storage.resolve("state.journal")).exists();
    assertThat(Files.readString(storage.resolve("state.journal"))).contains("\"alertname\":\"A\"")
        .doesNotContain(WEBHOOK_TOKEN);
    assertThat(storage.resolve(SnapshotFile.NAME)).as("no snapshot any more").doesNotExist();
    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"), new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, storage), CLOCK);

    JsonNode router = JSON.readTree(get("/api/v1/status").body()).get("router");
    assertThat(router.get("firingAlerts").asInt()).isEqualTo(2); // restored, not forgotten
  }

  /** An earlier version's snapshot.json that cannot be read: moved aside, as that version did. */
  @Test
  void anUnreadableSnapshotOfAnEarlierVersionIsMovedAsideAndTheServerStartsWithoutIt() throws Exception {
    Path storage = dir.resolve("state");
    Files.createDirectories(storage);
    Files.writeString(storage.resolve(SnapshotFile.NAME), "{\"version\":1,\"takenAt\":\"garbage");

    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"), new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, storage), CLOCK);

    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(storage.resolve(SnapshotFile.NAME)).doesNotExist();
    try (var files = Files.list(storage)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith(SnapshotFile.NAME)))
          .singleElement().satisfies(name -> assertThat(name).startsWith(SnapshotFile.NAME + ".bad-"));
    }
    assertThat(JSON.readTree(get("/api/v1/status").body()).get("router").get("alerts").asInt()).isZero();
  }

  @Test
  void actionLinksAreServedWithAnActionKeyAndWithoutTheApiToken() throws Exception {
    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"), new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, Secret.of("api-t0ken"), Secret.of("k".repeat(32)), 0), CLOCK);

    HttpResponse<String> tampered = get("/actions/not-a-token");

    assertThat(tampered.statusCode()).isEqualTo(400); // the action handler's answer, not 401 or 404
    assertThat(tampered.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(tampered.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void actionPagesSpeakTheBrowsersLanguage() throws Exception {
    server = ReceiverServer.start(new ReceiverServer.Settings(config("everything"), new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, Secret.of("k".repeat(32)), 0), CLOCK);

    HttpResponse<String> zh = get("/actions/not-a-token", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
    HttpResponse<String> en = get("/actions/not-a-token", "Accept-Language", "en-US");

    assertThat(zh.statusCode()).isEqualTo(400);
    assertThat(zh.body()).contains("<html lang=\"zh-CN\">", "<h1>链接无效</h1>");
    assertThat(en.body()).contains("<html lang=\"en\">", "<h1>Invalid link</h1>");
  }

  /** Measured before: 3 of 3 used links worked again after a restart (the used nonces were not in the state). */
  @Test
  void aUsedActionLinkStaysUsedAcrossARestartWithAStoragePath() throws Exception {
    Path storage = dir.resolve("state");
    Secret key = Secret.of("k".repeat(32));
    ReceiverServer.Settings settings = new ReceiverServer.Settings(config("everything"),
        new InetSocketAddress("127.0.0.1", 0), ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, key, 0, storage);
    String token = new io.github.alertrouter.action.ActionTokens(key, CLOCK, Duration.ofHours(24))
        .issueSilence("{}:{alertname=\"DiskFull\"}", Duration.ofHours(1));
    server = ReceiverServer.start(settings, CLOCK);
    assertThat(post("/actions/" + token, "who=alice".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    server.close();

    server = ReceiverServer.start(settings, CLOCK);
    HttpResponse<String> again = post("/actions/" + token, "who=mallory".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already used");
  }

  @Test
  void reloadNeedsTheTokenToo() throws Exception {
    start(ReceiverServer.DEFAULT_MAX_BODY_BYTES, "api-t0ken");

    assertThat(post("/-/reload", new byte[0]).statusCode()).isEqualTo(401);
    assertThat(post("/-/reload", new byte[0], "Authorization", "Bearer api-t0ken").statusCode()).isEqualTo(200);
  }
}
