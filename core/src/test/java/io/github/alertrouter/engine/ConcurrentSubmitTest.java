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
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Many threads submit at once into the same groups (no global lock on ingest): every alert is
 * announced exactly once, in its group's first notification, and no group is lost or doubled.
 */
class ConcurrentSubmitTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  @Test
  void everyAlertIsAnnouncedExactlyOnce() throws Exception {
    ManualScheduler scheduler = new ManualScheduler(T0);
    Recording platform = new Recording();
    RouterConfig config = config();
    AlertRouter router = AlertRouter.builder().config(config).scheduler(scheduler)
        .platforms(Platforms.of(platform)).build();

    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = storm(threads, perThread, router::submit);
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(platform.notified).hasSize(threads * perThread);
    assertThat(platform.notified.values()).containsOnly(1);
    assertThat(platform.groups).hasSize(50);
    router.close();
  }

  @Test
  void aTakeOverDuringASubmitStormLosesNoAlert() throws Exception {
    ManualScheduler scheduler = new ManualScheduler(T0);
    Recording platform = new Recording();
    RouterConfig config = config();
    AlertRouter.Builder builder = AlertRouter.builder().config(config).scheduler(scheduler)
        .platforms(Platforms.of(platform));
    AtomicReference<AlertRouter> current = new AtomicReference<>(builder.build());

    int threads = 3;
    int perThread = 3_000;
    ExecutorService pool = storm(threads, perThread, alert -> {
      AlertRouter router = current.get();
      try {
        router.submit(alert);
      } catch (IllegalStateException closed) { // as serve does: the replacement takes it
        current.get().submit(alert);
      }
    });
    Thread.sleep(5); // mid-storm
    AlertRouter next = builder.build();
    AlertRouter previous = current.getAndSet(next);
    next.takeOver(previous);
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(next.stats().alerts()).isEqualTo(threads * perThread);
    assertThat(platform.notified).hasSize(threads * perThread);
    assertThat(platform.notified.values()).containsOnly(1);
    next.close();
  }

  /**
   * Starts {@code threads} threads that each submit {@code perThread} alerts at the same moment;
   * the returned pool is shut down, to be awaited.
   */
  private static ExecutorService storm(int threads, int perThread, Consumer<Alert> submit) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < perThread; i++) {
          submit.accept(alert(thread, i));
        }
      });
    }
    start.countDown();
    pool.shutdown();
    return pool;
  }

  /** One policy grouping by {@code group}, one robot. */
  private static RouterConfig config() {
    return RouterConfig.builder()
        .robot(new Robot("r", "rec", Secret.of("https://example.com/hook/x"), null, null))
        .notificationPolicy(NotificationPolicy.builder("all")
            .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of("group")))
            .notifyRule(new NotifyRule(null, List.of("r"), List.of()))
            .repeatInterval(Duration.ofHours(4))
            .build())
        .build();
  }

  /** Thread {@code thread}'s {@code i}-th alert, in one of 50 groups, firing for a day. */
  private static Alert alert(int thread, int i) {
    return Alert.firing(Map.of("alertname", "A", "group", "g" + (i % 50), "n", thread + "-" + i))
        .startsAt(T0).endsAt(T0.plus(Duration.ofDays(1))).build();
  }

  /** Counts, per alert, how many notifications carried it; every send succeeds. */
  private static final class Recording implements PlatformProvider {
    final Map<String, Integer> notified = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> groups = new ConcurrentLinkedQueue<>();

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
      assertThat(request.notification().reason()).isEqualTo(NotifyReason.FIRST_NOTIFICATION);
      groups.add(request.notification().groupKey());
      request.notification().firing().forEach(a -> notified.merge(a.label("n"), 1, Integer::sum));
      return List.of(new OutboundMessage("text", "{}", List.of()));
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return message -> SendResult.sent();
    }
  }
}
