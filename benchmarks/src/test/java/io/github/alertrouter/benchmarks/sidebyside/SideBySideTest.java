package io.github.alertrouter.benchmarks.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The side-by-side harness at a small size, as CI runs it: the real Alertmanager and {@code serve}
 * from the CLI jar each deliver every routed alert exactly once, and the table is produced. No
 * timing is asserted. Needs Debian's Alertmanager and the CLI jar ({@code mvn verify} builds it
 * before this module); skipped without them unless {@code ALERT_ROUTER_REQUIRE_AMTOOL=1} (set by
 * {@code .ci/run}), which makes their absence a failure.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SideBySideTest {
  private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
  private static final Path CLI_JAR = Path.of("../cli/target/alert-router.jar");
  private static final Path LAUNCHER = Path.of("../bin/alert-router").toAbsolutePath();

  @TempDir
  Path work;

  @Test
  void bothServersDeliverEveryRoutedAlertExactlyOnceAndTheTableIsPrinted() throws Exception {
    require(ALERTMANAGER, "Debian's prometheus-alertmanager");
    require(CLI_JAR, "the CLI jar (mvn -pl cli -am package)");
    double scale = 0.02; // W2: 200 alerts on 20 routes; S50: 20 alerts behind a 50-ms endpoint
    List<Workload> workloads = List.of(SideBySide.workload("W1", scale), SideBySide.workload("W2", scale),
        SideBySide.workload("S50", scale));
    SideBySide.Options options = new SideBySide.Options(workloads, 2, Duration.ofMillis(200), Duration.ofSeconds(60),
        ALERTMANAGER, LAUNCHER, "", work, false, List.of("Alertmanager", "alert-router"));
    List<String> log = new ArrayList<>();

    List<SideBySide.Results> results = SideBySide.run(options, log::add);

    assertThat(log).hasSize(3 * 2 * 2);
    for (SideBySide.Results r : results) {
      assertThat(r.runs()).containsOnlyKeys("Alertmanager", "alert-router");
      r.runs().forEach((server, runs) -> assertThat(runs).as(r.workload().name() + " on " + server).hasSize(2)
          .allSatisfy(run -> {
            assertThat(run.lost()).as("lost").isZero();
            assertThat(run.duplicates()).as("duplicated").isZero();
            assertThat(run.unexpected()).as("sent though no route matches").isZero();
            assertThat(run.requests()).isPositive();
          }));
    }
    // W2 at this scale: 20 routes of 200 alerts take the 18 critical and warning ones of teams 0-19
    assertThat(results.get(1).workload().routedCount()).isEqualTo(18);
    assertThat(results.get(1).runs().get("alert-router")).allSatisfy(run -> assertThat(run.requests()).isEqualTo(18));

    String table = Table.of(results, 2);
    assertThat(table).contains("### W1: 200 alerts", "### W2: 200 alerts, 20 routes", "### S50: 20 alerts",
        "| first POST → every alert notified, s |", "| per-alert delay p99, s |", "| peak RSS, MiB |",
        "| exactly once: lost / duplicated / stray | 0 / 0 / 0 | 0 / 0 / 0 | | met |");
  }

  /**
   * The storm, small (100 alerts in 0.6 s to one chat that takes 20 messages a minute): the real
   * DingTalk platform in {@code serve} keeps to the limit and tells the chat of every alert (19
   * groups as they come, the rest in a digest once the minute is over); Alertmanager's webhooks
   * past the 20th are refused. About 70 s: both wait out the limit's window.
   */
  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void inAStormServeKeepsToTheChatsLimitAndTellsItOfEveryAlert() throws Exception {
    require(ALERTMANAGER, "Debian's prometheus-alertmanager");
    require(CLI_JAR, "the CLI jar (mvn -pl cli -am package)");
    Workload storm = SideBySide.workload("ST", 0.01);
    SideBySide.Options options = new SideBySide.Options(List.of(storm), 1, Duration.ofMillis(200),
        Duration.ofMinutes(4), ALERTMANAGER, LAUNCHER, "", work, false, List.of("Alertmanager", "alert-router"));

    List<SideBySide.Results> results = SideBySide.run(options, line -> { });

    Run ours = results.get(0).runs().get("alert-router").get(0);
    Run theirs = results.get(0).runs().get("Alertmanager").get(0);
    assertThat(ours.refused()).as("messages over the chat's limit").isZero();
    assertThat(ours.requests()).isBetween(2, Workload.LIMIT);
    assertThat(ours.untold(100)).as("alerts the chat never heard of").isZero();
    assertThat(ours.duplicates()).isZero();
    assertThat(theirs.requests()).isEqualTo(Workload.LIMIT);
    assertThat(theirs.refused()).isEqualTo(100 - Workload.LIMIT);
    assertThat(Table.of(results, 1)).contains("### ST: 100 alerts in 0.6 s",
        "| alerts the chat never heard of | 80 | 0 |");
  }

  @Test
  void theGeneratedAlertmanagerConfigIsOneAmtoolAccepts() throws Exception {
    Path amtool = Path.of("/usr/bin/amtool");
    require(amtool, "amtool");
    Path config = Files.writeString(work.resolve("alertmanager.yml"),
        SideBySide.workload("W2", 0.05).alertmanagerConfig("http://127.0.0.1:1"));
    Process check = new ProcessBuilder(amtool.toString(), "check-config", config.toString()).redirectErrorStream(true)
        .start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(out).isZero();
    assertThat(out).contains("SUCCESS", " - 51 receivers"); // one per route and the root's, which sends nowhere
  }

  @Test
  void theSinkCountsEachAlertOncePerRequestWhereverItIsNamed() {
    byte[] body = "{\"groupKey\":\"{}:{instance=\\\"host-12:9100\\\"}\",\"alerts\":[{\"labels\":{\"instance\":\"host-12:9100\"}},{\"labels\":{\"instance\":\"host-7\"}}],\"text\":\"host- host-x\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Sink.Tally.named(body)).containsExactlyInAnyOrder(12, 7);
  }

  private static void require(Path path, String what) {
    if (Files.isRegularFile(path)) {
      return;
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail(what + " is missing at " + path + " and ALERT_ROUTER_REQUIRE_AMTOOL=1");
    }
    Assumptions.abort(what + " is missing at " + path + ": the side-by-side harness test is skipped");
  }
}
