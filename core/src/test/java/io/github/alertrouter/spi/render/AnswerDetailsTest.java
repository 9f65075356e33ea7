package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AnswerDetailsTest {
  private static final Robot ROBOT = new Robot("r1", "acme",
      Secret.of("https://acme.example/send?access_token=tok123"), Secret.of("SECsecret"), null);

  @Test
  void redactsTheRobotsCredentials() {
    assertThat(AnswerDetails.of("bad https://acme.example/send?access_token=tok123 sign SECsecret", ROBOT))
        .doesNotContain("tok123").doesNotContain("SECsecret").contains("***");
  }

  @Test
  void redactsBeforeCuttingSoNoHalfTokenSurvives() {
    String text = "x".repeat(AnswerDetails.MAX_CHARS - 5) + "SECsecret" + "y".repeat(10);
    String detail = AnswerDetails.of(text, ROBOT);
    assertThat(detail).doesNotContain("SEC").endsWith("…");
    assertThat(detail.length()).isEqualTo(AnswerDetails.MAX_CHARS + 1);
  }

  @Test
  void aBareCredentialIsRedactedToo() {
    assertThat(AnswerDetails.of("key abc-123 is invalid", ROBOT, "abc-123")).isEqualTo("key *** is invalid");
    assertThat(AnswerDetails.of("nothing", ROBOT, null)).isEqualTo("nothing");
  }

  @Test
  void describeFallsBackToTheClassName() {
    assertThat(AnswerDetails.describe(new IOException("reset"))).isEqualTo("reset");
    assertThat(AnswerDetails.describe(new IOException())).isEqualTo("IOException");
  }
}
