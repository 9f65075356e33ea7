package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static io.github.alertrouter.dingtalk.Fixtures.mentions;
import static io.github.alertrouter.dingtalk.Fixtures.notification;
import static io.github.alertrouter.dingtalk.Fixtures.parse;
import static io.github.alertrouter.dingtalk.Fixtures.render;
import static io.github.alertrouter.dingtalk.Fixtures.robot;
import static io.github.alertrouter.dingtalk.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The robot option {@code maxAlerts} (Alertmanager's {@code max_alerts}): a message lists at most
 * that many alerts and counts the rest as it counts those over the size limit.
 */
class DingTalkMaxAlertsTest {
  /** Five firing alerts, most severe first as the message lists them. */
  private static final List<String> SEVERITIES = List.of("critical", "critical", "critical", "warning", "info");

  private static Alert alert(int i) {
    return Alert.firing(Map.of("alertname", "HighLatency", "service", "payments", "severity", SEVERITIES.get(i),
            "instance", "web-" + i))
        .annotation("summary", "p99 latency above 2s on web-" + i)
        .startsAt(T0)
        .build();
  }

  private static Notification five() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      alerts.add(alert(i));
    }
    return notification(alerts, List.of(), List.of());
  }

  private static int shown(String text) {
    return text.split("🔥 \\*\\*HighLatency\\*\\*", -1).length - 1;
  }

  @Test
  void fiveAlertsWithMaxAlertsTwoListTwoAndCountTheThreeLeftOut() {
    List<OutboundMessage> out = render(five(), mentions(), robot("alert", Map.of("maxAlerts", "2")), null);

    assertThat(out).singleElement().satisfies(m -> {
      String text = text(m);
      assertThat(shown(text)).isEqualTo(2);
      assertThat(text).contains("web-0", "web-1").doesNotContain("web-2", "web-3", "web-4")
          .contains("…and 3 more alerts (1 critical · 1 warning · 1 info)")
          .endsWith("@13800000001 @0123");
      assertThat(m.omittedAlerts()).isEqualTo(3);
      assertThat(parse(m).at("/at/atMobiles/0").asText()).isEqualTo("13800000001");
    });
  }

  @Test
  void theCountOfLeftOutAlertsIsInTheRobotsLanguage() {
    List<OutboundMessage> out =
        render(five(), List.of(), robot("alert", Map.of("maxAlerts", "2", "locale", "zh-CN")), null);

    assertThat(out).singleElement().satisfies(m -> {
      assertThat(text(m)).contains("…另有 3 条告警未列出").doesNotContain("more alerts");
      assertThat(m.omittedAlerts()).isEqualTo(3);
    });
  }

  @Test
  void withoutMaxAlertsEveryAlertThatFitsIsListed() {
    List<OutboundMessage> out = render(five(), mentions(), robot(), null);

    assertThat(out).singleElement().satisfies(m -> {
      assertThat(shown(text(m))).isEqualTo(5);
      assertThat(text(m)).doesNotContain("more alert");
      assertThat(m.omittedAlerts()).isZero();
    });
  }

  @Test
  void splitSendsEveryAlertInPartsOfAtMostMaxAlerts() {
    List<OutboundMessage> out =
        render(five(), mentions(), robot("alert", Map.of("maxAlerts", "2", "overflow", "split")), null);

    assertThat(out).hasSize(3).allSatisfy(m -> assertThat(m.omittedAlerts()).isZero());
    assertThat(out).extracting(m -> shown(text(m))).containsExactly(2, 2, 1);
    assertThat(out).extracting(m -> parse(m).at("/markdown/title").asText())
        .containsExactly("[alert] [FIRING:5] HighLatency payments (1/3)",
            "[alert] [FIRING:5] HighLatency payments (2/3)", "[alert] [FIRING:5] HighLatency payments (3/3)");
    assertThat(text(out.get(0))).endsWith("@13800000001 @0123");
    assertThat(text(out.get(1))).doesNotContain("@13800000001");
  }

  @Test
  void aDigestListsAtMostMaxAlertsOfItsAlertsInFull() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      alerts.add(alert(i));
    }
    Notification digest =
        new Notification("p", "{}", new TreeMap<>(), NotifyReason.DIGEST, alerts, List.of(), List.of(), T0, 3);

    OutboundMessage m = render(digest, List.of(), robot("alert", Map.of("maxAlerts", "2")), null).get(0);

    assertThat(shown(text(m))).isEqualTo(2);
    assertThat(text(m))
        .contains("p99 latency above 2s on web-1", "…and 3 more alerts", "**Digest:** merges 3 groups");
    assertThat(m.omittedAlerts()).isEqualTo(3);
  }

  @Test
  void aTemplateSeesOnlyTheListedAlertsAndTheCountIsAppendedWhenItLeavesItOut() {
    String template = "{{#firing}}- {{name}}: {{summary}}\n{{/firing}}";
    OutboundMessage m = render(five(), List.of(), robot("alert", Map.of("maxAlerts", "2")), template).get(0);

    assertThat(text(m)).contains("web-0", "web-1").doesNotContain("web-2").contains("…and 3 more alerts");
    assertThat(m.omittedAlerts()).isEqualTo(3);
  }
}
