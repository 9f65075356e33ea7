package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} is the dry run of {@code serve}: every config file in the table is refused by
 * serve at start (the same way {@code ServeCommand} starts it), and validate must refuse it too,
 * with exactly the problems serve names, path and message. The rows are bad configs of every kind
 * serve meets; the comparison is the same for all of them.
 */
class ValidateAgreesWithServeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T10:00:00Z"), ZoneOffset.UTC);
  private static final String ROBOT = "{ id: sre-ding, platform: dingtalk, webhook: \"https://oapi.dingtalk.com/robot/send?access_token=t0k3n\" }";
  private static final String POLICY = "{ name: all, notifyRule: { robots: [sre-ding] }, repeatInterval: 4h }";

  @TempDir
  Path dir;

  static Stream<Arguments> badConfigs() {
    return Map.of(
        "a platform with no module (dingding for dingtalk)", """
            robots:
              - { id: sre-ding, platform: dingding, webhook: "https://oapi.dingtalk.com/robot/send?access_token=t0k3n" }
            notificationPolicies:
              - %s
            """.formatted(POLICY),
        "no policies and no robots", """
            contacts:
              - { id: alice, name: Alice }
            """,
        "a robot option its platform refuses (WeCom has no keyword)", """
            robots:
              - { id: sre-wecom, platform: wecom, keyword: alert,
                  webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k3y" }
            notificationPolicies:
              - { name: all, notifyRule: { robots: [sre-wecom] }, repeatInterval: 4h }
            """,
        "a template its platform cannot compile", """
            robots:
              - %s
            notificationPolicies:
              - { name: all, repeatInterval: 4h,
                  notifyRule: { robots: [sre-ding], templates: { dingtalk: "{{#alerts}} unclosed" } } }
            """.formatted(ROBOT),
        "the config's own rules (an unknown robot, a bad duration)", """
            robots:
              - %s
            notificationPolicies:
              - { name: all, notifyRule: { robots: [sre-dng] }, repeatInterval: 5x }
            """.formatted(ROBOT),
        "an environment variable that is not set", """
            robots:
              - { id: sre-ding, platform: dingtalk, webhook: "${ALERT_ROUTER_TEST_SURELY_UNSET_URL}" }
            notificationPolicies:
              - %s
            """.formatted(POLICY),
        "not YAML", "robots: [ { id: x\n",
        "several problems at once", """
            robots:
              - { id: a, platform: dingding, webhook: "https://oapi.dingtalk.com/robot/send?access_token=t0k3n" }
              - { id: b, platform: wecom, secret: SEC0, webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k3y" }
            notificationPolicies:
              - { name: all, notifyRule: { robots: [a, b] }, repeatInterval: 4h }
            """).entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(row -> Arguments.of(row.getKey(), row.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void validateRefusesWhatServeRefusesWithTheSameProblems(String name, String text) throws Exception {
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), text);

    List<String> serve = serveRefuses(config);
    CliRun validate = CliRun.of("validate", "--config", config.toString());

    assertThat(validate.exit()).as("validate exits 2 where serve refuses to start:\n%s", validate.stdout()).isEqualTo(2);
    assertThat(problems(validate.stderr())).isEqualTo(serve);
    assertThat(validate.stderr()).doesNotContain("t0k3n", "k3y", "SEC0");
  }

  /** A file both accept: the sample, which loads with an empty environment. */
  @Test
  void bothAcceptTheSampleConfig() {
    Path sample = Path.of("..", "samples", "alert-router.yaml");
    try (ReceiverServer server = ReceiverServer.start(serveSettings(sample), CLOCK)) {
      assertThat(server.current().config().robots()).isNotEmpty();
    }
    assertThat(CliRun.of("validate", "--config", sample.toString()).exit()).isZero();
  }

  /** What serve says when it refuses to start on {@code config}: its problems as {@code path: message}. */
  private static List<String> serveRefuses(Path config) {
    try (ReceiverServer accepted = ReceiverServer.start(serveSettings(config), CLOCK)) {
      return fail("serve started on a config the table holds as bad: " + accepted.current().config());
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
  }

  private static ReceiverServer.Settings serveSettings(Path config) {
    return new ServeCommand(CLOCK, name -> null).settings(List.of("--config", config.toString(), "--listen", "127.0.0.1:0"));
  }

  /** validate's problem lines: all but its summary ({@code FILE: N problems}) and warnings. */
  private static List<String> problems(String stderr) {
    return stderr.lines().filter(line -> !line.startsWith("warning: ") && !line.matches(".*: \\d+ problems?$")).toList();
  }
}
