package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A refused reload is logged, and a config that routes nothing is refused unless allowed. (In
 * process the log level is warn: the accepted reload's info line is checked in {@link CliProcessLoggingTest}.)
 */
class ServeReloadTest {
  private static final String WEBHOOK_TOKEN = "s3cr3t-robot-t0k3n";
  private static final String GOOD = """
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=%s" }
      notificationPolicies:
        - { name: everything, notifyRule: { robots: [sre-ding] }, repeatInterval: 4h }
      """.formatted(WEBHOOK_TOKEN);
  private static final String BROKEN = """
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=%s" }
      notificationPolicies:
        - { name: broken, notifyRule: { robots: [sre-dng] }, repeatInterval: 4h }
      """.formatted(WEBHOOK_TOKEN);
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

  private Path config(String text) throws Exception {
    return Files.writeString(dir.resolve("alert-router.yaml"), text);
  }

  private ReceiverServer start(boolean allowEmpty) throws Exception {
    server = ReceiverServer.start(new ReceiverServer.Settings(dir.resolve("alert-router.yaml"),
        new InetSocketAddress("127.0.0.1", 0), ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0, null, allowEmpty),
        CLOCK);
    return server;
  }

  private HttpResponse<String> reload() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/-/reload"))
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What the server logs (slf4j-simple writes to System.err) while {@code action} runs. */
  private static String stderrOf(ThrowingRunnable action) throws Exception {
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(before);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aRefusedReloadIsLoggedWithItsProblemsButNoSecret() throws Exception {
    config(GOOD);
    start(false);
    config(BROKEN);

    String log = stderrOf(() -> assertThat(reload().statusCode()).isEqualTo(400));

    assertThat(log).contains("WARN", "reload refused", "notificationPolicies[0].notifyRule.robots[0]")
        .doesNotContain(WEBHOOK_TOKEN);
  }

  @ParameterizedTest(name = "config \"{0}\"")
  @ValueSource(strings = {"", "{}", "robots: []\nnotificationPolicies: []\n"})
  void anEmptyConfigIsRefusedAtStart(String text) throws Exception {
    config(text);

    assertThatThrownBy(() -> start(false)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("no notification policies and no robots").hasMessageContaining("--allow-empty-config");
  }

  @Test
  void anEmptyConfigExits2FromTheCommandLineSayingHowToAllowIt() throws Exception {
    Path file = config("{}");

    CliRun run = CliRun.of("serve", "--config=" + file, "--listen=127.0.0.1:0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("no notification policies and no robots", "--allow-empty-config");
    assertThat(run.stdout()).doesNotContain("listening");
  }

  @Test
  void anEmptyConfigIsRefusedAtReloadAndTheRunningOneKeepsServing() throws Exception {
    config(GOOD);
    start(false);
    config("");

    HttpResponse<String> reload = reload();

    assertThat(reload.statusCode()).isEqualTo(400);
    assertThat(reload.body()).contains("no notification policies and no robots", "--allow-empty-config");
    assertThat(server.current().config().notificationPolicies()).hasSize(1);
  }

  @Test
  void anEmptyConfigIsAcceptedWhenAllowed() throws Exception {
    config("{}");
    start(true);
    config("");

    HttpResponse<String> reload = reload();

    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    assertThat(server.current().config().robots()).isEmpty();
  }

  @Test
  void theFlagAllowsIt() {
    ServeCommand command = new ServeCommand(Clock.systemUTC(), name -> null);

    assertThat(command.settings(java.util.List.of("--config=x.yaml")).allowEmptyConfig()).isFalse();
    assertThat(command.settings(java.util.List.of("--config=x.yaml", "--allow-empty-config")).allowEmptyConfig()).isTrue();
    assertThat(CliRun.of("serve", "--help").stdout()).contains("--allow-empty-config");
  }

  /**
   * The source re-sends its alerts while reloads come one after another: no alert may be routed
   * by the new config before it holds what the old one notified. Measured before: with a re-send
   * every 0.25 s and a reload every second, 60 of 60 alerts were announced again.
   */
  @Test
  void alertsArrivingDuringReloadsAreNotAnnouncedAgain() throws Exception {
    try (DingTalkSimulator simulator = DingTalkSimulator.start(Clock.systemUTC())) {
      String webhook = simulator.robot("sre-ding", null).webhook().reveal();
      config("""
          robots:
            - { id: sre-ding, platform: dingtalk, webhook: "%s" }
          notificationPolicies:
            - name: everything
              groupRule: { groupWait: 200ms, groupInterval: 1s, groupingFields: [alertname] }
              notifyRule: { robots: [sre-ding] }
              repeatInterval: 4h
          """.formatted(webhook));
      server = ReceiverServer.start(new ReceiverServer.Settings(dir.resolve("alert-router.yaml"),
          new InetSocketAddress("127.0.0.1", 0), ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), Clock.systemUTC());
      String alerts = "[" + String.join(",", java.util.stream.IntStream.range(0, 10)
          .mapToObj(i -> "{\"labels\":{\"alertname\":\"A" + i + "\"}}").toList()) + "]";
      post(alerts);
      awaitReceived(simulator, 10);

      java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
      Thread source = new Thread(() -> {
        while (going.get()) {
          try {
            post(alerts);
            posted.incrementAndGet();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }, "source");
      source.start();
      for (int i = 0; i < 15; i++) {
        assertThat(reload().statusCode()).isEqualTo(200);
        Thread.sleep(100);
      }
      going.set(false);
      source.join(10_000);
      Thread.sleep(2_500); // two group intervals: anything wrongly due goes out

      assertThat(posted.get()).as("webhooks posted during the reloads").isGreaterThan(15);
      assertThat(simulator.received("sre-ding")).as("each alert announced once").hasSize(10);
    }
  }

  private void post(String alerts) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/alerts"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(alerts)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static void awaitReceived(DingTalkSimulator simulator, int n) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (simulator.received("sre-ding").size() < n && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(simulator.received("sre-ding")).hasSize(n);
  }
}
