package io.github.alertrouter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.OutageAlertStore;
import io.github.alertrouter.testkit.RecordedLogs;
import io.github.alertrouter.time.ManualScheduler;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real router on virtual time, posting to the DingTalk simulator, with {@link AlertRouterMetrics}
 * as its listener and bound to a {@link SimpleMeterRegistry}: what each outcome counts, and what the
 * gauges read while alerts come, go and wait.
 */
class AlertRouterMetricsTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final DingTalkSimulator simulator = DingTalkSimulator.start(scheduler.clock());
  private final Robot sre = simulator.robot("sre-ding", "SECsigning", "alert");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AlertRouterMetrics metrics = new AlertRouterMetrics();
  private final OutageAlertStore store = new OutageAlertStore();
  private AlertRouter router = router(sre);

  @AfterEach
  void stop() {
    router.close();
    simulator.close();
  }

  private AlertRouter router(Robot robot) {
    RouterConfig config = RouterConfig.builder()
        .robot(robot)
        .notificationPolicy(NotificationPolicy.builder("payments")
            .matching(Condition.eq("team", "payments"))
            .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of(robot.id()), List.of()))
            .repeatInterval(Duration.ofHours(4))
            .sendResolved(true)
            .build())
        .build();
    AlertRouter built = AlertRouter.builder().config(config).scheduler(scheduler).alertStore(store)
        .resolveTimeout(Duration.ofHours(1)) // alerts fire until the test resolves them
        .listener(metrics).build();
    metrics.observe(built).bindTo(registry);
    return built;
  }

  private static Alert alert(String alertname) {
    return Alert.firing(Map.of("alertname", alertname, "team", "payments"))
        .annotation("summary", "alert: " + alertname).build();
  }

  private double messages(String outcome, String kind) {
    var counter = registry.find(AlertRouterMetrics.MESSAGES)
        .tags("robot", "sre-ding", "platform", "dingtalk", "outcome", outcome, "kind", kind).functionCounter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void aSentMessageCountsSentForItsRobotAndPlatform() {
    router.submit(alert("HighErrorRate"));
    scheduler.advance(Duration.ofSeconds(30));

    assertThat(simulator.received("sre-ding")).hasSize(1);
    assertThat(messages("sent", "NONE")).isEqualTo(1);
    assertThat(registry.get(AlertRouterMetrics.MESSAGES).meters()).hasSize(1);
  }

  @Test
  void aServerErrorCountsRetriedWithItsKindThenSent() {
    simulator.failNext(2, Fault.httpStatus(503));
    router.submit(alert("HighErrorRate"));
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(messages("retried", "SERVER_ERROR")).isEqualTo(1);
    assertThat(messages("sent", "NONE")).isZero();

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(messages("retried", "SERVER_ERROR")).isEqualTo(2);
    assertThat(messages("sent", "NONE")).isEqualTo(1);
    assertThat(messages("failed", "SERVER_ERROR")).isZero();
  }

  @Test
  void aPermanentErrorCountsFailedWithItsKind() {
    Robot quiet = simulator.robot("quiet", "SECquiet", "告警"); // a keyword our messages lack
    router.close();
    router = router(new Robot(quiet.id(), quiet.platform(), quiet.webhook(), quiet.secret(), null));
    router.submit(alert("HighErrorRate"));
    scheduler.advance(Duration.ofMinutes(5));

    var failed = registry.get(AlertRouterMetrics.MESSAGES)
        .tags("robot", "quiet", "outcome", "failed", "kind", "KEYWORD_REJECTED").functionCounter();
    assertThat(failed.count()).isEqualTo(1);
    assertThat(registry.find(AlertRouterMetrics.MESSAGES).tags("robot", "quiet", "outcome", "retried")
        .functionCounters()).isEmpty();
  }

  @Test
  void gaugesFollowTheRoutersAlertsAndGroups() {
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isZero();
    assertThat(gauge(AlertRouterMetrics.GROUPS)).isZero();

    Alert error = alert("HighErrorRate");
    Alert disk = alert("DiskFull");
    router.submit(error, disk);
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isEqualTo(2);
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "resolved")).isZero();
    assertThat(gauge(AlertRouterMetrics.GROUPS)).isEqualTo(2);
    scheduler.advance(Duration.ofSeconds(30));

    router.submit(disk.resolvedAt(scheduler.now()));
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isEqualTo(1);
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "resolved")).isEqualTo(1);
    router.submit(error.resolvedAt(scheduler.now()));
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isZero();
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "resolved")).isEqualTo(2);
    // the groups tell the chat, then the router lets resolved alerts and their groups go
    scheduler.advance(Duration.ofHours(2));

    assertThat(simulator.received("sre-ding")).hasSize(4);
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "resolved")).isZero();
    assertThat(gauge(AlertRouterMetrics.GROUPS)).isZero();
    assertThat(gauge(AlertRouterMetrics.ACTIVE_SILENCES)).isZero();
    assertThat(gauge(AlertRouterMetrics.UNDELIVERED_NOTICES)).isZero();
    assertThat(gauge(AlertRouterMetrics.HELD_LEASES)).isEqualTo(1);
  }

  @Test
  void aThrottledLaneShowsItsQueueAndPenaltyUntilThePenaltyEnds() {
    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "sre-ding")).isZero();
    simulator.failNext(1, Fault.throttled());
    router.submit(alert("HighErrorRate"));
    scheduler.advance(Duration.ofSeconds(30));
    router.submit(alert("DiskFull"));
    scheduler.advance(Duration.ofSeconds(30));

    assertThat(messages("retried", "RATE_LIMITED")).isEqualTo(1);
    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "sre-ding")).isEqualTo(2);
    assertThat(gauge(AlertRouterMetrics.THROTTLED_ROBOTS, "robot", "sre-ding")).isEqualTo(1);

    scheduler.advance(Duration.ofMinutes(10));

    assertThat(simulator.received("sre-ding")).isNotEmpty();
    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "sre-ding")).isZero();
    assertThat(gauge(AlertRouterMetrics.THROTTLED_ROBOTS, "robot", "sre-ding")).isZero();
  }

  @Test
  void aStoreThatIsDownReadsNaNAndTheScrapeGoesOn() {
    RecordedLogs.requireInstalled();
    router.submit(alert("HighErrorRate"));
    RecordedLogs.clear();
    store.down(true);

    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isNaN();
    assertThat(gauge(AlertRouterMetrics.GROUPS)).isNaN();
    assertThat(gauge(AlertRouterMetrics.ACTIVE_SILENCES)).isNaN();
    assertThat(gauge(AlertRouterMetrics.UNDELIVERED_NOTICES)).isNaN();
    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "sre-ding")).isZero(); // lanes need no store
    assertThat(registry.getMetersAsString()).contains(AlertRouterMetrics.GROUPS);
    // read as "unknown", not as a gauge whose function failed (which Micrometer logs)
    assertThat(RecordedLogs.events()).noneMatch(e -> e.logger().startsWith("io.micrometer"));

    store.down(false);
    assertThat(gauge(AlertRouterMetrics.ALERTS, "state", "firing")).isEqualTo(1);
  }

  @Test
  void noTagValueComesFromAnAlert() {
    simulator.failNext(1, Fault.httpStatus(503));
    // labels that look like a robot, a platform, an outcome and a kind, and a mention nobody can resolve
    router.submit(Alert.firing(Map.of("alertname", "HighErrorRate", "team", "payments", "robot", "rogue-bot",
            "platform", "lark", "outcome", "pwned", "kind", "EVIL"))
        .annotation("summary", "alert: robot=rogue-bot").build());
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(messages("sent", "NONE")).isEqualTo(1);

    Set<String> values = registry.getMeters().stream()
        .flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue).collect(Collectors.toSet());
    assertThat(values).doesNotContain("rogue-bot", "lark", "pwned", "EVIL", "HighErrorRate", "payments")
        .isSubsetOf("sre-ding", "dingtalk", "sent", "retried", "NONE", "SERVER_ERROR", "firing", "resolved");
  }

  @Test
  void aReloadedRouterIsObservedAndItsNewRobotGetsLaneGauges() {
    Robot ops = simulator.robot("ops-ding", "SECops", "alert");
    AlertRouter previous = router;
    router = AlertRouter.builder()
        .config(RouterConfig.builder().robot(ops).build())
        .scheduler(scheduler).alertStore(store).listener(metrics).build();
    router.takeOver(previous);
    metrics.observe(router); // already bound: the registry gets the new robot's gauges

    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "ops-ding")).isZero();
    assertThat(gauge(AlertRouterMetrics.THROTTLED_ROBOTS, "robot", "ops-ding")).isZero();
    assertThat(gauge(AlertRouterMetrics.QUEUED_DELIVERIES, "robot", "sre-ding")).isNaN(); // no longer configured
    assertThat(registry.get(AlertRouterMetrics.QUEUED_DELIVERIES).gauges()).extracting(g -> g.getId().getTag("robot"))
        .containsExactlyInAnyOrder("sre-ding", "ops-ding");
  }

  @Test
  void everyMeterHasABaseUnitAndADescription() {
    simulator.failNext(1, Fault.httpStatus(503));
    router.submit(alert("HighErrorRate"));
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(registry.getMeters()).extracting(Meter::getId).allSatisfy(id -> {
      assertThat(id.getBaseUnit()).as(id.getName()).isNotBlank();
      assertThat(id.getDescription()).as(id.getName()).isNotBlank();
      assertThat(id.getName()).matches("alert\\.router(\\.[a-z]+)+");
    });
  }
}
