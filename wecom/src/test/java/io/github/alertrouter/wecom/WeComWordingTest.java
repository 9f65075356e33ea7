package io.github.alertrouter.wecom;

import static io.github.alertrouter.wecom.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

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

/** WeCom's built-in words in en and zh-CN in every message type, against the wording contract and the WeCom simulator. */
class WeComWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new WeComProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return WeComSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "text"), Map.of("msgType", "markdown_v2"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return Fixtures.withinLimit(message);
  }

  @Test
  void aZhCnMarkdownAndText() {
    Alert gone = Fixtures.alert("HighLatency", "web-2").resolvedAt(T0.plusSeconds(3900));
    Notification n = Fixtures.notification(List.of(Fixtures.alert("HighLatency", "web-1")), List.of(gone), List.of());

    String md = Fixtures.content(Fixtures.render(n, List.of(),
        Fixtures.robot(Map.of("locale", "zh-CN", "timeZone", "Asia/Shanghai")), null).get(0));
    assertThat(md).startsWith("## <font color=\"warning\">🔥 告警:1 · ✅ 恢复:1</font> HighLatency payments")
        .contains("> <font color=\"comment\">分组: alertname=HighLatency, service=payments</font>")
        .contains("> <font color=\"comment\">策略: payments-oncall · 原因: 首次通知</font>")
        .contains("<font color=\"warning\">🔥 告警</font> **HighLatency** · critical")
        .contains("<font color=\"info\">✅ 恢复</font> **HighLatency** · critical · 持续 1h 5m")
        .contains("<font color=\"comment\">开始于 2026-03-08 10:00:05 CST (+08:00)</font> · "
            + "[来源](https://prometheus.example.com/graph?g0.expr=up)");

    String text = Fixtures.content(Fixtures.render(n, List.of(),
        Fixtures.robot(Map.of("locale", "zh-CN", "msgType", "text")), null).get(0));
    assertThat(text).startsWith("🔥 告警:1 · ✅ 恢复:1 HighLatency payments")
        .contains("策略: payments-oncall · 原因: 首次通知", "🔥 告警 **HighLatency**".replace("**", ""),
            "来源: https://prometheus.example.com/graph?g0.expr=up", "结束于 2026-03-08 03:05:05 UTC (+00:00)");
  }
}
