package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A batch of alerts that is already older than groupWait (an Alertmanager webhook, which waited
 * its own group_wait) goes out as one notice, even on a scheduler that runs due tasks at once —
 * the real Alertmanager end-to-end test caught a notice with only the first alert of a webhook.
 */
class LateBatchTest {
  private static final Instant NOW = Instant.parse("2026-03-08T02:00:00Z");

  @Test
  void aWebhookBatchIsOneNoticeWithNoGroupWait() {
    List<Integer> alertsPerNotice = new CopyOnWriteArrayList<>();
    AlertRouter router = AlertRouter.builder().config(config(Duration.ZERO)).scheduler(new Immediate())
        .platforms(Platforms.of(new Counting(alertsPerNotice))).build();

    router.submit(
        Alert.firing(Map.of("alertname", "Disk", "i", "1")).startsAt(NOW).build(),
        Alert.firing(Map.of("alertname", "Disk", "i", "2")).startsAt(NOW).build(),
        Alert.firing(Map.of("alertname", "Disk", "i", "3")).startsAt(NOW).build());

    assertThat(alertsPerNotice).as("the group's first flush waits for the rest of its batch").containsExactly(3);
    router.close();
  }

  private static RouterConfig config(Duration groupWait) {
    return RouterConfig.builder()
        .robot(new Robot("r", "rec", Secret.of("https://example.com/hook/x"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(groupWait, Duration.ofMinutes(5), List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of("r"), List.of()))
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
  }

  @Test
  void aLateWebhookBatchIsOneNotice() {
    List<Integer> alertsPerNotice = new CopyOnWriteArrayList<>();
    RouterConfig config = RouterConfig.builder()
        .robot(new Robot("r", "rec", Secret.of("https://example.com/hook/x"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(Duration.ofSeconds(1), Duration.ofMinutes(5), List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of("r"), List.of()))
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
    AlertRouter router = AlertRouter.builder().config(config).scheduler(new Immediate())
        .platforms(Platforms.of(new Counting(alertsPerNotice))).build();

    Instant started = NOW.minusSeconds(5); // older than groupWait: the group flushes at once
    router.submit(
        Alert.firing(Map.of("alertname", "Disk", "i", "1")).startsAt(started).build(),
        Alert.firing(Map.of("alertname", "Disk", "i", "2")).startsAt(started).build(),
        Alert.firing(Map.of("alertname", "Disk", "i", "3")).startsAt(started).build());

    assertThat(alertsPerNotice).containsExactly(3);
    router.close();
  }

  /** Runs a task due now inside {@code schedule}, like an idle executor thread would; later ones never. */
  private static final class Immediate implements Scheduler {
    @Override
    public Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      if (delay.isZero() || delay.isNegative()) {
        task.run();
      }
      return () -> { };
    }
  }

  private record Counting(List<Integer> alertsPerNotice) implements PlatformProvider {
    @Override
    public String id() {
      return "rec";
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      return IdentityResolution.unresolved("none");
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      alertsPerNotice.add(request.notification().firing().size());
      return List.of(new OutboundMessage("text", "{}", List.of()));
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return message -> SendResult.sent();
    }
  }
}
