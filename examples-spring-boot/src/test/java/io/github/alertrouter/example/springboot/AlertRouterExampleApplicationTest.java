package io.github.alertrouter.example.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.spring.AlertRouterBuilderCustomizer;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as it runs, with its own {@code application.yaml} and
 * {@code alert-router.yaml}: the robot's webhook points at a DingTalk simulator, and the router
 * runs on virtual time so that the 30-second group wait passes when the test says. What an
 * operator sees is read over HTTP: {@code /actuator/health} and {@code /actuator/metrics}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertRouterExampleApplicationTest {
  private static final ManualScheduler SCHEDULER = new ManualScheduler();
  private static final DingTalkSimulator SIMULATOR = DingTalkSimulator.start(SCHEDULER.clock());
  private static final String SECRET = "SEC" + "a1b2c3d4e5f60718".repeat(4);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  CheckoutAlerts checkoutAlerts;

  @DynamicPropertySource
  static void robot(DynamicPropertyRegistry registry) {
    registry.add("DINGTALK_SRE_URL", () -> SIMULATOR.robot("sre-ding", SECRET, "alert").webhook().reveal());
    registry.add("DINGTALK_SRE_SECRET", () -> SECRET);
  }

  @BeforeEach
  void emptyChat() {
    SIMULATOR.clear();
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @Test
  void anAlertmanagerWebhookReachesTheChatAndAtsTheSreGroupByMobile() throws IOException {
    HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/alertmanager"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(fixture("/alertmanager-two-instances.json"))));
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).isEqualTo("{\"status\":\"ok\",\"alerts\":2}");

    SCHEDULER.advance(Duration.ofSeconds(29));
    assertThat(messages("HighCPUUsage")).as("nothing before the group wait of 30 s").isEmpty();
    SCHEDULER.advance(Duration.ofSeconds(1));
    assertThat(messages("HighCPUUsage")).singleElement().satisfies(m -> {
      assertThat(m.mentions()).containsExactlyInAnyOrder("mobile:13800000001", "mobile:13800000002");
      assertThat(m.text()).contains("host-a:9100").contains("host-b:9100");
    });

    HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).doesNotContain("access_token").doesNotContain(SECRET);
    JsonNode router = JSON.readTree(health.body()).path("components").path("alertRouter");
    assertThat(router.path("status").asText()).isEqualTo("UP");
    assertThat(router.path("details").path("firingAlerts").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode robot = router.path("details").path("robots").path("sre-ding");
    assertThat(robot.path("state").asText()).isEqualTo("ok");
    assertThat(robot.path("pending").asInt()).isZero();
    assertThat(robot.path("lastSent").asText()).isEqualTo(SCHEDULER.now().toString());

    JsonNode sent = metric("alert.router.messages?tag=robot:sre-ding&tag=outcome:sent");
    assertThat(sent.path("measurements").path(0).path("statistic").asText()).isEqualTo("COUNT");
    assertThat(sent.path("measurements").path(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    JsonNode queued = metric("alert.router.robot.queued.deliveries?tag=robot:sre-ding");
    assertThat(queued.path("measurements").path(0).path("value").asDouble()).isZero();
    JsonNode firing = metric("alert.router.alerts?tag=state:firing");
    assertThat(firing.path("measurements").path(0).path("value").asDouble()).isGreaterThanOrEqualTo(2);
  }

  private JsonNode metric(String nameAndTags) throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/metrics/" + nameAndTags)).GET());
    assertThat(response.statusCode()).as("GET /actuator/metrics/%s", nameAndTags).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void anAlertFromApplicationCodeAtsTheOnCallPersonAfterTheGroupWait() {
    checkoutAlerts.errorRatioTooHigh(0.071);
    SCHEDULER.advance(Duration.ofSeconds(30));
    assertThat(messages("CheckoutErrorRatio")).singleElement().satisfies(m -> {
      assertThat(m.mentions()).containsExactly("mobile:13800000001");
      assertThat(m.text()).contains("checkout errors at 7.1%");
    });
  }

  private static List<ReceivedMessage> messages(String containing) {
    return SIMULATOR.received("sre-ding").stream().filter(m -> m.text().contains(containing)).toList();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = AlertRouterExampleApplicationTest.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  /** Virtual time for the router; everything else is the application as configured. */
  @TestConfiguration(proxyBeanMethods = false)
  static class VirtualTime {
    @Bean
    AlertRouterBuilderCustomizer virtualTime() {
      return builder -> builder.scheduler(SCHEDULER);
    }
  }
}
