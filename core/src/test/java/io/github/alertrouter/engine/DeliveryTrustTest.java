package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.engine.ScriptedPlatform.Behaviour;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.ManualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an on-call engineer trusts delivery with, measured against a webhook that fails the way
 * real platforms do: nothing announced resolved while it fires, nothing lost to a failed send,
 * and no robot held by another's hang.
 */
class DeliveryTrustTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  private static final Instant DAY_LATER = T0.plus(Duration.ofDays(1));

  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final ScriptedPlatform platform = new ScriptedPlatform(scheduler.clock());
  private final List<AlertRouter> routers = new ArrayList<>();

  @AfterEach
  void close() {
    platform.release();
    routers.forEach(AlertRouter::close);
  }

  private static RouterConfig config(Duration repeat, String... robots) {
    RouterConfig.Builder b = RouterConfig.builder();
    for (String robot : robots) {
      b.robot(new Robot(robot, "scripted", Secret.of("https://example.com/hook/" + robot), null, null));
    }
    return b.notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(GROUP_WAIT, GROUP_INTERVAL, List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of(robots), List.of()))
            .repeatInterval(repeat)
            .build())
        .build();
  }

  private AlertRouter router(RouterConfig config, Duration alertmanagerBound) {
    AlertRouter.Builder b = AlertRouter.builder().config(config).scheduler(scheduler)
        .platforms(Platforms.of(platform))
        .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)));
    if (alertmanagerBound != null) {
      b.alertmanagerResolveTimeout(alertmanagerBound);
    }
    AlertRouter router = b.build();
    routers.add(router);
    return router;
  }

  /** An Alertmanager webhook as Alertmanager 0.25 sends a firing alert: endsAt is Go's zero time. */
  private static byte[] firingWebhook(String alertname, Instant startsAt) {
    return ("{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"" + alertname + "\\\"}\",\"truncatedAlerts\":0,"
        + "\"status\":\"firing\",\"receiver\":\"alert-router\",\"groupLabels\":{\"alertname\":\"" + alertname + "\"},"
        + "\"commonLabels\":{\"alertname\":\"" + alertname + "\"},\"commonAnnotations\":{},\"externalURL\":\"http://am\","
        + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"" + alertname + "\"},\"annotations\":{},"
        + "\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\","
        + "\"fingerprint\":\"0000000000000001\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAlertmanagerAlertWithoutAnEndStaysFiringPastTheResolveTimeoutUntilAlertmanagerResolvesIt() {
    // Alertmanager re-sends a steady group only every repeat_interval (4 h by default)
    AlertRouter router = router(config(Duration.ofHours(24), "ops"), null);
    router.submitAlertmanager(firingWebhook("DiskFull", T0));

    scheduler.advance(Duration.ofHours(3)); // far past the 5-minute resolveTimeout, no re-send
    router.submitAlertmanager(firingWebhook("DiskFull", T0)); // Alertmanager's repeat at 4 h
    scheduler.advance(Duration.ofHours(6));

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification");
    assertThat(router.stats().firingAlerts()).isEqualTo(1);
  }

  @Test
  void anAlertmanagerAlertWhoseResolveNeverComesEndsAfterItsOwnLongBound() {
    AlertRouter router = router(config(Duration.ofHours(24), "ops"), Duration.ofHours(12));
    router.submitAlertmanager(firingWebhook("DiskFull", T0));

    scheduler.advance(Duration.ofHours(11).plusMinutes(50));
    assertThat(platform.announcedResolved("ops")).isEmpty();
    scheduler.advance(Duration.ofMinutes(20));

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification", "all alerts resolved");
  }

  @Test
  void anAlertSubmittedDirectlyWithoutAnEndStillResolvesAfterTheResolveTimeout() {
    AlertRouter router = router(config(Duration.ofHours(24), "ops"), null);
    router.submit(Alert.firing(Map.of("alertname", "DiskFull")).build());

    scheduler.advance(Duration.ofMinutes(11));

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification", "all alerts resolved");
  }

  @Test
  void aStartInTheFarFutureIsTakenAsNowSoTheAlertStillExpires() {
    AlertRouter router = router(config(Duration.ofHours(24), "ops"), null);
    router.submit(Alert.firing(Map.of("alertname", "Typo")).startsAt(Instant.parse("9999-12-31T00:00:00Z")).build());

    scheduler.advance(Duration.ofMinutes(11));

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification", "all alerts resolved");
    assertThat(router.stats().firingAlerts()).isZero();
  }

  @Test
  void notificationsThatFailDuringAnOutageAreSentOnceItEndsNotAfterTheRepeatInterval() {
    AlertRouter router = router(config(Duration.ofHours(4), "ops"), null);
    platform.set("ops", Behaviour.DOWN);
    List<String> names = IntStream.rangeClosed(1, 12).mapToObj(i -> "Alert" + i).toList();
    for (String name : names) {
      router.submit(Alert.firing(Map.of("alertname", name)).startsAt(T0).endsAt(DAY_LATER).build()); // 12 groups
      scheduler.advance(Duration.ofSeconds(5));
    }
    scheduler.advance(Duration.ofSeconds(90 - 60)); // a 90-second outage: every attempt gave up
    assertThat(router.stats().undeliveredNotices()).as("notices waiting for their group's next flush").isPositive();

    platform.set("ops", Behaviour.UP);
    scheduler.advance(GROUP_INTERVAL.plus(GROUP_WAIT));

    assertThat(platform.announcedFiring("ops")).as("every alert reached the chat").containsExactlyInAnyOrderElementsOf(names);
    assertThat(router.stats().undeliveredNotices()).isZero();
    int sent = platform.received("ops").size();
    scheduler.advance(Duration.ofHours(1));
    assertThat(platform.received("ops")).as("and once delivered, they are not repeated early").hasSize(sent);
  }

  @Test
  void aResolvedNoticeThatFailsIsSentAgainAtTheNextFlush() {
    AlertRouter router = router(config(Duration.ofHours(4), "ops"), null);
    router.submit(Alert.firing(Map.of("alertname", "DiskFull")).startsAt(T0).endsAt(T0.plus(Duration.ofHours(1))).build());
    scheduler.advance(GROUP_WAIT);
    platform.set("ops", Behaviour.DOWN);
    router.submit(Alert.firing(Map.of("alertname", "DiskFull")).startsAt(T0).endsAt(T0.plusSeconds(60)).build());
    scheduler.advance(GROUP_INTERVAL.plusSeconds(30)); // the resolved notice gave up

    platform.set("ops", Behaviour.UP);
    scheduler.advance(GROUP_INTERVAL);

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification", "all alerts resolved");
    assertThat(router.stats().groups()).as("the group ends once its chat was told").isZero();
  }

  @Test
  void aTickWhileTheNoticeIsStillOnItsWayDoesNotSayItAgain() {
    // Alertmanager never runs two notifies of one group at once; a throttled robot's notice waits
    // out a 10-minute ban across two group intervals and must still arrive once
    AlertRouter router = router(config(Duration.ofHours(4), "ops"), null);
    platform.set("ops", Behaviour.THROTTLED);
    router.submit(Alert.firing(Map.of("alertname", "DiskFull")).startsAt(T0).endsAt(DAY_LATER).build());
    scheduler.advance(GROUP_WAIT.plusSeconds(1));
    platform.set("ops", Behaviour.UP);

    scheduler.advance(Duration.ofMinutes(20));

    assertThat(platform.received("ops")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification");
  }

  @Test
  void aRobotThatFailsDoesNotMakeTheOthersRepeat() {
    // each robot's chat is logged apart, as Alertmanager logs each integration
    AlertRouter router = router(config(Duration.ofHours(4), "ops", "dba"), null);
    platform.set("dba", Behaviour.DOWN);
    router.submit(Alert.firing(Map.of("alertname", "DiskFull")).startsAt(T0).endsAt(DAY_LATER).build());
    scheduler.advance(GROUP_WAIT.plusSeconds(30));

    platform.set("dba", Behaviour.UP);
    scheduler.advance(GROUP_INTERVAL);

    assertThat(platform.received("ops")).hasSize(1);
    assertThat(platform.received("dba")).extracting(ScriptedPlatform.Received::reason)
        .containsExactly("first notification");
  }

  @Test
  void aHungWebhookHoldsNoOtherRobotWithTheRoutersOwnThreads() throws InterruptedException {
    // the production default: no scheduler given, so the router owns its timer and sending threads
    ScriptedPlatform real = new ScriptedPlatform(Clock.systemUTC());
    real.set("slow", Behaviour.HANG);
    AlertRouter router = AlertRouter.builder().config(config(Duration.ofHours(4), "slow", "fast"))
        .platforms(Platforms.of(real)).build();
    routers.add(router);
    try {
      Instant late = Clock.systemUTC().instant().minus(Duration.ofMinutes(1)); // flushes at once
      router.submit(Alert.firing(Map.of("alertname", "A")).startsAt(late).build());
      router.submit(Alert.firing(Map.of("alertname", "B")).startsAt(late).build());

      long deadline = System.nanoTime() + ScriptedPlatform.PATIENCE.toNanos();
      while (real.received("fast").size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(real.received("fast")).as("the fast robot's chat got both notices while the other hung").hasSize(2);
      assertThat(real.received("slow")).isEmpty();
    } finally {
      real.release();
    }
  }
}
