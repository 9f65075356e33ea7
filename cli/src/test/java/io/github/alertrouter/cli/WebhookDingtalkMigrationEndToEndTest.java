package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.alertrouter.config.ConfigWriter;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration #22 promises, as a prometheus-webhook-dingtalk user does it: the repository's
 * {@code samples/webhook-dingtalk.yml} (four targets, a Chinese template file, signing, mobile and
 * all mentions) goes through {@code import-webhook-dingtalk} with the alertmanager.yml beside it;
 * {@code serve} runs what it printed
 * with the robots' URLs and secrets in the environment; the real Alertmanager runs
 * {@code samples/webhook-dingtalk-alertmanager.yml} as it is but for the address of the webhook
 * (8060 there, a free port here) and shorter waits. Each chat gets the messages
 * prometheus-webhook-dingtalk would have sent: the same Chinese title and text (its template traced
 * by hand below), the same people @-ed, through the same per-target URLs.
 *
 * <p>What differs on purpose: the @tokens of the people @-ed are appended on a last line (DingTalk
 * shows a mention only when its token is in the text; prometheus-webhook-dingtalk left them out),
 * and the text has no trailing newlines. Skipped without Alertmanager unless
 * {@code ALERT_ROUTER_REQUIRE_AMTOOL=1}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebhookDingtalkMigrationEndToEndTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(40);
  private static final String OPS_SECRET = "SEC0000000000000000000000000000000000000000000000000000000000000000";
  private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.ofHours(8));

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private ServeProcess serve;
  private RealAlertmanager alertmanager;

  @AfterEach
  void stopEverything() throws Exception {
    StopAll.stop(alertmanager, serve, simulator);
  }

  @Test
  void theImportedConfigSendsWhatPrometheusWebhookDingtalkSentThroughItsUrls() throws Exception {
    CliRun imported = CliRun.of("import-webhook-dingtalk", SAMPLES.resolve("webhook-dingtalk.yml").toString(),
        "--alertmanager", SAMPLES.resolve("webhook-dingtalk-alertmanager.yml").toString());
    assertThat(imported.exit()).as(imported.stderr()).isZero();
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), imported.stdout());

    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Map<String, String> env = new HashMap<>();
    for (String target : List.of("ops", "dba", "sre_all", "legacy")) {
      String secret = target.equals("ops") ? OPS_SECRET : null;
      env.put(ConfigWriter.placeholderVariable(target, "WEBHOOK"), simulator.robot(target, secret).webhook().reveal());
    }
    env.put(ConfigWriter.placeholderVariable("ops", "SECRET"), OPS_SECRET);
    serve = ServeProcess.start(config, env, Duration.ofSeconds(30));

    String alertmanagerYml = Files.readString(SAMPLES.resolve("webhook-dingtalk-alertmanager.yml"))
        .replace("localhost:8060", serve.url().replaceFirst("^http://", ""))
        .replace("group_wait: 30s", "group_wait: 1s")
        .replace("group_interval: 5m", "group_interval: 2s");
    alertmanager = RealAlertmanager.start(dir, alertmanagerYml, "--web.external-url=http://alertmanager.example:9093");

    // started now: Alertmanager flushes a group at once for an alert older than group_wait, which
    // would split the two HighCPU alerts into two notices (as it did for prometheus-webhook-dingtalk)
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    alertmanager.postAlerts("[" + alert("HighCPU", "warning", "db_2:9100", "node", "CPU 使用率 95%", startsAt, null)
        + "," + alert("HighCPU", "warning", "db_1:9100", "node", "CPU 使用率 91%", startsAt, null)
        + "," + alertWithTeam("SlowQuery", "dba", "mysql-1:3306", "慢查询超过 100 条/分钟", startsAt)
        + "," + alert("DiskFull", "critical", "db_1:9100", "node", "磁盘剩余 3%", startsAt, null) + "]");

    String started = BEIJING.format(startsAt);
    ReceivedMessage cpu = await("ops", m -> m.text().contains("HighCPU") && m.text().contains("告警 2 条"));
    assertThat(title(cpu)).isEqualTo("[告警] HighCPU");
    assertThat(cpu.text()).isEqualTo("""
        ### 🔥 告警 2 条

        #### 第 1 条
        **告警名称:** HighCPU

        **告警级别:** WARNING

        **故障实例:** db_1:9100

        **告警详情:** CPU 使用率 91%

        **触发时间:** STARTED

        #### 第 2 条
        **告警名称:** HighCPU

        **告警级别:** WARNING

        **故障实例:** db_2:9100

        **告警详情:** CPU 使用率 95%

        **触发时间:** STARTED""".replace("STARTED", started));
    assertThat(cpu.mentions()).isEmpty();

    ReceivedMessage slow = await("dba", m -> m.text().contains("SlowQuery"));
    assertThat(title(slow)).isEqualTo("[告警] SlowQuery");
    assertThat(slow.text()).isEqualTo("""
        ### 🔥 告警 1 条

        #### 第 1 条
        **告警名称:** SlowQuery

        **告警级别:** WARNING

        **故障实例:** mysql-1:3306

        **告警详情:** 慢查询超过 100 条/分钟

        **触发时间:** STARTED

        @13800000001 @13900000002""".replace("STARTED", started));
    assertThat(slow.mentions()).containsExactlyInAnyOrder("mobile:13800000001", "mobile:13900000002");

    // the critical alert goes to the SRE chat (prometheus-webhook-dingtalk's default message, @all)
    // and, as the catch-all route continues there, to the ops chat in its template
    ReceivedMessage disk = await("sre_all", m -> m.text().contains("DiskFull"));
    assertThat(title(disk)).isEqualTo("[FIRING:1] DiskFull (db_1:9100 node critical)");
    assertThat(disk.text()).startsWith("""
        #### \\[FIRING:1\\] **[DiskFull](http://alertmanager.example:9093/#/alerts?receiver=webhook-sre)**
        ### Alerts Firing

        **Alert:** \\[CRITICAL\\] 磁盘剩余 3%

        **Description:**\s

        **Graph:** [📈](http://prometheus.example:9090/graph?g0.expr=up)

        **Details:**
        > - alertname: DiskFull
        > - instance: db\\_1:9100
        > - job: node""");
    assertThat(disk.mentions()).containsExactly("all");
    await("ops", m -> m.text().contains("DiskFull"));

    Instant endsAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    alertmanager.postAlerts("[" + alert("HighCPU", "warning", "db_2:9100", "node", "CPU 使用率 95%", startsAt, endsAt)
        + "," + alert("HighCPU", "warning", "db_1:9100", "node", "CPU 使用率 91%", startsAt, endsAt) + "]");
    ReceivedMessage resolved = await("ops", m -> m.text().contains("恢复 2 条"));
    assertThat(title(resolved)).isEqualTo("[恢复] HighCPU");
    assertThat(resolved.text()).startsWith("""
        ### ✅ 恢复 2 条

        #### 第 1 条
        **告警名称:** HighCPU
        """).endsWith("""
        **故障实例:** db_2:9100

        **告警详情:** CPU 使用率 95%

        **触发时间:** STARTED

        **恢复时间:** ENDED""".replace("STARTED", started).replace("ENDED", BEIJING.format(endsAt)));

    assertThat(simulator.rejected()).isEmpty();
    assertThat(simulator.received("legacy")).isEmpty();
    assertThat(simulator.received("ops")).hasSize(3);
    assertThat(serve.output()).doesNotContain(OPS_SECRET);
  }

  private static String title(ReceivedMessage m) {
    return m.body().get("markdown").get("title").asText();
  }

  private ReceivedMessage await(String robot, Predicate<ReceivedMessage> wanted) throws Exception {
    Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      for (ReceivedMessage m : simulator.received(robot)) {
        if (wanted.test(m)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    fail("no such message for " + robot + " within " + DELIVERY_TIMEOUT + "; received " + simulator.received()
        + "\nrejected " + simulator.rejected() + "\nserve:\n" + serve.output() + "\nalertmanager:\n" + alertmanager.log());
    return null;
  }

  private static String alert(String name, String severity, String instance, String job, String summary,
      Instant startsAt, Instant endsAt) {
    return "{\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"" + severity + "\",\"instance\":\"" + instance
        + "\",\"job\":\"" + job + "\"},\"annotations\":{\"summary\":\"" + summary + "\"},"
        + "\"generatorURL\":\"http://prometheus.example:9090/graph?g0.expr=up\",\"startsAt\":\"" + startsAt + "\""
        + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"") + "}";
  }

  private static String alertWithTeam(String name, String team, String instance, String summary, Instant startsAt) {
    return "{\"labels\":{\"alertname\":\"" + name + "\",\"severity\":\"warning\",\"team\":\"" + team
        + "\",\"instance\":\"" + instance + "\"},\"annotations\":{\"summary\":\"" + summary + "\"},"
        + "\"startsAt\":\"" + startsAt + "\"}";
  }
}
