package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/platforms.md §4's Lark vectors, and the DingTalk-style computation that must not match them. */
class LarkSignerTest {
  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "demo-secret, 1700000000, mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=",
      "demo, 1599360473, l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8="})
  void reproducesTheVectors(String secret, long seconds, String sign) {
    assertThat(LarkSigner.signature(secret, seconds)).isEqualTo(sign);
  }

  @Test
  void theHexDigestMatchesToo() {
    byte[] digest = Base64.getDecoder().decode(LarkSigner.signature("demo-secret", 1700000000L));
    assertThat(java.util.HexFormat.of().formatHex(digest))
        .isEqualTo("9981f0d91d923a6f11c3fb277b7950766cf8b0e7e7b4a47ed4fffc44a293c260");
  }

  @Test
  void dingTalkStyleSigningGivesTheNegativeVectorsNotLarksAnswer() throws Exception {
    // Lark inputs signed DingTalk-style (key = secret, message = "ts\nsecret"): what buggy libraries send
    String wrong = hmac("demo-secret", "1700000000\ndemo-secret");
    assertThat(wrong).isEqualTo("QpuQa+geSeGNFIceuqIn2wMB7bl/MUclyiNJmHCj0uU=")
        .isNotEqualTo(LarkSigner.signature("demo-secret", 1700000000L));
    // DingTalk's inputs signed Lark-style
    String dingTalkSecret = "SEC000000000000000000000000000000000000000000000000000000000000000";
    assertThat(LarkSigner.signature(dingTalkSecret, 1700000000000L))
        .isEqualTo("j5ppMFI/iXsKCHUEu/4F656mx541sXFLKGHcssf2jTM=")
        .isNotEqualTo("mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg=");
  }

  @Test
  void theSignatureIsNotUrlEncoded() {
    assertThat(LarkSigner.signature("demo-secret", 1700000000L)).contains("/", "+", "=").doesNotContain("%");
  }

  private static String hmac(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
