package io.github.alertrouter.wecom;

import static io.github.alertrouter.wecom.Fixtures.T0;
import static io.github.alertrouter.wecom.Fixtures.content;
import static io.github.alertrouter.wecom.Fixtures.notification;
import static io.github.alertrouter.wecom.Fixtures.robot;
import static io.github.alertrouter.wecom.Fixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The robot option {@code maxAlerts} (Alertmanager's {@code max_alerts}) in every WeCom message
 * type: a message lists at most that many alerts and counts the rest as it counts those over the
 * size limit.
 */
class WeComMaxAlertsTest {
  /** Five firing alerts, most severe first as the message lists them. */
  private static final List<String> SEVERITIES = List.of("critical", "critical", "critical", "warning", "info");

  private static Notification five() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      alerts.add(Alert.firing(Map.of("alertname", "HighLatency", "service", "payments", "severity", SEVERITIES.get(i),
              "instance", "web-" + i))
          .annotation("summary", "p99 latency above 2s on web-" + i)
          .startsAt(T0)
          .build());
    }
    return notification(alerts, List.of(), List.of());
  }

  /** The alert messages (not a mention follow-up): those that list alerts. */
  private static List<OutboundMessage> render(String type, Map<String, String> options) {
    Map<String, String> all = new HashMap<>(options);
    all.put("msgType", type);
    return Fixtures.render(five(), List.of(userId("Alice", "alice")), robot(all), null).stream()
        .filter(m -> content(m).contains("web-")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "markdown_v2", "text"})
  void fiveAlertsWithMaxAlertsTwoListTwoAndCountTheThreeLeftOut(String type) {
    assertThat(render(type, Map.of("maxAlerts", "2"))).singleElement().satisfies(m -> {
      assertThat(content(m)).contains("web-0", "web-1").doesNotContain("web-2", "web-3", "web-4")
          .contains("…and 3 more alerts (1 critical · 1 warning · 1 info)");
      assertThat(m.omittedAlerts()).isEqualTo(3);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "markdown_v2", "text"})
  void theCountOfLeftOutAlertsIsInTheRobotsLanguage(String type) {
    assertThat(render(type, Map.of("maxAlerts", "2", "locale", "zh-CN"))).singleElement().satisfies(m -> {
      assertThat(content(m)).contains("web-1", "…另有 3 条告警未列出").doesNotContain("web-2", "more alerts");
      assertThat(m.omittedAlerts()).isEqualTo(3);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "markdown_v2", "text"})
  void withoutMaxAlertsEveryAlertThatFitsIsListed(String type) {
    assertThat(render(type, Map.of())).singleElement().satisfies(m -> {
      assertThat(content(m)).contains("web-4").doesNotContain("more alert");
      assertThat(m.omittedAlerts()).isZero();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "markdown_v2", "text"})
  void splitSendsEveryAlertInPartsOfAtMostMaxAlerts(String type) {
    List<OutboundMessage> out = render(type, Map.of("maxAlerts", "2", "overflow", "split"));

    assertThat(out).hasSize(3).allSatisfy(m -> assertThat(m.omittedAlerts()).isZero());
    assertThat(content(out.get(0))).contains("web-0", "web-1").doesNotContain("web-2");
    assertThat(content(out.get(1))).contains("web-2", "web-3").doesNotContain("web-1", "web-4");
    assertThat(content(out.get(2))).contains("web-4").doesNotContain("web-3");
  }
}
