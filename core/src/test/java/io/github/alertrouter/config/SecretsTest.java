package io.github.alertrouter.config;

import static io.github.alertrouter.config.ConfigFixtures.BASE;
import static io.github.alertrouter.config.ConfigFixtures.ENV;
import static io.github.alertrouter.config.ConfigFixtures.SIGNING_SECRET;
import static io.github.alertrouter.config.ConfigFixtures.WEBHOOK_TOKEN;
import static io.github.alertrouter.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Webhook tokens and signing secrets never show in problems, exceptions or toString. */
class SecretsTest {
  private static final String LITERAL_TOKEN = "LITERAL-TOKEN-9931";

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        Arguments.of("secret-bearing robot in an otherwise broken config",
            BASE + "notificationPolicies: [ { name: p, notifyRule: { robots: [sre-dng] } } ]"),
        Arguments.of("webhook holds a non-URL secret",
            "robots: [ { id: r, platform: dingtalk, webhook: \"" + LITERAL_TOKEN + "\", secret: [" + LITERAL_TOKEN + "] } ]"),
        Arguments.of("webhook of the wrong type",
            "robots: [ { id: r, platform: dingtalk, webhook: 123" + LITERAL_TOKEN.length() + " } ]"),
        Arguments.of("robot with a typo next to its secrets",
            "robots: [ { id: r, platfrom: dingtalk, webhook: \"https://x/?t=" + LITERAL_TOKEN + "\", secret: \"${SIGN}\" } ]"),
        Arguments.of("YAML syntax error on the secret's line",
            "robots:\n  - id: r\n    webhook: \"https://x/?t=" + LITERAL_TOKEN + "\" : oops\n"),
        Arguments.of("YAML syntax error with an unterminated quoted token",
            "robots:\n  - id: r\n    webhook: \"https://x/?t=" + LITERAL_TOKEN + "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void problemsNeverQuoteSecrets(String name, String document) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(document));

    assertThat(e).isNotNull();
    for (String text : Stream.concat(Stream.of(e.getMessage(), e.toString()),
        e.problems().stream().map(ConfigProblem::toString)).toList()) {
      assertThat(text).doesNotContain(WEBHOOK_TOKEN, SIGNING_SECRET, LITERAL_TOKEN, "1238");
    }
  }

  static Stream<Arguments> brokenJsonDocuments() {
    return Stream.of(
        Arguments.of("signing secret left unquoted",
            "{\"robots\": [{\"id\": \"r\", \"platform\": \"dingtalk\", \"webhook\": \"https://x/?t=1\","
                + " \"secret\": " + LITERAL_TOKEN.replace('-', '_') + "}]}"),
        Arguments.of("webhook token left unquoted",
            "{\"robots\": [{\"id\": \"r\", \"platform\": \"dingtalk\", \"webhook\": "
                + LITERAL_TOKEN.replace('-', '_') + "}]}"));
  }

  /** Jackson quotes the token it could not read, which here is the secret itself. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenJsonDocuments")
  void jsonSyntaxErrorsNeverQuoteAnUnquotedSecret(String name, String document) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> RouterConfig.parse(document, "alert-router.json", Map.of()));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("JSON syntax error at line 1, column", "not shown")
        .doesNotContain(LITERAL_TOKEN.replace('-', '_'));
    assertThat(e.problems()).extracting(ConfigProblem::toString)
        .noneMatch(p -> p.contains(LITERAL_TOKEN.replace('-', '_')));
  }

  @Test
  void toStringNeverRevealsSecrets() {
    RouterConfig config = parse(BASE);

    assertThat(config.toString()).doesNotContain(WEBHOOK_TOKEN, SIGNING_SECRET).contains("***");
    assertThat(config.robots().get(0).toString()).doesNotContain(WEBHOOK_TOKEN, SIGNING_SECRET);
  }

  @Test
  void writerUsesPlaceholdersUnlessToldToReveal() {
    RouterConfig config = parse(BASE);

    String shared = ConfigWriter.toYaml(config);
    assertThat(shared).doesNotContain(WEBHOOK_TOKEN, SIGNING_SECRET)
        .contains("${ROBOT_SRE_DING_WEBHOOK}", "${ROBOT_SRE_DING_SECRET}");
    RouterConfig reloaded = RouterConfig.parse(shared, "shared.yaml", Map.of(
        "ROBOT_SRE_DING_WEBHOOK", ENV.get("DINGTALK_URL"), "ROBOT_SRE_DING_SECRET", SIGNING_SECRET));
    assertThat(reloaded).isEqualTo(config);

    assertThat(ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL)).contains(WEBHOOK_TOKEN, SIGNING_SECRET);
  }

  @Test
  void placeholdersNeedTheirVariables() {
    String shared = ConfigWriter.toYaml(parse(BASE));
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> RouterConfig.parse(shared, "shared.yaml", Map.of()));

    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
        "robots[0].webhook: environment variable \"ROBOT_SRE_DING_WEBHOOK\" is not set",
        "robots[0].secret: environment variable \"ROBOT_SRE_DING_SECRET\" is not set");
    assertThat(List.of(e.getMessage())).noneMatch(m -> m.contains(WEBHOOK_TOKEN));
  }

  @Test
  void fromEnvReadsTheVariable() {
    Secret webhook = Secret.fromEnv("DINGTALK_URL", ENV);

    assertThat(webhook.reveal()).isEqualTo(ENV.get("DINGTALK_URL"));
    assertThat(webhook).hasToString("***");
  }

  @Test
  void fromEnvNamesAnUnsetVariable() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> Secret.fromEnv("DINGTALK_SRE_URL", ENV));

    assertThat(e.problems()).extracting(ConfigProblem::toString)
        .containsExactly("environment variable \"DINGTALK_SRE_URL\" is not set (read by Secret.fromEnv)");
    assertThat(e.getMessage()).contains("DINGTALK_SRE_URL").doesNotContain(WEBHOOK_TOKEN, SIGNING_SECRET);
  }

  /** {@code export NAME=} is a slip, not an unsigned robot: refused, and told apart from unset. */
  @Test
  void fromEnvRefusesAnEmptyVariable() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> Secret.fromEnv("SIGN", Map.of("SIGN", "", "OTHER", SIGNING_SECRET)));

    assertThat(e.problems()).extracting(ConfigProblem::toString)
        .containsExactly("environment variable \"SIGN\" is empty (read by Secret.fromEnv)");
    assertThat(e.getMessage()).doesNotContain(SIGNING_SECRET);
  }

  @Test
  void fromEnvWithoutAMapReadsTheProcessEnvironment() {
    String set = System.getenv().keySet().stream().filter(k -> !System.getenv(k).isEmpty()).findFirst().orElseThrow();
    String unset = "ALERT_ROUTER_SECRETS_TEST_UNSET_4711";
    assumeThat(System.getenv(unset)).isNull();

    assertThat(Secret.fromEnv(set).reveal()).isEqualTo(System.getenv(set));
    assertThat(catchThrowableOfType(ConfigException.class, () -> Secret.fromEnv(unset))).hasMessageContaining(unset);
  }

  @Test
  void ofNullSaysWhatIsWrong() {
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("Secret.of(null): a secret needs a value, but got null (to read an environment variable,"
            + " use Secret.fromEnv(\"NAME\"): it names a variable that is not set)");
  }
}
