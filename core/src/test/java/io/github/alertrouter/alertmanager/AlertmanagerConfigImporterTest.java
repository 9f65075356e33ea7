package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerConfigImporterTest {
  private static final String RECEIVERS = """
      receivers:
        - name: root
        - name: a
        - name: b
      """;

  @Test
  void rootBecomesOnePolicyWithAlertmanagerDefaultsMadeExplicit() {
    NotificationPolicy root = importRoute("""
        route:
          receiver: root
          routes:
            - receiver: a
              matchers: [team="payments"]
        """);
    assertThat(root.name()).isEqualTo("root");
    assertThat(root.matchingRules()).isEmpty();
    assertThat(root.groupRule()).isEqualTo(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of()));
    assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
    NotificationPolicy child = root.routes().get(0);
    assertThat(child.name()).isEqualTo("a");
    assertThat(child.groupRule()).isEqualTo(GroupRule.INHERIT);
    assertThat(child.repeatInterval()).isNull();
    assertThat(child.continueMatching()).isNull();
  }

  @Test
  void allMatcherFormsBecomeOneAndRule() {
    NotificationPolicy child = importRoute("""
        route:
          receiver: root
          routes:
            - receiver: a
              match: { team: payments }
              match_re: { service: "pay_.*" }
              matchers: ['env=~"prod|staging"', 'severity!=info, tier!~"batch"']
        """).routes().get(0);
    assertThat(child.matchingRules()).containsExactly(new MatchingRule(List.of(
        Condition.eq("team", "payments"),
        Condition.re("service", "^(?:pay_.*)$"),
        Condition.re("env", "prod|staging"),
        Condition.neq("severity", "info"),
        Condition.nre("tier", "batch"))));
  }

  @Test
  void explicitSettingsAreKeptAndUnsetOnesInherit() {
    NotificationPolicy child = importRoute("""
        route:
          receiver: root
          group_by: ['...']
          group_wait: 1s
          routes:
            - matchers: [a=b]
              group_by: [alertname, cluster]
              group_interval: 1m
              repeat_interval: 1h30m
              continue: true
              mute_time_intervals: [nights]
              active_time_intervals: [days]
        time_intervals:
          - name: nights
            time_intervals: [ { times: [ { start_time: "22:00", end_time: "24:00" } ], location: Asia/Shanghai } ]
          - name: days
            time_intervals: [ { weekdays: ["monday:friday"] } ]
        """).routes().get(0);
    assertThat(child.name()).isNull();
    assertThat(child.groupRule()).isEqualTo(new GroupRule(null, Duration.ofMinutes(1), List.of("alertname", "cluster")));
    assertThat(child.repeatInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(child.continueMatching()).isTrue();
    assertThat(child.muteTimeIntervals()).containsExactly("nights");
    assertThat(child.activeTimeIntervals()).containsExactly("days");
  }

  @Test
  void emptyGroupByInheritsAsInAlertmanager() {
    NotificationPolicy root = importRoute("""
        route:
          receiver: root
          group_by: [cluster]
          routes:
            - { matchers: [a=b], group_by: [] }
            - { matchers: [a=c], group_by: ['...'] }
        """);
    assertThat(root.routes().get(0).groupRule().groupingFields()).isNull();
    assertThat(root.routes().get(1).groupRule().groupingFields()).containsExactly("...");
    assertThat(importRoute("route: { receiver: root, group_by: [] }").groupRule().groupingFields()).isEmpty();
  }

  @Test
  void importsInhibitRulesAndTimeIntervals() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: root }
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_match: { severity: warning }
            target_match_re: { alertname: "Disk.*" }
            equal: [cluster]
        time_intervals:
          - name: maintenance
            time_intervals:
              - times: [ { start_time: "02:00", end_time: "04:00" } ]
                weekdays: [saturday]
                days_of_month: ["1:7"]
                months: [january]
                years: ["2026"]
                location: Asia/Shanghai
        """ + RECEIVERS, "test.yml");
    var rule = result.config().inhibitRules().get(0);
    assertThat(rule.source()).containsExactly(Condition.eq("severity", "critical"));
    assertThat(rule.target()).containsExactly(Condition.eq("severity", "warning"), Condition.re("alertname", "^(?:Disk.*)$"));
    assertThat(rule.equal()).containsExactly("cluster");
    var period = result.config().timeIntervals().get(0).periods().get(0);
    assertThat(period.times()).containsExactly("02:00-04:00");
    assertThat(period.weekdays()).containsExactly("saturday");
    assertThat(period.daysOfMonth()).containsExactly("1:7");
    assertThat(period.location()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void warnsAboutEverythingNotImported() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        global: { resolve_timeout: 5m }
        templates: ['/etc/am/*.tmpl']
        route: { receiver: root }
        receivers:
          - name: root
            webhook_configs: [ { url: "http://x" } ]
            email_configs: [ { to: "a@b" } ]
        """, "test.yml");
    assertThat(result.warnings()).containsExactlyInAnyOrder(
        "global: not imported: global settings (SMTP, Slack, ... defaults) have no alert-router equivalent",
        "templates: not imported: Go templates are not used; alert-router renders messages per platform",
        "receivers[0].webhook_configs[0].url: receiver \"root\": the webhook URL is not a DingTalk, WeCom or Lark"
            + " robot, a prometheus-webhook-dingtalk target or a PrometheusAlert endpoint; not imported",
        "receivers[0]: receiver \"root\": email_configs not imported; "
            + "policy \"root\" routes to no robot until notifyRule.robots is set");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        row("unknown field", "route: { receiver: root, recevier: a }",
            "route.recevier: unknown field (Alertmanager 0.25 would refuse this config)"),
        row("undefined receiver", "route: { receiver: root, routes: [ { receiver: ghost } ] }",
            "route.routes[0].receiver: undefined receiver \"ghost\" used in route"),
        row("root matchers", "route: { receiver: root, matchers: [a=b] }", "route: root route must not have any matchers"),
        row("root continue", "route: { receiver: root, continue: true }", "route.continue: cannot have continue in root route"),
        row("root without receiver", "route: { group_wait: 1s }", "route.receiver: root route must specify a default receiver"),
        row("bad matcher", "route: { receiver: root, routes: [ { matchers: ['te am=\"a\"'] } ] }",
            "route.routes[0].matchers[0]: bad matcher format: te am=\"a\""),
        row("RE2-only regex", "route: { receiver: root, routes: [ { match_re: { a: 'x(?=y)' } } ] }",
            "route.routes[0].match_re.a: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        row("bad label name", "route: { receiver: root, routes: [ { match: { 1team: a } } ] }",
            "route.routes[0].match.1team: invalid label name \"1team\""),
        row("wildcard and labels", "route: { receiver: root, group_by: ['...', a] }",
            "route.group_by: cannot have wildcard group_by (`...`) and other other labels at the same time"),
        row("duplicate group_by", "route: { receiver: root, group_by: [a, a] }",
            "route.group_by[1]: duplicated label \"a\" in group_by"),
        row("zero group_interval", "route: { receiver: root, group_interval: 0s }",
            "route.group_interval: group_interval cannot be zero"),
        row("bad duration", "route: { receiver: root, group_wait: 5x }",
            "route.group_wait: must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"5x\""),
        row("undefined time interval", "route: { receiver: root, routes: [ { mute_time_intervals: [nights] } ] }",
            "route.routes[0].mute_time_intervals[0]: undefined time interval \"nights\" used in route"),
        row("no route", "inhibit_rules: []", "route: no routes provided"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesWhatAlertmanagerRefusesWithThePath(String name, String yaml, String problem) {
    assertThatThrownBy(() -> AlertmanagerConfigImporter.importYaml(yaml + "\n" + RECEIVERS, "test.yml"))
        .isInstanceOfSatisfying(ConfigException.class, e ->
            assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(problem));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> AlertmanagerConfigImporter.importYaml("""
        route:
          receiver: ghost
          routes:
            - matchers: ['a="b']
            - group_wait: soon
        """ + RECEIVERS, "test.yml"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("test.yml");
  }

  @Test
  void refusesDuplicateKeysAsAlertmanagerDoes() {
    assertThatThrownBy(() -> AlertmanagerConfigImporter.importYaml(
        "route:\n  receiver: root\n  receiver: a\n" + RECEIVERS, "dup.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("receiver");
  }

  @Test
  void importsEveryCapturedFixtureConfig() throws Exception {
    for (String scenario : List.of("a-two-instances", "b-cjk-markdown", "c-routing-continue", "d-max-alerts", "e-partial-resolve")) {
      Path file = Path.of(getClass().getResource("/fixtures/alertmanager-0.25/" + scenario + "/alertmanager.yml").toURI());
      AlertmanagerImport result = AlertmanagerConfigImporter.importFile(file);
      assertThat(result.config().notificationPolicies()).hasSize(1);
      // the harness's webhook is no chat robot: said per URL; its max_alerts goes with it, unsaid
      assertThat(result.warnings()).isNotEmpty().allMatch(w -> w.contains("the webhook URL is not a DingTalk")
          || w.contains("routes to no robot"), scenario);
    }
  }

  private static NotificationPolicy importRoute(String yaml) {
    String withIntervals = yaml;
    return AlertmanagerConfigImporter.importYaml(withIntervals + "\n" + RECEIVERS, "test.yml")
        .config().notificationPolicies().get(0);
  }

  private static Arguments row(String name, String yaml, String problem) {
    return Arguments.of(name, yaml, problem);
  }
}
