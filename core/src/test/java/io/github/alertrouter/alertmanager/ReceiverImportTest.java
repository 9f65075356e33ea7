package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Receivers' {@code webhook_configs} become robots, the way teams that route Alertmanager into
 * chats write them today: a robot's own webhook, a prometheus-webhook-dingtalk target, a
 * PrometheusAlert endpoint. The tokens in those URLs never appear in a warning or in the YAML.
 */
class ReceiverImportTest {
  private static final String DING_TOKEN = "d1ngt0k3n5ecret";
  private static final String WECOM_KEY = "w3c0mk3y5ecret";
  private static final String LARK_HOOK = "l4rkh00k5ecret";

  @Test
  void robotWebhooksBecomeRobotsOfTheirPlatformAndTheRouteSendsToThem() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route:
          receiver: ops
          routes:
            - { matchers: [team="db"], receiver: db }
        receivers:
          - name: ops
            webhook_configs:
              - url: https://oapi.dingtalk.com/robot/send?access_token=%s
          - name: db
            webhook_configs:
              - url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s
              - url: https://open.feishu.cn/open-apis/bot/v2/hook/%s
        """.formatted(DING_TOKEN, WECOM_KEY, LARK_HOOK), "am.yml");

    RouterConfig config = result.config();
    assertThat(config.robots()).extracting(Robot::id, Robot::platform)
        .containsExactly(tuple("ops", "dingtalk"), tuple("db", "wecom"), tuple("db-2", "lark"));
    assertThat(config.robots().get(0).webhook().reveal()).endsWith(DING_TOKEN);
    NotificationPolicy root = config.notificationPolicies().get(0);
    assertThat(root.notifyRule().robots()).containsExactly("ops");
    assertThat(root.routes().get(0).notifyRule().robots()).containsExactly("db", "db-2");

    assertThat(result.warnings()).contains(
        "receivers[0].webhook_configs[0].url: robot \"ops\" (dingtalk): set ROBOT_OPS_WEBHOOK to this URL"
            + " (not printed: it holds the access token); if the robot signs, add secret:");
    String yaml = ConfigWriter.toYaml(config);
    assertThat(yaml).contains("webhook: \"${ROBOT_OPS_WEBHOOK}\"", "webhook: \"${ROBOT_DB_2_WEBHOOK}\"");
    for (String secret : List.of(DING_TOKEN, WECOM_KEY, LARK_HOOK)) {
      assertThat(yaml).doesNotContain(secret);
      assertThat(result.warnings()).noneMatch(w -> w.contains(secret));
    }
  }

  @Test
  void theImportedYamlLoadsBackWithTheVariablesSet() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: ops }
        receivers:
          - name: ops
            webhook_configs: [ { url: "https://oapi.dingtalk.com/robot/send?access_token=%s", send_resolved: false } ]
        """.formatted(DING_TOKEN), "am.yml");

    RouterConfig loaded = RouterConfig.parse(ConfigWriter.toYaml(result.config()), "imported.yaml",
        Map.of("ROBOT_OPS_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN));

    assertThat(loaded).isEqualTo(result.config());
    assertThat(loaded.notificationPolicies().get(0).sendResolved()).isFalse();
  }

  @Test
  void prometheusWebhookDingtalkTargetsBecomeOneRobotPerTargetWhoseUrlIsSetLater() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route:
          receiver: web
          routes:
            - { matchers: [team="db"], receiver: db }
        receivers:
          - name: web
            webhook_configs: [ { url: "http://dingtalk-webhook:8060/dingtalk/webhook1/send" } ]
          - name: db
            webhook_configs:
              - url: "http://dingtalk-webhook:8060/dingtalk/webhook1/send"
              - url: "http://dingtalk-webhook:8060/dingtalk/dba_team/send"
        """, "am.yml");

    assertThat(result.config().robots()).extracting(Robot::id, Robot::platform)
        .containsExactly(tuple("webhook1", "dingtalk"), tuple("dba_team", "dingtalk"));
    assertThat(result.config().notificationPolicies().get(0).routes().get(0).notifyRule().robots())
        .containsExactly("webhook1", "dba_team");
    assertThat(result.warnings()).contains("receivers[0].webhook_configs[0].url: robot \"webhook1\" (dingtalk): set"
        + " ROBOT_WEBHOOK1_WEBHOOK to the url of prometheus-webhook-dingtalk's target \"webhook1\" in its config.yml"
        + " (and add secret: if the target has one)");
  }

  @Test
  void prometheusAlertUrlsBecomeRobotsAndItsAtNumbersContactsTheReceiverMentions() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: pa }
        receivers:
          - name: pa
            webhook_configs:
              - url: "http://pa:8080/prometheusalert?type=dd&tpl=prometheus-dd&ddurl=https://oapi.dingtalk.com/robot/send?access_token=%s&at=18888888888,13900000000"
        """.formatted(DING_TOKEN), "am.yml");

    RouterConfig config = result.config();
    assertThat(config.robots()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("pa");
      assertThat(r.platform()).isEqualTo("dingtalk");
      assertThat(r.webhook().reveal()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN);
    });
    assertThat(config.contacts()).extracting(c -> c.id() + " " + c.mobile())
        .containsExactly("mobile-18888888888 18888888888", "mobile-13900000000 13900000000");
    assertThat(config.notificationPolicies().get(0).notifyRule().mention())
        .containsExactly(MentionTarget.parse("contact:mobile-18888888888"), MentionTarget.parse("contact:mobile-13900000000"));
    assertThat(result.warnings()).anyMatch(w -> w.contains("PrometheusAlert template \"prometheus-dd\" not imported"));
    assertThat(result.warnings()).noneMatch(w -> w.contains(DING_TOKEN));
  }

  @Test
  void whatCannotBeCarriedIsWarnedFieldByField() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: ops }
        receivers:
          - name: ops
            webhook_configs:
              - url: "https://oapi.dingtalk.com/robot/send?access_token=%s"
                max_alerts: 5
                send_resolved: false
                http_config: { proxy_url: "http://proxy:3128" }
              - url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s"
              - url_file: /etc/am/url
              - url: "http://my-own-service/hook"
        """.formatted(DING_TOKEN, WECOM_KEY), "am.yml");

    assertThat(result.warnings()).contains(
        "receivers[0].webhook_configs[0].http_config: http_config not imported: alert-router posts to the platform"
            + " itself (its signing secret and keyword are robot settings)",
        "receivers[0].webhook_configs: receiver \"ops\": send_resolved differs between its webhook_configs;"
            + " alert-router sends resolved notices per policy, so all of them get them",
        "receivers[0].webhook_configs[2].url_file: url_file not imported: its URL is not in this file; add a robot"
            + " for it by hand",
        "receivers[0].webhook_configs[3].url: receiver \"ops\": the webhook URL is not a DingTalk, WeCom or Lark"
            + " robot, a prometheus-webhook-dingtalk target or a PrometheusAlert endpoint; not imported");
    assertThat(result.config().notificationPolicies().get(0).sendResolved()).isNull();
    assertThat(result.config().notificationPolicies().get(0).notifyRule().robots()).containsExactly("ops", "ops-2");
    assertThat(result.config().robots().get(0).maxAlerts()).isEqualTo(5);
    assertThat(result.warnings()).noneMatch(w -> w.contains("max_alerts"));
  }

  @Test
  void maxAlertsBecomesTheRobotsMaxAlertsWithoutAWarningAndZeroCarriesNothing() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: ops }
        receivers:
          - name: ops
            webhook_configs:
              - { url: "https://oapi.dingtalk.com/robot/send?access_token=%s", max_alerts: 10 }
              - { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s", max_alerts: 0 }
              - { url: "https://open.feishu.cn/open-apis/bot/v2/hook/%s" }
        """.formatted(DING_TOKEN, WECOM_KEY, LARK_HOOK), "am.yml");

    assertThat(result.config().robots()).extracting(Robot::id, Robot::options).containsExactly(
        tuple("ops", Map.of("maxAlerts", "10")), tuple("ops-2", Map.of()), tuple("ops-3", Map.of()));
    assertThat(result.warnings()).noneMatch(w -> w.contains("max_alerts"));
    String yaml = ConfigWriter.toYaml(result.config());
    assertThat(yaml).contains("maxAlerts: \"10\"");
    RouterConfig loaded = RouterConfig.parse(yaml, "imported.yaml", Map.of(
        "ROBOT_OPS_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN,
        "ROBOT_OPS_2_WEBHOOK", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY,
        "ROBOT_OPS_3_WEBHOOK", "https://open.feishu.cn/open-apis/bot/v2/hook/" + LARK_HOOK));
    assertThat(loaded.robots().get(0).maxAlerts()).isEqualTo(10);
  }

  @Test
  void maxAlertsReachesEveryRobotItsEntryMakes() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route: { receiver: pa }
        receivers:
          - name: pa
            webhook_configs:
              - url: "http://pa:8080/prometheusalert?ddurl=https://oapi.dingtalk.com/robot/send?access_token=%s&wxurl=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s"
                max_alerts: 3
              - { url: "http://dingtalk-webhook:8060/dingtalk/webhook1/send", max_alerts: 4 }
        """.formatted(DING_TOKEN, WECOM_KEY), "am.yml");

    assertThat(result.config().robots()).extracting(Robot::id, Robot::maxAlerts)
        .containsExactly(tuple("pa", 3), tuple("pa-2", 3), tuple("webhook1", 4));
  }

  @Test
  void aRobotTwoEntriesShareKeepsTheFirstEntrysMaxAlertsAndSaysSo() {
    AlertmanagerImport result = AlertmanagerConfigImporter.importYaml("""
        route:
          receiver: ops
          routes:
            - { matchers: [team="db"], receiver: db }
            - { matchers: [team="web"], receiver: web }
            - { matchers: [team="pay"], receiver: pay }
        receivers:
          - name: ops
            webhook_configs: [ { url: "https://oapi.dingtalk.com/robot/send?access_token=%1$s", max_alerts: 5 } ]
          - name: db
            webhook_configs: [ { url: "https://oapi.dingtalk.com/robot/send?access_token=%1$s", max_alerts: 20 } ]
          - name: web
            webhook_configs: [ { url: "https://oapi.dingtalk.com/robot/send?access_token=%1$s" } ]
          - name: pay
            webhook_configs: [ { url: "https://oapi.dingtalk.com/robot/send?access_token=%1$s", max_alerts: 5 } ]
        """.formatted(DING_TOKEN), "am.yml");

    assertThat(result.config().robots()).singleElement().satisfies(r -> assertThat(r.maxAlerts()).isEqualTo(5));
    assertThat(result.warnings().stream().filter(w -> w.contains("max_alerts")).toList()).containsExactly(
        "receivers[1].webhook_configs[0].max_alerts: robot \"ops\" was made by receivers[0].webhook_configs[0] with"
            + " max_alerts 5, which is kept; this entry's max_alerts 20 is not carried (a robot has one maxAlerts)",
        "receivers[2].webhook_configs[0].max_alerts: robot \"ops\" was made by receivers[0].webhook_configs[0] with"
            + " max_alerts 5, which is kept; this entry's no max_alerts (no limit) is not carried (a robot has one"
            + " maxAlerts)");
    assertThat(result.warnings()).noneMatch(w -> w.contains(DING_TOKEN));
  }

  @Test
  void aMaxAlertsAlertmanagerWouldRefuseIsAProblemNamingItsPath() {
    assertThatThrownBy(() -> AlertmanagerConfigImporter.importYaml("""
        route: { receiver: ops }
        receivers:
          - name: ops
            webhook_configs:
              - { url: "https://oapi.dingtalk.com/robot/send?access_token=%s", max_alerts: -1 }
              - { url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s", max_alerts: 2.5 }
              - { url: "https://open.feishu.cn/open-apis/bot/v2/hook/%s", max_alerts: ten }
        """.formatted(DING_TOKEN, WECOM_KEY, LARK_HOOK), "am.yml"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
            .containsExactly(
                "receivers[0].webhook_configs[0].max_alerts: must be a whole number >= 0 (0: no limit), but was \"-1\"",
                "receivers[0].webhook_configs[1].max_alerts: must be a whole number >= 0 (0: no limit), but was \"2.5\"",
                "receivers[0].webhook_configs[2].max_alerts: must be a whole number >= 0 (0: no limit), but was"
                    + " \"ten\""));
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
