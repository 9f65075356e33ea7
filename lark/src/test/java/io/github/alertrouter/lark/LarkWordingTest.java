package io.github.alertrouter.lark;

import static io.github.alertrouter.lark.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.WordingContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lark's built-in words in en and zh-CN in every message type, against the wording contract and the Lark simulator. */
class LarkWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new LarkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return LarkSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "interactive"), Map.of("msgType", "post"), Map.of("msgType", "text"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() + 100 <= 20_000;
  }

  @Test
  void aZhCnCardPostAndText() {
    Alert gone = Fixtures.alert("HighLatency", "web-9", "critical").resolvedAt(T0.plusSeconds(3700));
    Notification n = Fixtures.notification(List.of(Fixtures.alert("HighLatency", "web-1", "critical")), List.of(gone),
        Fixtures.LINKS);

    JsonNode card = Fixtures.parse(Fixtures.render(n, List.of(Fixtures.userId("Alice", "u1")),
        Fixtures.robot("alert", Map.of("locale", "zh-CN", "timeZone", "Asia/Shanghai")), null).get(0).body());
    assertThat(card.at("/card/header/title/content").asText()).isEqualTo("[alert] [告警:1] HighLatency payments");
    assertThat(card.at("/card/elements/0/text/content").asText()).startsWith("[alert] 🔥 告警:1 · ✅ 恢复:1")
        .contains("**策略:** payments&#45;oncall · **原因:** 首次通知"); // the card's markdown escapes a hyphen
    assertThat(card.toString()).contains("**告警中**", "**已恢复**", "持续 1h 1m", "开始于 2026-03-08 10:00:05 CST (+08:00)",
        "[来源](https://prometheus.example.com/graph?g0.expr=up)", "<at id=u1></at>");
    assertThat(card.findValue("actions").get(0).at("/text/content").asText()).isEqualTo("处理手册");

    JsonNode post = Fixtures.parse(Fixtures.render(n, List.of(),
        Fixtures.robot("alert", Map.of("locale", "zh-CN", "msgType", "post")), null).get(0).body());
    assertThat(post.at("/content/post/zh_cn/title").asText()).isEqualTo("[alert] [告警:1] HighLatency payments");
    assertThat(post.toString()).contains("{\"tag\":\"a\",\"text\":\"来源\"", "{\"tag\":\"a\",\"text\":\"处理手册\"");

    JsonNode text = Fixtures.parse(Fixtures.render(n, List.of(),
        Fixtures.robot("alert", Map.of("locale", "zh-CN", "msgType", "text")), null).get(0).body());
    assertThat(text.at("/content/text").asText()).startsWith("[alert] [告警:1] HighLatency payments")
        .contains("来源: https://prometheus.example.com/graph?g0.expr=up", "处理手册: https://ops.example.com/rb");
  }
}
