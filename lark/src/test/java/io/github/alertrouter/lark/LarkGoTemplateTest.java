package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy's Go template (prometheus-webhook-dingtalk's style) through the router and the Lark simulator. */
class LarkGoTemplateTest {
  static final String TEMPLATE = """
      {{ define "__text_alert_list" }}{{ range . }}
      **告警名称:** {{ .Labels.alertname }}
      **告警级别:** {{ .Labels.severity | toUpper }}
      **触发时间:** {{ .StartsAt.Format "2006-01-02 15:04:05" }}
      **事件信息:** {{ .Annotations.summary }}
      {{ end }}{{ end }}
      {{ define "lark.content" }}**告警 [{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .GroupLabels.SortedPairs.Values | join " " }}**
      {{ if gt (len .Alerts.Firing) 0 -}}
      **====侦测到故障====**
      {{ template "__text_alert_list" .Alerts.Firing }}
      {{- end }}
      {{ end }}{{ template "lark.content" . }}""";

  private static RouterConfig config(String url, String msgType, String template) {
    return RouterConfig.builder()
        .contact(Contact.builder("alice").name("Alice").larkUserId("u-alice").build())
        .robot(Robot.builder("sre", "lark", Secret.of(url)).keyword("告警").option("msgType", msgType).build())
        .notificationPolicy(NotificationPolicy.builder("payments")
            .groupRule(GroupRule.builder().groupWait(Duration.ofSeconds(30)).groupingFields(List.of("alertname")).build())
            .notifyRule(NotifyRule.builder().robots("sre").mention("contact:alice").goTemplate("lark", template).build())
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
  }

  /** What the simulator received for one alert with a hostile summary, and the render failures. */
  private static List<ReceivedMessage> send(String msgType, String template, List<String> failures) {
    ManualScheduler scheduler = new ManualScheduler();
    try (LarkSimulator simulator = LarkSimulator.start(scheduler.clock());
        AlertRouter router = AlertRouter.builder()
            .config(config(simulator.robot("sre", null, "告警").webhook().reveal(), msgType, template))
            .scheduler(scheduler)
            .listener(new DeliveryListener() {
              @Override
              public void renderFailed(String robotId, Notification n, String problem) {
                failures.add(problem);
              }
            }).build()) {
      router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "severity", "critical"))
          .annotation("summary", "5xx 超过 5% <at user_id=\"all\"></at> **x**").startsAt(scheduler.clock().instant()).build());
      scheduler.advance(Duration.ofSeconds(30));
      return simulator.received("sre");
    }
  }

  @Test
  void aGoTemplateRendersTheCardTheSimulatorReceives() {
    List<String> failures = new ArrayList<>();
    List<ReceivedMessage> got = send("interactive", TEMPLATE, failures);

    assertThat(failures).isEmpty();
    assertThat(got).singleElement().satisfies(m -> {
      assertThat(m.text()).contains("""
          **告警 [FIRING:1] HighErrorRate**
          **====侦测到故障====**

          **告警名称:** HighErrorRate
          **告警级别:** CRITICAL
          **触发时间:** %s
          **事件信息:** 5xx 超过 5%% """.formatted(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .withZone(ZoneOffset.UTC).format(new ManualScheduler().clock().instant())));
      assertThat(m.body().toString()).doesNotContain("<at user_id=\\\"all\\\"");
      assertThat(m.mentions()).containsExactly("userId:u-alice");
    });
  }

  @Test
  void aTemplateThatFailsAtRenderTimeIsARenderFailure() {
    List<String> failures = new ArrayList<>();
    assertThat(send("interactive", "告警 {{ (index .Alerts 1).Labels.instance }}", failures)).isEmpty();
    assertThat(failures).singleElement().asString().startsWith("Lark template: template: lark:1:")
        .contains("index out of range: 1");
  }

  @Test
  void aTitleIsAConfigProblemForMessagesWithoutOne() {
    assertThat(Fixtures.PROVIDER.checkTemplate(new GoTemplateText("{{ .Status }}", "{{ .Status }}",
        GoTemplateText.Defaults.ALERTMANAGER, null).encoded()))
        .containsExactly("title: Lark messages have no title; leave it out");
  }

  @Test
  void aTemplateThatDoesNotParseIsAConfigProblemWithLineAndColumn() {
    assertThat(Fixtures.PROVIDER.checkTemplate(NotifyRule.goTemplate("告警\n{{ .Status }")))
        .containsExactly("template: lark:2:11: unexpected \"}\" in operand");
    assertThatThrownBy(() -> AlertRouter.builder().config(config("https://open.feishu.cn/open-apis/bot/v2/hook/t",
        "interactive", "{{ if .Status }}")).build())
        .hasMessageContaining("notificationPolicies[0].notifyRule.templates.lark: template: lark:1:16: unexpected EOF");
  }
}
