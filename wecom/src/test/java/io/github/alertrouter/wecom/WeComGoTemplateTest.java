package io.github.alertrouter.wecom;

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

/** A policy's Go template (prometheus-webhook-dingtalk's style) through the router and the WeCom simulator. */
class WeComGoTemplateTest {
  static final String TEMPLATE = """
      {{ define "__text_alert_list" }}{{ range . }}
      > 告警名称: {{ .Labels.alertname }}
      > 告警级别: <font color="warning">{{ .Labels.severity | toUpper }}</font>
      > 触发时间: {{ .StartsAt.Format "2006-01-02 15:04:05" }}
      > 事件信息: {{ .Annotations.summary }}
      {{ end }}{{ end }}
      {{ define "wecom.content" }}## [{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .GroupLabels.SortedPairs.Values | join " " }}
      {{ if gt (len .Alerts.Firing) 0 -}}
      **====侦测到故障====**
      {{ template "__text_alert_list" .Alerts.Firing }}
      {{- end }}
      {{ end }}{{ template "wecom.content" . }}""";

  private static RouterConfig config(String url, String template) {
    return RouterConfig.builder()
        .contact(Contact.builder("alice").name("Alice").weComUserId("alice.wang").build())
        .robot(Robot.builder("sre", "wecom", Secret.of(url)).build())
        .notificationPolicy(NotificationPolicy.builder("payments")
            .groupRule(GroupRule.builder().groupWait(Duration.ofSeconds(30)).groupingFields(List.of("alertname")).build())
            .notifyRule(NotifyRule.builder().robots("sre").mention("contact:alice").goTemplate("wecom", template).build())
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
  }

  /** What the simulator received for one alert with a hostile summary, and the render failures. */
  private static List<ReceivedMessage> send(String template, List<String> failures) {
    ManualScheduler scheduler = new ManualScheduler();
    try (WeComSimulator simulator = WeComSimulator.start(scheduler.clock());
        AlertRouter router = AlertRouter.builder()
            .config(config(simulator.robot("sre", null).webhook().reveal(), template))
            .scheduler(scheduler)
            .listener(new DeliveryListener() {
              @Override
              public void renderFailed(String robotId, Notification n, String problem) {
                failures.add(problem);
              }
            }).build()) {
      router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "severity", "critical"))
          .annotation("summary", "5xx 超过 5% <@all> <font color=\"info\">ok</font>")
          .startsAt(scheduler.clock().instant()).build());
      scheduler.advance(Duration.ofSeconds(30));
      return simulator.received("sre");
    }
  }

  @Test
  void aGoTemplateRendersTheMarkdownTheSimulatorReceives() {
    List<String> failures = new ArrayList<>();
    List<ReceivedMessage> got = send(TEMPLATE, failures);

    assertThat(failures).isEmpty();
    String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
        .format(new ManualScheduler().clock().instant());
    assertThat(got.get(0).msgType()).isEqualTo("markdown");
    assertThat(got.get(0).text()).isEqualTo("""
        ## [FIRING:1] HighErrorRate
        **====侦测到故障====**

        > 告警名称: HighErrorRate
        > 告警级别: <font color="warning">CRITICAL</font>
        > 触发时间: STARTED
        > 事件信息: 5xx 超过 5% ＜＠all> ＜font color="info">ok＜/font>
        <@alice.wang>""".replace("STARTED", started));
    assertThat(got).flatExtracting(ReceivedMessage::mentions).containsOnly("userId:alice.wang");
  }

  @Test
  void aTemplateThatFailsAtRenderTimeIsARenderFailure() {
    List<String> failures = new ArrayList<>();
    assertThat(send("{{ (index .Alerts 1).Labels.instance }}", failures)).isEmpty();
    assertThat(failures).singleElement().asString().startsWith("WeCom template: template: wecom:1:")
        .contains("index out of range: 1");
  }

  @Test
  void aTitleIsAConfigProblemForMessagesWithoutOne() {
    assertThat(Fixtures.PROVIDER.checkTemplate(new GoTemplateText("{{ .Status }}", "{{ .Status }}",
        GoTemplateText.Defaults.ALERTMANAGER, null).encoded()))
        .containsExactly("title: WeCom messages have no title; leave it out");
  }

  @Test
  void aTemplateThatDoesNotParseIsAConfigProblemWithLineAndColumn() {
    assertThat(Fixtures.PROVIDER.checkTemplate(NotifyRule.goTemplate("告警\n\n  {{ end }}")))
        .containsExactly("template: wecom:3:9: unexpected {{end}}");
    assertThatThrownBy(() -> AlertRouter.builder().config(config("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
        "{{ if .Status }}")).build())
        .hasMessageContaining("notificationPolicies[0].notifyRule.templates.wecom: template: wecom:1:16: unexpected EOF");
  }
}
