package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.OutageAlertStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator in a real context: when it exists, and what it reports for each state. */
class AlertRouterHealthTest {
  private static final String SECRET = "SEC" + "fedcba9876543210".repeat(4);

  private DingTalkSimulator simulator;
  private String webhook;
  private ApplicationContextRunner runner;

  @BeforeEach
  void startSimulator() {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    webhook = simulator.robot("sre-ding", SECRET, "alert").webhook().reveal();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AlertRouterAutoConfiguration.class,
            AlertRouterHealthAutoConfiguration.class))
        .withPropertyValues("DINGTALK_URL=" + webhook, "DINGTALK_SECRET=" + SECRET,
            "alert-router.config-location=classpath:alert-router-test.yaml");
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  @Test
  void upWithTheRoutersCountsAndEachRobotsLaneButNoWebhook() {
    runner.run(context -> {
      Health health = context.getBean(AlertRouterHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("alerts", 0).containsEntry("groups", 0)
          .containsKey("reachability");
      assertThat(robot(health, "sre-ding")).containsEntry("state", "ok").containsEntry("pending", 0);
      assertThat(health.toString()).doesNotContain(webhook).doesNotContain(SECRET).doesNotContain("access_token");
    });
  }

  @Test
  void downWhileTheStateStoreRefusesAlerts() {
    OutageAlertStore store = new OutageAlertStore();
    runner.withBean(AlertRouterBuilderCustomizer.class, () -> builder -> builder.alertStore(store)).run(context -> {
      HealthIndicator indicator = context.getBean(AlertRouterHealthIndicator.class);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      store.down(true);
      Health down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsEntry("store", "cannot take alerts: alert store: connection refused (test outage)");
    });
  }

  @Test
  void outOfServiceWhileAPlatformPenaltyHoldsQueuedDeliveries() {
    simulator.failNext(1, DingTalkSimulator.antiAbuse(600));
    CountDownLatch retrying = new CountDownLatch(1);
    runner.withBean(DeliveryListener.class, () -> onRetry(retrying)).run(context -> {
      context.getBean(AlertRouter.class).submit(Alert.firing(Map.of("alertname", "HighErrorRate")).build());
      assertThat(retrying.await(20, TimeUnit.SECONDS)).as("a retry within 20 s").isTrue();
      Health health = context.getBean(AlertRouterHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      assertThat(robot(health, "sre-ding")).containsEntry("state", "throttled").containsEntry("pending", 1)
          .containsKey("penaltyEnds").containsEntry("lastFailure", "RATE_LIMITED status 1111");
    });
  }

  @Test
  void outOfServiceWhenARobotsDeliveriesHaveFailedForFailingAfter() {
    simulator.failNext(100, Fault.httpStatus(500));
    CountDownLatch retrying = new CountDownLatch(1);
    runner.withPropertyValues("alert-router.health.failing-after=0s")
        .withBean(DeliveryListener.class, () -> onRetry(retrying))
        .run(context -> {
          context.getBean(AlertRouter.class).submit(Alert.firing(Map.of("alertname", "HighErrorRate")).build());
          assertThat(retrying.await(20, TimeUnit.SECONDS)).as("a retry within 20 s").isTrue();
          Health health = context.getBean(AlertRouterHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
          assertThat(robot(health, "sre-ding")).containsEntry("state", "failing").containsKey("failingSince");
          simulator.clear(); // lets the context close without waiting out the retries
        });
  }

  @Test
  void aSingleRecentFailureIsNotYetFailing() {
    simulator.failNext(100, Fault.httpStatus(500));
    CountDownLatch retrying = new CountDownLatch(1);
    runner.withBean(DeliveryListener.class, () -> onRetry(retrying)).run(context -> {
      context.getBean(AlertRouter.class).submit(Alert.firing(Map.of("alertname", "HighErrorRate")).build());
      assertThat(retrying.await(20, TimeUnit.SECONDS)).as("a retry within 20 s").isTrue();
      Health health = context.getBean(AlertRouterHealthIndicator.class).health();
      assertThat(health.getStatus()).as("failing-after is 1 minute by default").isEqualTo(Status.UP);
      assertThat(robot(health, "sre-ding")).containsEntry("state", "ok").containsKey("failingSince");
      simulator.clear();
    });
  }

  @Test
  void noIndicatorWithoutSpringBootsHealthSupport() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(AlertRouter.class)
            .doesNotHaveBean(AlertRouterHealthIndicator.class));
  }

  @Test
  void noIndicatorWhenItsHealthIndicatorIsDisabled() {
    runner.withPropertyValues("management.health.alertrouter.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(AlertRouterHealthIndicator.class));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> robot(Health health, String id) {
    Map<String, Map<String, Object>> robots = (Map<String, Map<String, Object>>) health.getDetails().get("robots");
    assertThat(robots).containsKey(id);
    return robots.get(id);
  }

  private static DeliveryListener onRetry(CountDownLatch latch) {
    return new DeliveryListener() {
      @Override
      public void retrying(DeliveryEvent event, Duration delay) {
        latch.countDown();
      }
    };
  }
}
