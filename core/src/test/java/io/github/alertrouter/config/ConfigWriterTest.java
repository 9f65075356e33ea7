package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.ConfigWriter.SecretMode;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {

  /** Exercises every record and the values YAML might misread: numbers, booleans, "${", "...". */
  static RouterConfig richConfig() {
    LocalDateTime monday = LocalDateTime.of(2026, 1, 5, 9, 0);
    return RouterConfig.builder()
        .contact(new Contact("alice", "Alice Zhang", "+86 138 0000 0001", "alice@example.com",
            Map.of("dingtalk", Map.of("userId", "0123"), "lark", Map.of("openId", "ou_7d8a"))))
        .contact(new Contact("bob", null, "13800000002", null, null))
        .contact(Contact.of("true", "yes"))
        .contactGroup(new ContactGroup("sre", "SRE team", List.of("alice", "bob")))
        .robot(new Robot("sre-ding", "dingtalk", Secret.of("https://oapi.dingtalk.com/robot/send?access_token=abc$def"),
            Secret.of("SEC:${123}"), "alert", Map.of("msgType", "actionCard", "timeZone", "Asia/Shanghai", "maxAlerts", "20")))
        .robot(new Robot("wecom.1", "wecom", Secret.of("http://localhost:8080/hook"), null, null))
        .schedule(new Schedule("primary", ZoneId.of("Asia/Shanghai"), "sre-ding", List.of(
            new ScheduleLayer("day", List.of("alice", "bob"), Rotation.WEEKLY, null, monday,
                List.of(new TimeRestriction(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    TimeOfDay.parse("09:00"), TimeOfDay.parse("24:00")))),
            new ScheduleLayer(null, List.of("bob"), Rotation.CUSTOM, Duration.ofHours(12), monday.plusSeconds(30), null)),
            List.of(new ScheduleOverride("alice", monday, monday.plusDays(1)))))
        .schedule(new Schedule("follow-the-sun", "Follow the sun: ${not-env}", ZoneId.of("Europe/London"), null, List.of(
            new ScheduleLayer("weekdays", List.of("alice", "bob"), Rotation.DAILY, null, monday,
                monday.minusDays(3), monday.plusYears(1),
                List.of(TimeRestriction.daily(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                    TimeOfDay.parse("09:00"), TimeOfDay.parse("18:00")))),
            new ScheduleLayer("weekend", List.of("bob"), Rotation.WEEKLY, null, monday.minusDays(3), null, null,
                List.of(TimeRestriction.weekly(DayOfWeek.FRIDAY, TimeOfDay.parse("18:00"),
                    DayOfWeek.MONDAY, TimeOfDay.parse("09:00"))))),
            List.of(), true))
        .escalationPolicy(new EscalationPolicy("payments", List.of(
            new EscalationStep(Duration.ofMinutes(10), EscalationTrigger.UNACKED,
                List.of(MentionTarget.schedule("primary"), MentionTarget.parse("all")), List.of(),
                new StepRepeat(2, Duration.ofMillis(1500))),
            new EscalationStep(Duration.ofMinutes(30), EscalationTrigger.UNRESOLVED,
                List.of(MentionTarget.group("sre")), List.of("wecom.1"), null)), 2))
        .timeInterval(new TimeInterval("office", List.of(new TimePeriod(List.of("09:00-18:00"),
            List.of("monday:friday"), List.of("1:7", "-1"), List.of("1", "march"), List.of("2026"), "Asia/Shanghai"))))
        .timeInterval(new TimeInterval("never", List.of()))
        .notificationPolicy(NotificationPolicy.builder("payments-critical")
            .matching(Condition.eq("team", "payments"), Condition.in("severity", "critical", "1", "true"))
            .matching()
            .groupRule(new GroupRule(Duration.ofSeconds(5), Duration.ofSeconds(30), List.of("alertname", "...a")))
            .notifyRule(new NotifyRule(
                new NotifyWindow(EnumSet.allOf(DayOfWeek.class), TimeOfDay.parse("22:00"), TimeOfDay.parse("06:00"),
                    ZoneId.of("Europe/Berlin"), OutsideWindow.DROP),
                List.of("sre-ding"), List.of(MentionTarget.contact("alice"), MentionTarget.parse("label:owner")),
                Map.of("dingtalk", "### {{status}} ${not-env}\n{{#firing}}- {{summary}}\n{{/firing}}",
                    "lark", NotifyRule.goTemplate("{{ range .Alerts.Firing }}{{ .Labels.instance }} ${x}\n{{ end }}")), true))
            .escalationPolicy("payments")
            .sendResolved(true)
            .continueMatching(false)
            .muteTimeIntervals(List.of("never"))
            .activeTimeIntervals(List.of("office"))
            .routes(List.of(
                NotificationPolicy.builder(null).matching(Condition.re("env", "prod|staging")).build(),
                NotificationPolicy.builder("child")
                    .groupRule(new GroupRule(null, null, List.of()))
                    .notifyRule(new NotifyRule(null, List.of(), null))
                    .continueMatching(true)
                    .routes(List.of(NotificationPolicy.builder(null).repeatInterval(Duration.ofDays(1)).build()))
                    .build()))
            .build())
        .notificationPolicy(NotificationPolicy.builder("all").repeatInterval(Duration.ofHours(4)).build())
        .silence(new Silence("s1", List.of(Condition.nre("alertname", "Watchdog.*"), Condition.nin("a", "b")),
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T06:30:00.250Z"), "bob", "load test: ${x}"))
        .inhibitRule(new InhibitRule(List.of(Condition.eq("severity", "critical")),
            List.of(Condition.neq("severity", "critical")), List.of("alertname", "cluster")))
        .inhibitRule(new InhibitRule(List.of(), List.of(), List.of()))
        .build();
  }

  @Test
  void revealedYamlLoadsBackEqual() {
    RouterConfig config = richConfig();
    String yaml = ConfigWriter.toYaml(config, SecretMode.REVEAL);

    assertThat(RouterConfig.parse(yaml, "round-trip.yaml", Map.of())).isEqualTo(config);
  }

  @Test
  void aRobotsMaxAlertsIsWrittenBackAndLoadsAsItWasBuilt() {
    Robot robot = Robot.builder("ops", "lark", Secret.of("https://open.feishu.cn/open-apis/bot/v2/hook/x"))
        .maxAlerts(5).build();
    String yaml = ConfigWriter.toYaml(RouterConfig.builder().robot(robot).build(), SecretMode.REVEAL);

    assertThat(yaml).contains("maxAlerts: \"5\"");
    Robot loaded = RouterConfig.parse(yaml, "max.yaml", Map.of()).robots().get(0);
    assertThat(loaded).isEqualTo(robot);
    assertThat(loaded.maxAlerts()).isEqualTo(5);
  }

  @Test
  void aGoTemplateIsWrittenInTheSyntaxForm() {
    String yaml = ConfigWriter.toYaml(richConfig(), SecretMode.REVEAL);

    assertThat(yaml).contains("syntax: go").doesNotContain("{{/*");
  }

  @Test
  void placeholderYamlLoadsBackEqualGivenTheVariables() {
    RouterConfig config = richConfig();
    String yaml = ConfigWriter.toYaml(config);

    assertThat(yaml).contains("${ROBOT_WECOM_1_WEBHOOK}").doesNotContain("localhost");
    Map<String, String> env = Map.of(
        "ROBOT_SRE_DING_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=abc$def",
        "ROBOT_SRE_DING_SECRET", "SEC:${123}",
        "ROBOT_WECOM_1_WEBHOOK", "http://localhost:8080/hook");
    assertThat(RouterConfig.parse(yaml, "shared.yaml", env)).isEqualTo(config);
  }

  @Test
  void leavesOutWhatIsUnsetOrDefault() {
    RouterConfig config = RouterConfig.builder()
        .contact(Contact.of("alice", "alice"))
        .notificationPolicy(NotificationPolicy.builder("p").repeatInterval(Duration.ofMinutes(90)).build())
        .build();

    assertThat(ConfigWriter.toYaml(config)).isEqualTo("""
        contacts:
        - id: alice
        notificationPolicies:
        - name: p
          repeatInterval: 1h30m
        """);
  }

  @Test
  void emptyConfigIsAnEmptyMap() {
    assertThat(RouterConfig.parse(ConfigWriter.toYaml(RouterConfig.empty()), "e.yaml", Map.of()))
        .isEqualTo(RouterConfig.empty());
  }
}
