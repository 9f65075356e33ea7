package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactionTest {
  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=abc123",
            "https://oapi.dingtalk.com/robot/send?access_token=***"),
        Arguments.of("dingtalk signed", "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=x%2B",
            "https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1&sign=***"),
        Arguments.of("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a-91f6",
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"),
        Arguments.of("lark", "https://open.feishu.cn/open-apis/bot/v2/hook/0f2e-aa?x=1",
            "https://open.feishu.cn/open-apis/bot/v2/hook/***?x=1"),
        Arguments.of("inside text", "POST http://127.0.0.1:5/robot/send?access_token=T failed",
            "POST http://127.0.0.1:5/robot/send?access_token=*** failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void urlsLoseTheirCredentials(String name, String url, String redacted) {
    assertThat(Redaction.url(url)).isEqualTo(redacted);
  }

  @Test
  void textLosesTheRobotsWebhookAndSecretWhereverTheyAppear() {
    Robot robot = new Robot("r", "x", Secret.of("https://h/custom/TOKEN42"), Secret.of("SECabc"), null);
    String text = "failed https://h/custom/TOKEN42 with SECabc";
    assertThat(Redaction.text(text, robot)).doesNotContain("TOKEN42").doesNotContain("SECabc");
  }
}
