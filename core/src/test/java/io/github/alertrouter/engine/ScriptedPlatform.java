package io.github.alertrouter.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A platform for engine tests in core (testkit's simulators depend on core): renders a
 * notification as {@code reason|firing names|resolved names}, and answers each robot as the test
 * says: accepted, down (HTTP 503), or hung until released. Counts what each chat received.
 */
final class ScriptedPlatform implements PlatformProvider {
  /** What the robot's webhook does now. */
  enum Behaviour { UP, DOWN, HANG, THROTTLED }

  /** One message a chat received. */
  record Received(Instant at, String robotId, String reason, List<String> firing, List<String> resolved) {}

  private final Clock clock;
  private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  final List<Instant> throttledAt = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<RateLimit> limits;

  ScriptedPlatform(Clock clock) {
    this(clock, List.of());
  }

  ScriptedPlatform(Clock clock, List<RateLimit> limits) {
    this.clock = clock;
    this.limits = limits;
  }

  void set(String robotId, Behaviour b) {
    behaviour.put(robotId, b);
  }

  /** Lets every hung request answer (accepted). */
  void release() {
    released.countDown();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> received(String robotId) {
    return received.stream().filter(r -> r.robotId().equals(robotId)).toList();
  }

  /** Alert names some message to the robot's chat announced firing. */
  Set<String> announcedFiring(String robotId) {
    return received(robotId).stream().flatMap(r -> r.firing().stream()).collect(Collectors.toSet());
  }

  /** Alert names some message to the robot's chat announced resolved. */
  Set<String> announcedResolved(String robotId) {
    return received(robotId).stream().flatMap(r -> r.resolved().stream()).collect(Collectors.toSet());
  }

  @Override
  public String id() {
    return "scripted";
  }

  @Override
  public IdentityResolution resolve(Contact contact) {
    return IdentityResolution.resolved(new Identity("id", contact.id()));
  }

  @Override
  public List<RateLimit> rateLimits() {
    return limits;
  }

  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    return List.of(new OutboundMessage("text", "notice|" + request.notice().key() + "|", List.of()));
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    Notification n = request.notification();
    return List.of(new OutboundMessage("text", n.reason().description() + "|" + names(n.firing()) + "|"
        + names(n.resolved()), request.mentions()));
  }

  private static String names(List<Alert> alerts) {
    return alerts.stream().map(a -> a.label("alertname")).collect(Collectors.joining(","));
  }

  @Override
  public RobotClient client(Robot robot, ClientContext context) {
    return message -> {
      Behaviour b = behaviour.getOrDefault(robot.id(), Behaviour.UP);
      if (b == Behaviour.DOWN) {
        return new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "service unavailable", null);
      }
      if (b == Behaviour.THROTTLED) {
        // DingTalk's answer past 20 messages a minute: the robot is banned for 10 minutes
        throttledAt.add(clock.instant());
        return new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "send too fast", Duration.ofMinutes(10));
      }
      if (b == Behaviour.HANG) {
        try {
          if (!released.await(30, TimeUnit.SECONDS)) {
            return new SendResult.Retryable(FailureKind.NETWORK_ERROR, "HttpTimeoutException", "timed out", null);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new SendResult.Retryable(FailureKind.NETWORK_ERROR, "interrupted", "interrupted", null);
        }
      }
      String[] parts = message.body().split("\\|", -1);
      received.add(new Received(clock.instant(), robot.id(), parts[0], split(parts[1]), split(parts[2])));
      return SendResult.sent();
    };
  }

  private static List<String> split(String names) {
    return names.isEmpty() ? List.of() : List.of(names.split(","));
  }

  /** The most messages the robot's chat received in any window of {@code period}. */
  int mostIn(String robotId, Duration period) {
    List<Instant> times = received(robotId).stream().map(Received::at).sorted().toList();
    int most = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (!times.get(j).plus(period).isAfter(times.get(i))) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  /** How long a test waits for another thread, at most. */
  static final Duration PATIENCE = Duration.ofSeconds(10);
}
