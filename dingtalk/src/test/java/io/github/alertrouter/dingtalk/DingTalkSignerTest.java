package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkSignerTest {
  private static final String SECRET = "SEC000000000000000000000000000000000000000000000000000000000000000";

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("docs/platforms.md §4 main vector", 1700000000000L,
            "mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg=",
            "mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D"),
        Arguments.of("docs/platforms.md §4 vector with + and /", 1700000000012L,
            "5GlV8OB1zl5NnqOOxkUmhykXDpH+32R/8f7jGFN6ZRY=",
            "5GlV8OB1zl5NnqOOxkUmhykXDpH%2B32R%2F8f7jGFN6ZRY%3D"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesThePlatformDocVectors(String name, long timestamp, String base64, String encoded) {
    assertThat(DingTalkSigner.signature(SECRET, timestamp)).isEqualTo(base64);
    assertThat(DingTalkSigner.encodedSignature(SECRET, timestamp)).isEqualTo(encoded);
  }

  static Stream<Arguments> webhooks() {
    return Stream.of(
        Arguments.of("token query: append with &", "https://oapi.dingtalk.com/robot/send?access_token=T",
            "https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1700000000000"
                + "&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D"),
        Arguments.of("no query: start one with ?", "http://127.0.0.1:9/robot/send",
            "http://127.0.0.1:9/robot/send?timestamp=1700000000000"
                + "&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D"),
        Arguments.of("trailing &: no second separator", "http://h/robot/send?access_token=T&",
            "http://h/robot/send?access_token=T&timestamp=1700000000000"
                + "&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("webhooks")
  void appendsTimestampAndSign(String name, String webhook, String expected) {
    assertThat(DingTalkSigner.sign(webhook, SECRET, 1700000000000L)).isEqualTo(expected);
  }

  @Test
  void larkStyleSigningOfTheSameInputsDiffers() throws Exception {
    // key and message swapped (Lark's scheme): the docs/platforms.md §4 negative vector, which DingTalk must reject
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(("1700000000000\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String larkStyle = Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));

    assertThat(larkStyle).isEqualTo("j5ppMFI/iXsKCHUEu/4F656mx541sXFLKGHcssf2jTM=");
    assertThat(DingTalkSigner.signature(SECRET, 1700000000000L)).isNotEqualTo(larkStyle);
  }

  @Test
  void theTimestampChangesTheSignature() {
    assertThat(DingTalkSigner.signature(SECRET, 1700000000000L))
        .isNotEqualTo(DingTalkSigner.signature(SECRET, 1700000000001L));
  }
}
