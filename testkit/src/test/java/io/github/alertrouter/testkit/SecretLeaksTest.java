package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SecretLeaksTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private static final String SIGNING = "SECfedcba9876543210+/=";
  private static final Logger LOG = LoggerFactory.getLogger(SecretLeaksTest.class);

  private final SecretLeaks leaks = SecretLeaks.of(TOKEN, SIGNING);

  @BeforeEach
  void forget() {
    RecordedLogs.clear();
  }

  static Stream<Arguments> credentialsByWebhookShape() {
    return Stream.of(
        Arguments.of("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN, TOKEN),
        Arguments.of("Lark", "https://open.feishu.cn/open-apis/bot/v2/hook/" + TOKEN, TOKEN),
        Arguments.of("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + TOKEN + "&debug=1", TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentialsByWebhookShape")
  void aRobotsCredentialsAreItsWebhookItsTokenAndItsSecret(String platform, String webhook, String token) {
    Robot robot = new Robot("r", "x", Secret.of(webhook), Secret.of(SIGNING), null);

    assertThat(SecretLeaks.credentials(robot)).containsExactly(webhook, token, SIGNING);
  }

  @Test
  void cleanLogsAndValuesPass() {
    LOG.warn("robot {} failed: {}", "r", "access_token=***");

    assertThatCode(() -> leaks.assertAbsentEverywhere("nothing here", List.of(1, 2), new IllegalStateException("fine")))
        .doesNotThrowAnyException();
  }

  @Test
  void aSecretInALogMessageIsFoundAndMaskedInTheFailure() {
    LOG.info("posting to https://x/send?access_token={}", TOKEN);

    assertThatThrownBy(leaks::assertAbsentFromLogs).isInstanceOf(AssertionError.class)
        .hasMessageContaining("secret #1 (32 characters) in log event 1 of 1")
        .hasMessageContaining("access_token=<secret #1>")
        .message().doesNotContain(TOKEN);
  }

  @Test
  void aSecretInALoggedCausesMessageIsFound() {
    LOG.debug("ignored", new IllegalStateException("outer", new RuntimeException("key " + SIGNING)));

    assertThatThrownBy(leaks::assertAbsentFromLogs).hasMessageContaining("secret #2");
  }

  @Test
  void throwablesAreCheckedWithCausesAndSuppressed() {
    RuntimeException suppressedLeak = new RuntimeException("outer");
    suppressedLeak.addSuppressed(new RuntimeException("while closing " + TOKEN));

    assertThatThrownBy(() -> leaks.assertAbsentFrom(suppressedLeak)).hasMessageContaining("secret #1")
        .hasMessageContaining("java.lang.RuntimeException");
  }

  @Test
  void collectionsArraysAndMapsAreCheckedElementByElement() {
    Throwable nested = new IllegalStateException("ok", new RuntimeException(TOKEN));

    assertThatThrownBy(() -> leaks.assertAbsentFrom(List.of("ok", nested))).hasMessageContaining("value 1 of 1[1]");
    assertThatThrownBy(() -> leaks.assertAbsentFrom((Object) new Object[] {nested})).hasMessageContaining("[0]");
    assertThatThrownBy(() -> leaks.assertAbsentFrom(Map.of("k", nested))).hasMessageContaining("[k]");
  }

  @Test
  void secretsAreFoundInAnyCaseAndUrlEncoded() {
    String encoded = URLEncoder.encode(SIGNING, StandardCharsets.UTF_8);
    assertThat(encoded).isNotEqualTo(SIGNING);

    assertThatThrownBy(() -> leaks.assertAbsentFrom(TOKEN.toUpperCase())).hasMessageContaining("secret #1");
    assertThatThrownBy(() -> leaks.assertAbsentFrom("sign=" + encoded)).hasMessageContaining("secret #2");
  }

  @Test
  void everyLeakIsListedAtOnce() {
    LOG.warn("{}", TOKEN);

    assertThatThrownBy(() -> SecretLeaks.assertAbsent(List.of(TOKEN, SIGNING), SIGNING, "clean"))
        .hasMessageContaining("log event 1 of 1").hasMessageContaining("value 1 of 2");
  }

  @Test
  void shortSecretsAreRefused() {
    assertThatThrownBy(() -> SecretLeaks.of("abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 8");
  }
}
