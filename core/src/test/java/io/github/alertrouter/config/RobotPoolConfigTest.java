package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A robot pool in YAML and in code (issue #22): one robot, several webhooks, each its own secret. */
class RobotPoolConfigTest {
  private static final String URL = "https://oapi.dingtalk.com/robot/send?access_token=";
  private static final Map<String, String> ENV = Map.of(
      "A", URL + "tokenA", "B", URL + "tokenB", "C", URL + "tokenC", "SA", "SECa", "SB", "SECb");

  private static RouterConfig parse(String robot) {
    return RouterConfig.parse("robots:\n  - " + robot.strip().replace("\n", "\n    ") + "\n", "pool.yaml", ENV);
  }

  private static List<String> problems(String robot) {
    ConfigException e = catchThrowableOfType(() -> parse(robot), ConfigException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).doesNotContain("tokenA", "tokenB", "SECa", "SECb");
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void aPoolListsWebhooksEachWithItsOwnSecretAndIsStillOneRobot() {
    Robot robot = parse("""
        id: sre
        platform: dingtalk
        webhooks:
          - { url: "${A}", secret: "${SA}" }
          - { url: "${B}", secret: "${SB}" }
          - { url: "${C}" }
        """).robots().get(0);

    assertThat(robot.isPool()).isTrue();
    assertThat(robot.webhooks()).extracting(h -> h.url().reveal()).containsExactly(URL + "tokenA", URL + "tokenB",
        URL + "tokenC");
    assertThat(robot.webhooks()).extracting(h -> h.secret() == null ? null : h.secret().reveal())
        .containsExactly("SECa", "SECb", null);
    assertThat(robot.webhook().reveal()).isEqualTo(URL + "tokenA");
    assertThat(robot.secret().reveal()).isEqualTo("SECa");
    assertThat(robot.member(1)).satisfies(m -> {
      assertThat(m.id()).isEqualTo("sre");
      assertThat(m.webhook().reveal()).isEqualTo(URL + "tokenB");
      assertThat(m.secret().reveal()).isEqualTo("SECb");
      assertThat(m.isPool()).isFalse();
    });
    assertThat(robot.toString()).doesNotContain("tokenA", "tokenB", "tokenC", "SECa", "SECb");
  }

  @Test
  void oneWebhookIsNoPool() {
    Robot robot = parse("{ id: sre, platform: dingtalk, webhook: \"${A}\", secret: \"${SA}\" }").robots().get(0);
    assertThat(robot.isPool()).isFalse();
    assertThat(robot.webhooks()).hasSize(1);
    assertThat(robot.member(0)).isSameAs(robot);
  }

  @Test
  void exactlyOneOfTheTwoFormsWithPathsAndNoValueShown() {
    assertThat(problems("{ id: sre, platform: dingtalk, webhook: \"${A}\", webhooks: [ { url: \"${B}\" } ] }"))
        .containsExactly("robots[0].webhook: give either webhook or webhooks, not both");
    assertThat(problems("{ id: sre, platform: dingtalk, secret: \"${SA}\", webhooks: [ { url: \"${B}\" } ] }"))
        .containsExactly("robots[0].secret: with webhooks, each webhook has its own secret: put it in its entry");
    assertThat(problems("{ id: sre, platform: dingtalk }")).containsExactly("robots[0].webhook: is required");
    assertThat(problems("{ id: sre, platform: dingtalk, webhooks: [] }"))
        .containsExactly("robots[0].webhooks: must list at least one webhook");
    assertThat(problems("""
        id: sre
        platform: dingtalk
        webhooks:
          - { url: "${A}" }
          - { url: "${SA}" }
          - { secret: "${SB}" }
          - { url: "${A}", token: x }
        """)).containsExactly(
        "robots[0].webhooks[1].url: " + RobotBinder.NOT_A_URL,
        "robots[0].webhooks[2].url: is required",
        "robots[0].webhooks[3].url: " + RobotBinder.REPEATED,
        "robots[0].webhooks[3].token: unknown field, expected one of url, secret");
  }

  @Test
  void theWriterNamesEachMembersPlaceholderAndRevealRoundTrips() {
    RouterConfig config = parse("""
        id: sre.ding
        platform: dingtalk
        webhooks:
          - { url: "${A}", secret: "${SA}" }
          - { url: "${B}" }
        """);

    String shared = ConfigWriter.toYaml(config);
    assertThat(shared).contains("${ROBOT_SRE_DING_WEBHOOK_1}", "${ROBOT_SRE_DING_SECRET_1}",
        "${ROBOT_SRE_DING_WEBHOOK_2}").doesNotContain("SECRET_2", "tokenA", "tokenB", "SECa");
    RouterConfig reloaded = RouterConfig.parse(shared, "shared.yaml", Map.of(
        "ROBOT_SRE_DING_WEBHOOK_1", URL + "tokenA", "ROBOT_SRE_DING_SECRET_1", "SECa",
        "ROBOT_SRE_DING_WEBHOOK_2", URL + "tokenB"));
    assertThat(reloaded).isEqualTo(config);
    assertThat(RouterConfig.parse(ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL), "x.yaml", Map.of()))
        .isEqualTo(config);
  }

  @Test
  void theBuilderAddsWebhooksAndRefusesARepeatWithoutShowingIt() {
    Robot built = Robot.builder("sre", "dingtalk", Secret.of(URL + "tokenA")).secret(Secret.of("SECa"))
        .addWebhook(Secret.of(URL + "tokenB"), Secret.of("SECb")).build();
    assertThat(built).isEqualTo(parse("""
        id: sre
        platform: dingtalk
        webhooks: [ { url: "${A}", secret: "${SA}" }, { url: "${B}", secret: "${SB}" } ]
        """).robots().get(0));
    assertThat(built.toBuilder().build()).isEqualTo(built);

    ConfigException e = catchThrowableOfType(() -> Robot.builder("sre", "dingtalk", Secret.of(URL + "tokenA"))
        .addWebhook(Secret.of("tokenB"), null).addWebhook(Secret.of(URL + "tokenA"), null).build(),
        ConfigException.class);
    assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("webhooks[1].url", "webhooks[2].url");
    assertThat(e.getMessage()).doesNotContain("tokenA", "tokenB");
  }
}
