package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code stats()} keeps as alerts and deliveries come and go equals what a full recount
 * finds, whatever happens in between: alerts received, updated, resolved by their source or by
 * hand, ended by time alone and collected; notices that give up and are delivered later; groups
 * that form and end.
 */
class StatsKeptTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 42, 2026})
  void theKeptCountsAlwaysEqualAFullRecount(long seed) {
    Random random = new Random(seed);
    ManualScheduler scheduler = new ManualScheduler(T0);
    Set<String> down = ConcurrentHashMap.newKeySet(); // robots whose webhook answers 503
    AlertStore store = AlertStore.inMemory();
    Engine router = (Engine) AlertRouter.builder().config(config()).scheduler(scheduler).alertStore(store)
        .platforms(Platforms.of(platform(down))).retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO))
        .build();
    int mostUndelivered = 0;
    int mostStored = 0;
    try {
      for (int step = 0; step < 400; step++) {
        Instant now = scheduler.now();
        switch (random.nextInt(5)) {
          case 0, 1 -> {
            List<Alert> batch = new ArrayList<>();
            for (int i = random.nextInt(8); i >= 0; i--) {
              batch.add(alert(random, now));
            }
            router.submit(batch);
          }
          case 2 -> router.groups().stream().skip(random.nextInt(router.groups().size() + 1)).findFirst()
              .ifPresent(group -> router.resolve(group.id().groupKey(), "alice"));
          case 3 -> {
            String robot = random.nextBoolean() ? "ops" : "dev";
            if (!down.remove(robot)) {
              down.add(robot);
            }
          }
          default -> scheduler.advance(Duration.ofSeconds(random.nextInt(600))); // flushes, ends, collections
        }
        scheduler.runDue();
        RouterStats kept = router.stats();
        assertThat(kept).as("step %d at %s", step, scheduler.now()).isEqualTo(recount(router, store, scheduler.now()));
        mostUndelivered = Math.max(mostUndelivered, kept.undeliveredNotices());
        mostStored = Math.max(mostStored, kept.alerts());
      }
      scheduler.advance(Duration.ofDays(1)); // everything ends and is collected
      assertThat(router.stats()).isEqualTo(recount(router, store, scheduler.now()));
      assertThat(router.stats().alerts()).isZero();
    } finally {
      router.close();
    }
    assertThat(mostUndelivered).as("notices gave up along the way").isPositive();
    assertThat(mostStored).as("alerts held at once").isGreaterThan(20);
  }

  /** What stats() answered before it kept counts: the store's full count, and every group asked. */
  private static RouterStats recount(Engine router, AlertStore store, Instant now) {
    AlertStore.Counts counts = store.counts(now);
    int undelivered = router.groups().stream().mapToInt(AlertGroup::undelivered).sum();
    return new RouterStats(counts.stored(), counts.firing(), router.groups().size(), 0, undelivered);
  }

  /** One of 30 alerts over 6 groups: with no end (firing for the resolve timeout), an end ahead, or resolved. */
  private static Alert alert(Random random, Instant now) {
    Alert.Builder b = Alert.firing(Map.of("alertname", "A" + random.nextInt(6), "instance", "i" + random.nextInt(5)))
        .startsAt(now.minusSeconds(random.nextInt(60)));
    return switch (random.nextInt(3)) {
      case 0 -> b.build();
      case 1 -> b.endsAt(now.plusSeconds(random.nextInt(1_800))).build();
      default -> b.endsAt(now).build();
    };
  }

  private static RouterConfig config() {
    RouterConfig.Builder b = RouterConfig.builder();
    for (String robot : List.of("ops", "dev")) {
      b.robot(new Robot(robot, "flaky", Secret.of("https://example.com/hook/" + robot), null, null));
    }
    return b.notificationPolicy(NotificationPolicy.builder("p")
            .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(2), List.of("alertname")))
            .notifyRule(new NotifyRule(null, List.of("ops", "dev"), List.of()))
            .repeatInterval(Duration.ofHours(1))
            .sendResolved(true)
            .build())
        .build();
  }

  /** Accepts every message, except to a robot in {@code down}: 503, which gives up at once. */
  private static PlatformProvider platform(Set<String> down) {
    return new PlatformProvider() {
      @Override
      public String id() {
        return "flaky";
      }

      @Override
      public IdentityResolution resolve(Contact contact) {
        return IdentityResolution.resolved(new Identity("id", contact.id()));
      }

      @Override
      public List<OutboundMessage> render(RenderRequest request) {
        return List.of(new OutboundMessage("text", request.notification().reason().description(), List.of()));
      }

      @Override
      public RobotClient client(Robot robot, ClientContext context) {
        return message -> down.contains(robot.id())
            ? new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "down", null)
            : SendResult.sent();
      }
    };
  }
}
