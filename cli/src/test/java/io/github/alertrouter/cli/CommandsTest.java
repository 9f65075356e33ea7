package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.RouterConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  private static final Path SAMPLES = Path.of("..", "samples");

  @Test
  void validateAcceptsTheSampleConfig() {
    CliRun run = CliRun.of("validate", "--config", SAMPLES.resolve("alert-router.yaml").toString());
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("valid");
  }

  @Test
  void validateWarnsAboutScheduleGapsInTheNextFourWeeks(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("gaps.yaml");
    Files.writeString(config, """
        contacts: [ { id: alice } ]
        schedules:
          - id: office
            timeZone: Asia/Shanghai
            layers:
              - { members: [alice], rotation: DAILY, handoff: "2026-03-02T09:00",
                  restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
          - id: always
            timeZone: UTC
            layers: [ { members: [alice], rotation: WEEKLY, handoff: "2026-03-02T09:00" } ]
        """);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    Clock monday = Clock.fixed(java.time.Instant.parse("2026-03-09T01:00:00Z"), java.time.ZoneOffset.UTC); // 09:00 Shanghai

    // schedules alone route nothing: serve, and so validate, take that only when told
    int exit = new ValidateCommand(monday).run(List.of("--config=" + config, "--allow-empty-config"), new java.io.PrintStream(out, true),
        new java.io.PrintStream(err, true));

    assertThat(exit).isZero();
    assertThat(err.toString()).contains(
        "warning: schedules[0] (office): nobody on duty 20 times in the next 28 days (2w6d12h in all)",
        "first 2026-03-09T10:00:00Z to 2026-03-10T01:00:00Z").doesNotContain("(always)");
  }

  @Test
  void validateListsEveryProblemWithItsPathAndExits2(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, """
        robots:
          - { id: sre-ding, platform: dingtalk, webhook: "https://oapi.dingtalk.com/robot/send?access_token=t0k3n" }
        notificationPolicies:
          - name: a
            notifyRule: { robots: [sre-dng] }
            repeatInterval: 5m
          - name: a
            repeatInterval: 1h
            escalationPolicy: nope
          - name: c
            repeatInterval: 5x
        """);
    CliRun run = CliRun.of("validate", "--config=" + config);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\"")
        .contains("notificationPolicies[1].escalationPolicy: unknown escalation policy \"nope\"")
        .contains("notificationPolicies[1].name: duplicate policy name \"a\"")
        .contains("notificationPolicies[2].repeatInterval: must be a duration")
        .doesNotContain("t0k3n");
  }

  @Test
  void importAlertmanagerPrintsConfigThatLoadsAndRoutesTheSame(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("import-alertmanager", SAMPLES.resolve("alertmanager.yml").toString());
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("warning: receivers[0]");
    assertThat(run.stdout()).startsWith("# Imported from ").endsWith("\n");
    Path imported = dir.resolve("imported.yaml");
    Files.writeString(imported, run.stdout(), StandardCharsets.UTF_8);
    RouterConfig config = RouterConfig.load(imported, Map.of());
    assertThat(config.notificationPolicies()).hasSize(1);
    assertThat(config.notificationPolicies().get(0).name()).isEqualTo("ops.default");
    assertThat(config.notificationPolicies().get(0).routes()).hasSize(4);
  }

  @Test
  void importWebhookDingtalkPrintsConfigWithPlaceholdersThatLoadsOnceTheyAreSet(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("import-webhook-dingtalk", SAMPLES.resolve("webhook-dingtalk.yml").toString());
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("warning: targets.ops: robot \"ops\": set ROBOT_OPS_WEBHOOK to its url");
    assertThat(run.stdout() + run.stderr()).doesNotContain("access_token=0000", "SEC0000");
    Path imported = dir.resolve("imported.yaml");
    Files.writeString(imported, run.stdout(), StandardCharsets.UTF_8);
    Map<String, String> env = new java.util.HashMap<>();
    for (String robot : List.of("OPS", "DBA", "SRE_ALL", "LEGACY")) {
      env.put("ROBOT_" + robot + "_WEBHOOK", "https://oapi.dingtalk.com/robot/send?access_token=t" + robot);
    }
    env.put("ROBOT_OPS_SECRET", "SECx");
    RouterConfig config = RouterConfig.load(imported, env);
    assertThat(config.notificationPolicies()).extracting(p -> p.name()).containsExactly("ops", "dba", "sre_all", "legacy");
  }

  @Test
  void importAlertmanagerRefusesAnInvalidFileWithExit2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("am.yml");
    Files.writeString(bad, "route: { receiver: ghost }\nreceivers: [ { name: x } ]\n");
    CliRun run = CliRun.of("import-alertmanager", bad.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("route.receiver: undefined receiver \"ghost\" used in route");
  }

  @Test
  void previewPrintsTheDocumentForTheSamples() throws Exception {
    CliRun run = CliRun.of("preview", "--config", SAMPLES.resolve("alert-router.yaml").toString(),
        "--alerts", SAMPLES.resolve("alerts.json").toString(), "--at", "2026-03-08T02:00:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.stdout());
    assertThat(doc.get("at").asText()).isEqualTo("2026-03-08T02:00:00Z");
    assertThat(doc.get("alerts")).hasSize(5);
    JsonNode first = doc.get("alerts").get(0);
    assertThat(first.get("fingerprint").asText()).matches("[0-9a-f]{16}");
    assertThat(first.get("status").asText()).isEqualTo("firing");
    assertThat(doc.get("alerts").get(1).get("status").asText()).isEqualTo("resolved");
    assertThat(first.get("policies")).isNotEmpty();
    assertThat(first.get("policies").get(0).get("groupKey").asText())
        .startsWith(first.get("policies").get(0).get("routeKey").asText() + ":{");
    JsonNode notification = doc.get("notifications").get(0);
    assertThat(notification.get("policy").asText()).isEqualTo("payments-critical");
    assertThat(notification.get("robot").asText()).isEqualTo("sre-ding");
    assertThat(notification.get("platform").asText()).isEqualTo("dingtalk");
    JsonNode body = notification.get("messages").get(0).get("body");
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    // schedule:primary is Alice (on duty at 10:00 Shanghai), label:owner is Bob; both have DingTalk
    // userIds: each in the at object and as @text, as DingTalk asks
    assertThat(body.get("at").get("atUserIds")).extracting(JsonNode::asText).containsExactly("0123", "0456");
    assertThat(body.get("markdown").get("text").asText()).endsWith("@0123 @0456").contains("alert");
    assertThat(notification.get("messages").get(0).get("bytes").asInt())
        .isEqualTo(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    // payments-critical escalates: the plan if nobody acknowledges (sample: 10m UNACKED x3, 30m UNRESOLVED)
    JsonNode plan = notification.get("escalationPlan");
    assertThat(plan).hasSize(4);
    assertThat(plan.get(0).get("at").asText()).isEqualTo("2026-03-08T02:10:05Z");
    assertThat(plan.get(0).get("step").asText()).isEqualTo("escalation step 1 of 2");
    assertThat(plan.get(0).get("notify").get(0).asText()).isEqualTo("schedule:primary");
    assertThat(plan.get(3).get("step").asText()).isEqualTo("escalation step 2 of 2");
    assertThat(plan.get(3).get("robots").get(0).asText()).isEqualTo("sre-ding");
    // the same group's WeCom robot: markdown with the mention the WeCom way
    JsonNode wecom = doc.get("notifications").get(1);
    assertThat(wecom.get("platform").asText()).isEqualTo("wecom");
    assertThat(wecom.get("messages").get(0).get("body").get("msgtype").asText()).isEqualTo("markdown");
    assertThat(wecom.get("messages").get(0).get("body").get("markdown").get("content").asText()).contains("<@BobLi>");
  }

  @Test
  void previewReadsAlertmanagerWebhookPayloadsToo() throws Exception {
    Path payload = Path.of(getClass().getResource("/webhook-v4.json").toURI());
    CliRun run = CliRun.of("preview", "--config", SAMPLES.resolve("alert-router.yaml").toString(),
        "--alerts", payload.toString(), "--at", "2026-11-25T08:06:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    JsonNode alert = new ObjectMapper().readTree(run.stdout()).get("alerts").get(0);
    // routed as serve routes it: with the receiver as a label, which is part of the identity
    // (docs/intake.md), so the fingerprint is no longer the one Alertmanager sent (baa67d9228acc712)
    assertThat(alert.get("labels").get("__receiver__").asText()).isEqualTo("java-sdk.default");
    java.util.TreeMap<String, String> labels = new java.util.TreeMap<>(Map.of("alertname", "DiskAlmostFull",
        "instance", "fs-3:9100", "job", "node", "severity", "warning", "team", "storage", "__receiver__", "java-sdk.default"));
    assertThat(alert.get("fingerprint").asText())
        .isEqualTo(io.github.alertrouter.Alert.firing(labels).build().fingerprint().toString());
  }

  @Test
  void previewRefusesMalformedAlertsWithThePointer(@TempDir Path dir) throws Exception {
    Path alerts = dir.resolve("alerts.json");
    Files.writeString(alerts, "[ { \"labels\": { \"a\": \"b\" }, \"startsAt\": \"yesterday\" } ]");
    CliRun run = CliRun.of("preview", "--config", SAMPLES.resolve("alert-router.yaml").toString(),
        "--alerts", alerts.toString(), "--at", "2026-03-08T02:00:00Z");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("at /0/startsAt").contains("yesterday");
  }

  @Test
  void unknownCommandsAndFlagsAreOneLineErrorsWithExit2() {
    CliRun unknown = CliRun.of("deploy");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.stderr().lines()).hasSize(1);
    CliRun badFlag = CliRun.of("validate", "--confg", "x");
    assertThat(badFlag.exit()).isEqualTo(2);
    assertThat(badFlag.stderr()).contains("unknown long flag '--confg'");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command : new String[][] {{"routes", "test"}, {"validate"}, {"preview"}, {"import-alertmanager"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun run = CliRun.of(args);
      assertThat(run.exit()).isZero();
      assertThat(run.stdout()).startsWith("usage: alert-router " + String.join(" ", command));
    }
    assertThat(CliRun.of("--help").stdout()).contains("routes test", "validate", "preview", "import-alertmanager");
  }

  @Test
  void routesTestOnTheSampleTreeMatchesWhatAmtoolSays() {
    CliRun run = CliRun.of("routes", "test", "--config.file", SAMPLES.resolve("alertmanager.yml").toString(),
        "team=payments", "severity=critical", "service=pay_api");
    assertThat(run.exit()).isZero();
    assertThat(run.stdout()).isEqualTo("oncall.pager,payments.api\n"); // amtool 0.25's answer
  }
}
