package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prometheus-webhook-dingtalk config.yml (the repository's sample, in its users' style) imported. */
class WebhookDingtalkImportTest {
  private static final Path SAMPLE = Path.of("..", "samples", "webhook-dingtalk.yml");

  @Test
  void eachTargetBecomesARobotAndAPolicyForItsUrl() {
    AlertmanagerImport result = WebhookDingtalkImporter.importFile(SAMPLE);
    RouterConfig config = result.config();

    assertThat(config.robots()).extracting(Robot::id).containsExactly("ops", "dba", "sre_all", "legacy");
    assertThat(config.robots()).allMatch(r -> r.platform().equals("dingtalk"));
    assertThat(config.robots().get(0).secret()).isNotNull();
    assertThat(config.robots().get(1).secret()).isNull();

    NotificationPolicy dba = config.notificationPolicies().get(1);
    assertThat(dba.name()).isEqualTo("dba");
    assertThat(dba.matchingRules()).singleElement()
        .satisfies(r -> assertThat(r.conditions()).containsExactly(Condition.eq("__target__", "dba")));
    assertThat(dba.notifyRule().robots()).containsExactly("dba");
    assertThat(dba.notifyRule().mention()).containsExactly(
        MentionTarget.parse("contact:mobile-13800000001"), MentionTarget.parse("contact:mobile-13900000002"));
    assertThat(dba.groupRule().groupWait()).isEqualTo(Duration.ZERO);
    assertThat(config.notificationPolicies().get(2).notifyRule().mention()).containsExactly(MentionTarget.parse("all"));
    assertThat(config.contacts()).extracting(c -> c.mobile()).containsExactly("13800000001", "13900000002");
  }

  @Test
  void secretsAreNeverPrintedAndTheYamlLoadsBackWithTheVariablesSet() throws Exception {
    AlertmanagerImport result = WebhookDingtalkImporter.importFile(SAMPLE);
    String yaml = ConfigWriter.toYaml(result.config());

    Map<String, String> env = new HashMap<>();
    for (Robot r : result.config().robots()) {
      assertThat(yaml).doesNotContain(r.webhook().reveal());
      assertThat(result.warnings()).noneMatch(w -> w.contains(r.webhook().reveal()));
      env.put(ConfigWriter.placeholderVariable(r.id(), "WEBHOOK"), r.webhook().reveal());
      if (r.secret() != null) {
        assertThat(yaml).doesNotContain(r.secret().reveal());
        env.put(ConfigWriter.placeholderVariable(r.id(), "SECRET"), r.secret().reveal());
      }
    }
    assertThat(RouterConfig.parse(yaml, "imported.yaml", env)).isEqualTo(result.config());
    assertThat(result.warnings()).noneMatch(w -> w.contains("template"));
    assertThat(result.warnings()).contains(
        "targets.ops: robot \"ops\": set ROBOT_OPS_WEBHOOK to its url and ROBOT_OPS_SECRET to its secret (not printed)",
        "timeout: not imported: the request timeout is alert-router's own (robot deliveries have a deadline and retries)");
  }

  @Test
  void eachTargetsMessageBecomesItsRobotsGoTemplateWithTheTemplateFiles() throws Exception {
    RouterConfig config = WebhookDingtalkImporter.importFile(SAMPLE).config();
    Path file = SAMPLE.toAbsolutePath().getParent().resolve("templates/ops.tmpl").normalize();
    List<GoTemplateText.File> files = List.of(new GoTemplateText.File(file.toString(), Files.readString(file)));

    Map<String, GoTemplateText> templates = new HashMap<>();
    config.robots().forEach(r -> templates.put(r.id(), GoTemplateText.decode(r.template())));
    assertThat(templates.get("ops")).isEqualTo(new GoTemplateText("{{ template \"ops.content\" . }}",
        "{{ template \"ops.title\" . }}", GoTemplateText.Defaults.WEBHOOK_DINGTALK, files));
    // no message: prometheus-webhook-dingtalk's default one
    assertThat(templates.get("sre_all")).isEqualTo(new GoTemplateText("{{ template \"ding.link.content\" . }}",
        "{{ template \"ding.link.title\" . }}", GoTemplateText.Defaults.WEBHOOK_DINGTALK, files));
    assertThat(templates.get("legacy").text()).isEqualTo("{{ template \"legacy.content\" . }}");
    // the policies have none: a robot's template is used for every policy without one
    assertThat(config.notificationPolicies()).allSatisfy(p -> assertThat(p.notifyRule().templates()).isNull());
    assertThat(config.notificationPolicies().get(0).groupRule().groupInterval())
        .isEqualTo(WebhookDingtalkImporter.GROUP_INTERVAL);
  }

  @Test
  void aMessageTakesDefaultMessageThenTheBuiltInOneFieldByField() {
    RouterConfig config = WebhookDingtalkImporter.importYaml("""
        template: no-such-dir/*.tmpl
        default_message: { title: '{{ template "legacy.title" . }}', text: '{{ template "legacy.content" . }}' }
        targets:
          a: { url: "https://oapi.dingtalk.com/robot/send?access_token=a" }
          b: { url: "https://oapi.dingtalk.com/robot/send?access_token=b", message: { text: 'hi' } }
        """, "config.yml").config();

    GoTemplateText a = GoTemplateText.decode(config.robots().get(0).template());
    GoTemplateText b = GoTemplateText.decode(config.robots().get(1).template());
    assertThat(a.title()).isEqualTo("{{ template \"legacy.title\" . }}");
    assertThat(a.text()).isEqualTo("{{ template \"legacy.content\" . }}");
    // prometheus-webhook-dingtalk fills a message's missing field from its built-in message
    assertThat(b.title()).isEqualTo("{{ template \"ding.link.title\" . }}");
    assertThat(b.text()).isEqualTo("hi");
    assertThat(a.files()).isEmpty();
  }

  @Test
  void aTemplateGlobThatMatchesNothingIsAWarning() {
    AlertmanagerImport result = WebhookDingtalkImporter.importYaml("""
        templates: [ no-such-dir/*.tmpl ]
        targets: { a: { url: "https://oapi.dingtalk.com/robot/send?access_token=a" } }
        """, "config.yml");

    assertThat(result.warnings()).contains(
        "templates[0]: \"no-such-dir/*.tmpl\" matches no file: its definitions are not imported");
  }

  @Test
  void withTheAlertmanagerYmlEachTargetGroupsAndRepeatsAsItsReceiversRoutes(@TempDir Path dir) throws Exception {
    Path am = Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: webhook-ops
          group_by: [alertname, cluster]
          repeat_interval: 1h
          routes:
            - { receiver: webhook-dba, matchers: ['team="dba"'], group_by: ['...'], repeat_interval: 12h }
            - { receiver: webhook-dba-2, matchers: ['team="dba2"'], group_by: [alertname, cluster] }
        receivers:
          - name: webhook-ops
            webhook_configs: [ { url: 'http://localhost:8060/dingtalk/ops/send', max_alerts: 5 } ]
          - name: webhook-dba
            webhook_configs: [ { url: 'http://localhost:8060/dingtalk/dba/send' } ]
          - name: webhook-dba-2
            webhook_configs: [ { url: 'http://localhost:8060/dingtalk/dba/send', send_resolved: false } ]
        """);
    AlertmanagerImport result = WebhookDingtalkImporter.importFile(SAMPLE, am);
    RouterConfig config = result.config();

    NotificationPolicy ops = config.notificationPolicies().get(0);
    // one group per receiver too, as Alertmanager keeps them (the label shows in no message)
    assertThat(ops.groupRule().groupingFields()).containsExactly("alertname", "cluster", "__receiver__");
    assertThat(ops.repeatInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(ops.groupRule().groupWait()).isEqualTo(Duration.ZERO);
    assertThat(config.robots().get(0).maxAlerts()).isEqualTo(5);
    assertThat(ops.routes()).isEmpty();
    // two receivers post to dba, grouped differently: one nested policy each
    NotificationPolicy dba = config.notificationPolicies().get(1);
    assertThat(dba.routes()).extracting(NotificationPolicy::name).containsExactly("webhook-dba", "webhook-dba-2");
    assertThat(dba.routes().get(0).matchingRules().get(0).conditions())
        .containsExactly(Condition.eq("__receiver__", "webhook-dba"));
    assertThat(dba.routes().get(0).groupRule().groupingFields()).containsExactly("...");
    assertThat(dba.routes().get(0).repeatInterval()).isEqualTo(Duration.ofHours(12));
    assertThat(dba.routes().get(1).groupRule().groupingFields()).containsExactly("alertname", "cluster", "__receiver__");
    assertThat(dba.routes().get(1).sendResolved()).isFalse();
    assertThat(dba.routes().get(0).sendResolved()).isNull();
    assertThat(dba.routes().get(1).repeatInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(result.warnings()).contains(
        "targets.sre_all: no receiver of the alertmanager.yml posts to /dingtalk/sre_all/send: grouped by alertname",
        "targets.dba: receivers webhook-dba, webhook-dba-2 post to it with different group_by, repeat_interval or"
            + " send_resolved: one nested policy each, matching __receiver__");
    // and it is still a config that loads back
    assertThat(RouterConfig.parse(ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL), "c.yaml", Map.of()))
        .isEqualTo(config);
  }

  @Test
  void theSampleAlertmanagerYmlGroupsEveryTargetByAlertname() {
    RouterConfig config = WebhookDingtalkImporter.importFile(SAMPLE,
        SAMPLE.resolveSibling("webhook-dingtalk-alertmanager.yml")).config();

    assertThat(config.notificationPolicies().subList(0, 3)).allSatisfy(p -> {
      assertThat(p.routes()).isEmpty();
      assertThat(p.groupRule().groupingFields()).containsExactly("alertname", "__receiver__");
    });
    // no receiver posts to "legacy": it keeps the import's grouping
    assertThat(config.notificationPolicies().get(3).groupRule().groupingFields())
        .containsExactly("alertname", "__receiver__");
  }

  @Test
  void whatCannotBecomeARobotIsAProblemWithItsPath() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WebhookDingtalkImporter.importYaml("""
        targets:
          a: { secret: SECx }
          b: { url: "ftp://x" }
          c: { url: "https://oapi.dingtalk.com/robot/send?access_token=t", mention: { mobiles: [boss] } }
        """, "config.yml"));

    assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
        "targets.a.url: a target needs its robot's url",
        "targets.b.webhook: must be an http or https URL (value not shown: it holds the access token)",
        "targets.c.mention.mobiles: not a mobile number: \"boss\"");
    assertThat(List.of(e.getMessage())).noneMatch(m -> m.contains("access_token=t"));
  }
}
