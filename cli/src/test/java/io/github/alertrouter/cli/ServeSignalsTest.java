package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemctl reload} on serve: a real SIGHUP to a serve process re-reads the config as
 * {@code POST /-/reload} does (a good one takes effect, a bad one is refused and the running one
 * keeps serving), logged and in the reload metrics; SIGTERM afterwards still stops it with exit 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServeSignalsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN = "s3cr3t-robot-t0k3n";
  private static final String ROBOT = """
      robots:
        - { id: sre-ding, platform: dingtalk, webhook: "http://127.0.0.1:9/robot/send?access_token=%s" }
      """.formatted(TOKEN);
  private static final String ONE_POLICY = ROBOT + """
      notificationPolicies:
        - { name: first, notifyRule: { robots: [sre-ding] }, repeatInterval: 4h }
      """;
  private static final String TWO_POLICIES = ONE_POLICY + """
        - { name: second, notifyRule: { robots: [sre-ding] }, repeatInterval: 1h }
      """;
  private static final String BROKEN = ROBOT + """
      notificationPolicies:
        - { name: broken, notifyRule: { robots: [sre-dng] }, repeatInterval: 4h }
      """;
  private static final String RELOADED_OK = "alert_router_config_last_reload_successful 1";
  private static final String RELOADED_BAD = "alert_router_config_last_reload_successful 0";

  @TempDir
  Path dir;

  @Test
  void sighupReloadsAGoodConfigAndKeepsTheRunningOneOnABadOne() throws Exception {
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), ONE_POLICY);
    try (ServeProcess serve = ServeProcess.start(config, WAIT)) {
      assertThat(serve.get("/api/v1/status").body()).contains("\"policies\":[\"first\"]");

      Files.writeString(config, TWO_POLICIES);
      serve.signal("HUP");
      serve.await("the second policy is served", WAIT,
          () -> body(serve, "/api/v1/status").contains("\"policies\":[\"first\",\"second\"]"));
      assertThat(serve.get("/metrics").body()).contains(RELOADED_OK);
      serve.await("the reload is logged", WAIT, () -> serve.output().contains("reloaded " + config));

      Files.writeString(config, BROKEN);
      serve.signal("HUP");
      serve.await("the refusal is in the metrics", WAIT, () -> body(serve, "/metrics").contains(RELOADED_BAD));
      assertThat(serve.isAlive()).isTrue();
      assertThat(serve.get("/api/v1/status").body()).contains("\"policies\":[\"first\",\"second\"]");
      assertThat(serve.get("/-/ready").statusCode()).isEqualTo(200);
      serve.await("the refusal is logged with its problem", WAIT, () -> serve.output()
          .contains("notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\""));
      assertThat(serve.output()).contains("SIGHUP received: reloading the config", "reload refused, the running config is kept")
          .doesNotContain(TOKEN);

      // a good file again: a refused reload does not stop the next one
      Files.writeString(config, ONE_POLICY);
      serve.signal("HUP");
      serve.await("back to one policy", WAIT, () -> body(serve, "/api/v1/status").contains("\"policies\":[\"first\"]"));
      assertThat(serve.get("/metrics").body()).contains(RELOADED_OK);

      serve.signal("TERM");
      assertThat(serve.exitCode(WAIT)).as("a stop asked for is a clean stop").isZero();
    }
  }

  /** The body at {@code path}, or "" while serve does not answer (a serve that exited fails the wait with its output). */
  private static String body(ServeProcess serve, String path) {
    try {
      return serve.get(path).body();
    } catch (java.io.UncheckedIOException e) {
      return "";
    }
  }
}
