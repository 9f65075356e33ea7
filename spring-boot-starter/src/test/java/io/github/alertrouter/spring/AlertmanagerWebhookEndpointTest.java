package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.OutageAlertStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook endpoint in a running server: each answer Alertmanager (or a misconfigured sender)
 * can get, at a configured path, behind a bearer token, under a small body cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = AlertmanagerWebhookEndpointTest.App.class,
    properties = {
        "alert-router.config-location=classpath:alert-router-test.yaml",
        "alert-router.webhook.enabled=true",
        "alert-router.webhook.path=/hooks/alertmanager",
        "alert-router.webhook.max-body-size=16KB",
        "alert-router.webhook.token=t0ken-for-tests"})
class AlertmanagerWebhookEndpointTest {
  private static final String SECRET = "SEC" + "00112233445566778899".repeat(3);
  private static final DingTalkSimulator SIMULATOR = DingTalkSimulator.start(Clock.systemUTC());
  private static final OutageAlertStore STORE = new OutageAlertStore();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String AUTH = "Bearer t0ken-for-tests";

  @LocalServerPort
  int port;

  @Autowired
  AlertRouter router;

  @DynamicPropertySource
  static void robot(DynamicPropertyRegistry registry) {
    registry.add("DINGTALK_URL", () -> SIMULATOR.robot("sre-ding", SECRET, "alert").webhook().reveal());
    registry.add("DINGTALK_SECRET", () -> SECRET);
  }

  @AfterEach
  void storeUp() {
    STORE.down(false);
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @Test
  void anAlertmanagerPayloadIsAccepted() {
    HttpResponse<String> response = post("/hooks/alertmanager", AUTH, "application/json", payload());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"alerts\":1}");
    assertThat(router.stats().alerts()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aMalformedPayloadIs400WithItsJsonPointer() {
    String bad = payload().replace("\"2026-11-25T08:05:53.361Z\"", "\"yesterday\"");
    HttpResponse<String> response = post("/hooks/alertmanager", AUTH, "application/json", bad);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"pointer\":\"/alerts/0/startsAt\"").contains("yesterday");
  }

  @Test
  void withoutTheTokenIs401AndNothingIsSubmitted() {
    int before = router.stats().alerts();
    HttpResponse<String> missing = post("/hooks/alertmanager", null, "application/json", payload().replace("fs-3", "fs-9"));
    HttpResponse<String> wrong = post("/hooks/alertmanager", "Bearer t0ken-for-test", "application/json",
        payload().replace("fs-3", "fs-9"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"alert-router\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("wrong bearer token").doesNotContain("t0ken");
    assertThat(router.stats().alerts()).isEqualTo(before);
  }

  @Test
  void aBodyOverTheCapIs413() {
    String big = payload().replace("disk 88% full", "x".repeat(17 * 1024));
    HttpResponse<String> response = post("/hooks/alertmanager", AUTH, "application/json", big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("request body over 16384 bytes");
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    HttpResponse<String> response = post("/hooks/alertmanager", AUTH, "text/plain", payload());
    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void whileTheStoreRefusesAlertsIs503WithRetryAfter() {
    STORE.down(true);
    HttpResponse<String> response = post("/hooks/alertmanager", AUTH, "application/json", payload());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body()).contains("send it again");
  }

  @Test
  void theDefaultPathIsNotServedWhenAnotherIsConfigured() {
    assertThat(post("/api/v1/alertmanager", AUTH, "application/json", payload()).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> post(String path, String authorization, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String payload() {
    try (var in = AlertmanagerWebhookEndpointTest.class.getResourceAsStream("/alertmanager-v4.json")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The smallest application: auto-configuration only, and a store the test can take down. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    AlertRouterBuilderCustomizer failingStore() {
      return builder -> builder.alertStore(STORE);
    }
  }
}
