package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotificationLink.Kind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.WordingContractTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DingTalk's built-in words in en and zh-CN in every message type, against the wording contract and the DingTalk simulator. */
class DingTalkWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new DingTalkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "actionCard"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() <= 20_000;
  }

  @Test
  void aZhCnMarkdownAndActionCard() {
    Alert gone = Fixtures.alert("HighLatency", "web-9").resolvedAt(T0.plus(Duration.ofMinutes(65)));
    Notification n = Fixtures.notification(List.of(Fixtures.alert("HighLatency", "web-1"),
        Fixtures.alert("HighLatency", "web-2")), List.of(gone), List.of(
            new NotificationLink(Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb/latency"),
            new NotificationLink(Kind.SILENCE, "Silence 1h", "https://ops.example.com/silence?g=1")));
    Map<String, String> zh = Map.of("locale", "zh-CN", "timeZone", "Asia/Shanghai");

    List<OutboundMessage> out = Fixtures.render(n, Fixtures.mentions(), Fixtures.robot("alert", zh), null);

    JsonNode root = Fixtures.parse(out.get(0));
    assertThat(root.at("/markdown/title").asText()).isEqualTo("[alert] [告警:2] HighLatency payments");
    assertThat(Fixtures.text(out.get(0))).startsWith("### [alert] 🔥 告警:2 · ✅ 恢复:1 · HighLatency payments")
        .contains("**分组:** alertname=HighLatency, service=payments")
        .contains("**策略:** payments-oncall · **原因:** 首次通知")
        .contains("**告警中**", "**已恢复**", "✅ **HighLatency** · critical · 持续 1h 5m")
        .contains("开始于 2026-03-08 10:00:05 CST (+08:00) · 结束于 2026-03-08 11:05:05 CST (+08:00)")
        .contains("[来源](https://prometheus.example.com/graph?g0.expr=up)")
        .contains("[处理手册](https://ops.example.com/rb/latency) · [静默 1 小时](https://ops.example.com/silence?g=1)")
        .endsWith("\n@13800000001 @0123");
    assertThat(root.at("/at/atMobiles")).extracting(JsonNode::asText).containsExactly("13800000001");

    List<OutboundMessage> card = Fixtures.render(n, Fixtures.mentions(),
        Fixtures.robot("alert", Map.of("locale", "zh-CN", "msgType", "actionCard")), null);
    JsonNode c = Fixtures.parse(card.get(0));
    assertThat(c.at("/actionCard/title").asText()).isEqualTo("[alert] [告警:2] HighLatency payments");
    assertThat(c.at("/actionCard/btns")).extracting(b -> b.get("title").asText()).containsExactly("处理手册", "静默 1 小时");
    assertThat(Fixtures.text(card.get(1))).startsWith("[alert] [告警:2] HighLatency payments").contains("@13800000001");
  }
}
