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
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fault soak (issue #16): thousands of alerts over hours of virtual time to several robots
 * whose webhook answers 5xx to 10 % of requests, lets 5 % hang past the client timeout (after
 * accepting the message: the ambiguous case), throttles in bursts with DingTalk's 10-minute ban
 * (and bans for real past 20 messages a minute), and goes down for 15 minutes once. It prints
 * lost, duplicated and the longest stall, and asserts nothing is lost and every duplicate is a
 * message the platform accepted while its answer timed out.
 *
 * <p>Size: {@code -Dsoak.alerts=N} (default 3,000, what CI runs in a few seconds); the seed is
 * {@code -Dsoak.seed}.
 */
class FaultSoakTest {
  private static final Instant T0 = Instant.parse("2026-03-08T00:00:00Z");
  private static final int ALERTS = Integer.getInteger("soak.alerts", 3_000);
  private static final long SEED = Long.getLong("soak.seed", 16);
  private static final List<String> ROBOTS = List.of("r0", "r1", "r2", "r3", "r4");
  private static final Duration SPREAD = Duration.ofHours(3); // alerts start within this
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(1);

  @Test
  void nothingIsLostAndOnlyAmbiguousSendsRepeat() {
    ManualScheduler scheduler = new ManualScheduler(T0);
    Random random = new Random(SEED);
    FaultyChat chat = new FaultyChat(scheduler.clock(), new Random(SEED + 1));
    AlertRouter router = AlertRouter.builder().config(config()).scheduler(scheduler)
        .platforms(Platforms.of(chat)).retryPolicy(RetryPolicy.DEFAULT).build();

    List<Alert> alerts = IntStream.range(0, ALERTS).mapToObj(i -> {
      Instant start = T0.plusSeconds(random.nextInt((int) SPREAD.toSeconds()));
      Instant end = start.plusSeconds(180 + random.nextInt(3_600)); // longer than a wait and a tick
      return Alert.firing(Map.of("alertname", "Svc" + (i % 60), "instance", "i" + i)).startsAt(start).endsAt(end)
          .build();
    }).sorted(Comparator.comparing(Alert::startsAt)).toList();

    ArrayDeque<Alert> toSubmit = new ArrayDeque<>(alerts);
    Instant until = T0.plus(SPREAD).plus(Duration.ofHours(2)); // every alert ends, every ban and outage passes
    Map<String, Instant> dueSince = new HashMap<>();
    while (scheduler.now().isBefore(until)) {
      List<Alert> now = new ArrayList<>();
      while (!toSubmit.isEmpty() && !toSubmit.peek().startsAt().isAfter(scheduler.now())) {
        now.add(toSubmit.poll());
      }
      if (!now.isEmpty()) {
        router.submit(now);
      }
      scheduler.advance(Duration.ofSeconds(5));
    }

    // what each chat was told, alert by alert
    Map<String, Set<String>> firingSeen = new HashMap<>();
    Map<String, Set<String>> resolvedSeen = new HashMap<>();
    Map<String, Instant> firstSeen = new HashMap<>();
    for (FaultyChat.Message m : chat.received) {
      m.firing().forEach(a -> {
        firingSeen.computeIfAbsent(m.robot(), r -> new HashSet<>()).add(a);
        firstSeen.putIfAbsent(m.robot() + "/" + a, m.at());
      });
      m.resolved().forEach(a -> {
        resolvedSeen.computeIfAbsent(m.robot(), r -> new HashSet<>()).add(a);
        firstSeen.putIfAbsent(m.robot() + "/" + a, m.at());
      });
    }
    int lost = 0;
    int unresolved = 0;
    Duration maxStall = Duration.ZERO;
    for (String robot : ROBOTS) {
      for (Alert a : alerts) {
        String id = a.label("instance");
        Set<String> firing = firingSeen.getOrDefault(robot, Set.of());
        Set<String> resolved = resolvedSeen.getOrDefault(robot, Set.of());
        if (!firing.contains(id) && !resolved.contains(id)) {
          lost++; // the chat never heard of it
        } else if (firing.contains(id) && !resolved.contains(id)) {
          unresolved++; // announced firing, never resolved: the chat still thinks it fires
        } else {
          Duration stall = Duration.between(a.startsAt().plus(GROUP_WAIT), firstSeen.get(robot + "/" + id));
          maxStall = stall.compareTo(maxStall) > 0 ? stall : maxStall;
        }
      }
    }
    int duplicates = chat.duplicates();
    System.out.printf("fault soak: %d alerts x %d robots, %d requests (%d 5xx, %d hung after accepting, %d throttled, "
            + "%d refused while down), %d messages received: lost %d, never resolved %d, duplicated %d, "
            + "longest stall %s%n", ALERTS, ROBOTS.size(), chat.requests, chat.serverErrors, chat.hung, chat.throttled,
        chat.refused, chat.received.size(), lost, unresolved, duplicates, maxStall);

    assertThat(chat.serverErrors).as("faults were injected").isPositive();
    assertThat(chat.hung).isPositive();
    assertThat(chat.throttled).isPositive();
    assertThat(chat.refused).isPositive();
    assertThat(lost).as("alerts a chat never heard of").isZero();
    assertThat(unresolved).as("alerts a chat was never told resolved").isZero();
    assertThat(duplicates).as("repeats, each from a message accepted while its answer timed out")
        .isLessThanOrEqualTo(chat.hung);
    assertThat(router.stats().undeliveredNotices()).isZero();
    router.close();
  }

  private static RouterConfig config() {
    RouterConfig.Builder b = RouterConfig.builder();
    ROBOTS.forEach(r -> b.robot(new Robot(r, "faulty", Secret.of("https://example.com/hook/" + r), null, null)));
    return b.notificationPolicy(NotificationPolicy.builder("soak")
            .groupRule(new GroupRule(GROUP_WAIT, GROUP_INTERVAL, List.of("alertname")))
            .notifyRule(new NotifyRule(null, ROBOTS, List.of()))
            .repeatInterval(Duration.ofDays(1)) // no repeats: every second equal message is a duplicate
            .build())
        .build();
  }

  /**
   * A chat platform that misbehaves as real ones do. Renders {@code firing names|resolved
   * names}; counts a message received when the platform accepts it, even when the answer is then
   * lost (a hang past the client timeout).
   */
  static final class FaultyChat implements PlatformProvider {
    record Message(Instant at, String robot, List<String> firing, List<String> resolved) {}

    private static final Duration BAN = Duration.ofMinutes(10);
    private final Clock clock;
    private final Random random;
    final List<Message> received = new ArrayList<>();
    private final Map<String, ArrayDeque<Instant>> accepted = new HashMap<>();
    private final Map<String, Instant> bannedUntil = new HashMap<>();
    private final Map<String, Instant> lastBurst = new HashMap<>();
    int requests;
    int serverErrors;
    int hung;
    int throttled;
    int refused;

    FaultyChat(Clock clock, Random random) {
      this.clock = clock;
      this.random = random;
    }

    @Override
    public String id() {
      return "faulty";
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      return IdentityResolution.resolved(new Identity("id", contact.id()));
    }

    @Override
    public List<RateLimit> rateLimits() {
      return List.of(new RateLimit(20, Duration.ofMinutes(1)));
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      Notification n = request.notification();
      return List.of(new OutboundMessage("text", names(n.firing()) + "|" + names(n.resolved()), List.of()));
    }

    private static String names(List<Alert> alerts) {
      return alerts.stream().map(a -> a.label("instance")).sorted().collect(Collectors.joining(","));
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return message -> answer(robot.id(), message.body());
    }

    private synchronized SendResult answer(String robot, String body) {
      requests++;
      Instant now = clock.instant();
      // one outage: r0's webhook refuses connections for 15 minutes
      if (robot.equals("r0") && !now.isBefore(T0.plus(Duration.ofMinutes(40)))
          && now.isBefore(T0.plus(Duration.ofMinutes(55)))) {
        refused++;
        return new SendResult.Retryable(FailureKind.NETWORK_ERROR, "ConnectException", "Connection refused", null);
      }
      Instant banned = bannedUntil.get(robot);
      if (banned != null && now.isBefore(banned)) {
        throttled++;
        return throttle();
      }
      ArrayDeque<Instant> window = accepted.computeIfAbsent(robot, r -> new ArrayDeque<>());
      while (!window.isEmpty() && !window.peekFirst().plus(Duration.ofMinutes(1)).isAfter(now)) {
        window.removeFirst();
      }
      // past 20 a minute (as DingTalk counts), or in a throttling burst about once an hour: a ban
      boolean burst = random.nextInt(1_000) == 0
          && (lastBurst.get(robot) == null || lastBurst.get(robot).plus(Duration.ofHours(1)).isBefore(now));
      if (window.size() >= 20 || burst) {
        lastBurst.put(robot, now);
        bannedUntil.put(robot, now.plus(BAN));
        throttled++;
        return throttle();
      }
      int roll = random.nextInt(100);
      if (roll < 10) {
        serverErrors++;
        return new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "service unavailable", null);
      }
      window.addLast(now);
      String[] parts = body.split("\\|", -1);
      received.add(new Message(now, robot, split(parts[0]), split(parts[1])));
      if (roll < 15) {
        hung++; // accepted, but the answer never came back within the client's timeout
        return new SendResult.Retryable(FailureKind.NETWORK_ERROR, "HttpTimeoutException", "request timed out", null);
      }
      return SendResult.sent();
    }

    private static SendResult throttle() {
      return new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "send too fast", BAN);
    }

    private static List<String> split(String names) {
      return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    /**
     * Messages a chat received twice: with no repeat interval in reach, a group never says the
     * same firing and resolved alerts again (alert names are unique, so content names the group).
     */
    synchronized int duplicates() {
      Set<String> said = new HashSet<>();
      int duplicates = 0;
      for (Message m : received) {
        if (!said.add(m.robot() + ":" + m.firing() + "|" + m.resolved())) {
          duplicates++;
        }
      }
      return duplicates;
    }
  }
}
