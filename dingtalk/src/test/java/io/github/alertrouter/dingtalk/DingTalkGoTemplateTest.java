package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.T0;
import static io.github.alertrouter.dingtalk.Fixtures.mentions;
import static io.github.alertrouter.dingtalk.Fixtures.notification;
import static io.github.alertrouter.dingtalk.Fixtures.render;
import static io.github.alertrouter.dingtalk.Fixtures.robot;
import static io.github.alertrouter.dingtalk.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy's Go template (prometheus-webhook-dingtalk's style) through the router and the simulator. */
class DingTalkGoTemplateTest {
  /** prometheus-webhook-dingtalk's default layout, with Alertmanager 0.25's functions. */
  static final String TEMPLATE = """
      {{ define "__text_alert_list" }}{{ range . }}
      **告警名称:** {{ .Labels.alertname }}

      **告警级别:** {{ .Labels.severity | toUpper }}

      **触发时间:** {{ .StartsAt.Format "2006-01-02 15:04:05" }}

      **事件信息:** {{ .Annotations.summary }}

      **实例:** {{ .Labels.instance }}
      {{ end }}{{ end }}
      {{ define "ding.link.content" }}#### 告警 \\[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}\\] {{ .GroupLabels.SortedPairs.Values | join " " }}
      {{ if gt (len .Alerts.Firing) 0 -}}
      **====侦测到故障====**
      {{ template "__text_alert_list" .Alerts.Firing }}
      {{- end }}
      {{- if gt (len .Alerts.Resolved) 0 }}
      **====故障已恢复====**
      {{ template "__text_alert_list" .Alerts.Resolved }}
      {{- end }}
      {{ end }}{{ template "ding.link.content" . }}""";

  @Test
  void aGoTemplateRendersTheMessageTheSimulatorReceives() {
    ManualScheduler scheduler = new ManualScheduler();
    try (DingTalkSimulator simulator = DingTalkSimulator.start(scheduler.clock())) {
      String url = simulator.robot("sre-ding", "SECsigning", "告警").webhook().reveal();
      List<String> failures = new ArrayList<>();
      RouterConfig config = RouterConfig.builder()
          .contact(Contact.builder("alice").name("Alice Zhang").mobile("+86 138 0000 0001").build())
          .robot(Robot.builder("sre-ding", "dingtalk", Secret.of(url)).secret(Secret.of("SECsigning")).keyword("告警")
              .option("msgType", "markdown").build())
          .notificationPolicy(NotificationPolicy.builder("payments")
              .matching(Condition.eq("team", "payments"))
              .groupRule(GroupRule.builder().groupWait(Duration.ofSeconds(30)).groupingFields(List.of("alertname")).build())
              .notifyRule(NotifyRule.builder().robots("sre-ding").mention("contact:alice")
                  .goTemplate("dingtalk", TEMPLATE).build())
              .repeatInterval(Duration.ofHours(1))
              .build())
          .build();
      try (AlertRouter router = AlertRouter.builder().config(config).scheduler(scheduler)
          .listener(new DeliveryListener() {
            @Override
            public void renderFailed(String robotId, Notification n, String problem) {
              failures.add(problem);
            }
          }).build()) {
        String started = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC).format(scheduler.clock().instant());
        router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments", "severity", "critical",
                "instance", "web-1"))
            .annotation("summary", "5xx 超过 5% @all").startsAt(scheduler.clock().instant()).build());
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(failures).isEmpty();
        assertThat(simulator.received("sre-ding")).singleElement().satisfies(m -> {
          assertThat(m.text()).isEqualTo("""
              #### 告警 \\[FIRING:1\\] HighErrorRate
              **====侦测到故障====**

              **告警名称:** HighErrorRate

              **告警级别:** CRITICAL

              **触发时间:** STARTED

              **事件信息:** 5xx 超过 5% ＠all

              **实例:** web-1

              @13800000001""".replace("STARTED", started));
          assertThat(m.mentions()).containsExactly("mobile:13800000001");
        });
      }
    }
  }

  @Test
  void hostileValuesAreEscapedTheTemplatesMarkupIsNot() {
    Alert a = Alert.firing(Map.of("alertname", "X", "team", "@all <at user_id=\"all\"> [c](http://evil)"))
        .annotation("summary", "**bold** @13800000009").startsAt(T0).build();
    String template = "**{{ .Status }}** {{ range .Alerts }}- {{ .Annotations.summary }}"
        + "{{ range .Labels.SortedPairs }} {{ .Name }}={{ .Value }}{{ end }}{{ end }}\n{{ .mentions }}";
    String text = text(render(notification(List.of(a), List.of(), List.of()), mentions(), robot(),
        NotifyRule.goTemplate(template)).get(0));

    assertThat(text).startsWith("**firing** - ＊＊bold＊＊ ＠13800000009")
        .contains("team=＠all ＜at user_id=\"all\"> ［c］(http://evil)")
        .doesNotContain("@all", "<at", "](http://evil", "@13800000009")
        .endsWith("@13800000001 @0123");
    assertThat(text.split("@13800000001", -1)).hasSize(2);
  }

  @Test
  void mentionsATemplateLeavesOutAreAppended() {
    String text = text(render(Fixtures.firing(1), mentions(), robot(), NotifyRule.goTemplate("just {{ .Status }}")).get(0));
    assertThat(text).isEqualTo("just firing\n\n@13800000001 @0123");
  }

  @Test
  void aTitleReplacesTheBuiltInTitleOfMarkdownAndCards() {
    String template = new GoTemplateText("{{ template \"ding.link.content\" . }}", "{{ template \"ding.link.title\" . }}",
        GoTemplateText.Defaults.WEBHOOK_DINGTALK, List.of()).encoded();
    Notification n = Fixtures.firing(1);

    JsonNode markdown = Fixtures.parse(render(n, mentions(), robot(), template).get(0)).get("markdown");
    assertThat(markdown.get("title").asText()).startsWith("[FIRING:1] ").doesNotContain("\n");
    assertThat(markdown.get("text").asText()).startsWith("#### \\[FIRING:1\\] **[");
    Robot card = robot().toBuilder().option("msgType", "actionCard").build();
    Notification linked = Fixtures.notification(List.of(Fixtures.alert("HighLatency", "web-0")), List.of(),
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb")));
    assertThat(Fixtures.parse(render(linked, mentions(), card, template).get(0)).get("actionCard").get("title").asText())
        .startsWith("[FIRING:1] ");
    // without a title, the built-in one
    assertThat(Fixtures.parse(render(n, mentions(), robot(), NotifyRule.goTemplate("x")).get(0))
        .get("markdown").get("title").asText()).isEqualTo(Fixtures.parse(render(n, mentions(), robot(), null).get(0))
        .get("markdown").get("title").asText());
  }

  @Test
  void aTemplateThatDoesNotParseIsAConfigProblemWithLineAndColumn() {
    assertThat(Fixtures.PROVIDER.checkTemplate(NotifyRule.goTemplate("告警\n{{ range .Alerts }}\n  {{ .Labels.x }")))
        .containsExactly("template: dingtalk:3:15: unexpected \"}\" in operand");
  }

  private static RouterConfig config(String url, String template) {
    return RouterConfig.builder()
        .robot(Robot.builder("sre-ding", "dingtalk", Secret.of(url)).keyword("告警").build())
        .notificationPolicy(NotificationPolicy.builder("payments")
            .notifyRule(NotifyRule.builder().robots("sre-ding").goTemplate("dingtalk", template).build())
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
  }

  @Test
  void aTemplateThatFailsAtRenderTimeIsARenderFailure() {
    ManualScheduler scheduler = new ManualScheduler();
    try (DingTalkSimulator simulator = DingTalkSimulator.start(scheduler.clock())) {
      List<String> problems = new ArrayList<>();
      // the sample notification has two alerts, so the check passes; this one has one
      String template = "告警 {{ (index .Alerts 1).Labels.instance }}";
      try (AlertRouter router = AlertRouter.builder()
          .config(config(simulator.robot("sre-ding", null, "告警").webhook().reveal(), template))
          .scheduler(scheduler)
          .listener(new DeliveryListener() {
            @Override
            public void renderFailed(String robotId, Notification n, String problem) {
              problems.add(robotId + ": " + problem);
            }
          }).build()) {
        router.submit(Alert.firing(Map.of("alertname", "A")).startsAt(scheduler.clock().instant()).build());
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(problems).singleElement().asString().startsWith("sre-ding: DingTalk template: template: dingtalk:1:")
            .contains("error calling index: index out of range: 1");
        assertThat(simulator.received("sre-ding")).isEmpty();
      }
    }
  }

  @Test
  void theRouterRefusesAConfigWhoseTemplateDoesNotParse() {
    assertThatThrownBy(() -> AlertRouter.builder()
        .config(config("https://oapi.dingtalk.com/robot/send?access_token=t", "告警\n{{ if .Status }}{{ end"))
        .build())
        .hasMessageContaining("notificationPolicies[0].notifyRule.templates.dingtalk: template: dingtalk:2:")
        .hasMessageContaining("unclosed action");
  }
}
