package io.github.alertrouter.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.ContactIdentities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A recording fake platform for engine tests in core (testkit's simulators depend on core), given
 * to the router through the {@link PlatformProvider} SPI ({@code Platforms.of}). It answers each
 * robot as the test says: accepted, down (HTTP 503), throttled, or hung until released; and it
 * records, for each message a chat received, exactly what the router handed the platform to
 * render (the {@link RenderRequest} or {@link NoticeRequest}). Engine tests assert on those facts
 * (reason, alerts, mentions, links) rather than on a platform's wire text, which each platform
 * module tests beside its renderer.
 *
 * <p>A contact is @-ed by {@code im.scripted.userId}, else by its mobile number as the real
 * platforms normalise it, else not at all: the same choices DingTalk makes, so mention rules
 * (bindings, label owners) behave here as they do there.
 */
final class ScriptedPlatform implements PlatformProvider {
  /** What the robot's webhook does now. */
  enum Behaviour { UP, DOWN, HANG, THROTTLED }

  /**
   * One message a chat received.
   *
   * @param reason the notification's reason ({@code first notification}), or {@code notice}
   * @param firing alert names announced firing (for a notice: its key)
   * @param resolved alert names announced resolved
   * @param request what the router asked the platform to render, or {@code null} for a notice
   * @param notice the notice, or {@code null} for a notification
   */
  record Received(Instant at, String robotId, String reason, List<String> firing, List<String> resolved,
      RenderRequest request, Notice notice) {
    /** The notification rendered into this message. */
    Notification notification() {
      if (request == null) {
        throw new IllegalStateException("a notice, not a notification: " + notice);
      }
      return request.notification();
    }

    /** Why it was sent, with its detail: {@code escalation step 1 of 2}, {@code acknowledged by bob}. */
    String reasonText() {
      return notification().reasonText();
    }

    NotifyReason notifyReason() {
      return notification().reason();
    }

    /** Who it @s, as {@code type:value} ({@code mobile:13800000001}, {@code userId:bob007}). */
    List<String> mentions() {
      return allMentions().stream().filter(Mention::isResolved)
          .map(m -> m.identity().type() + ":" + m.identity().value()).toList();
    }

    /** Who it names without @-ing them, name to reason, in order: what a chat shows as "(not @-ed: ...)". */
    Map<String, String> notMentioned() {
      Map<String, String> out = new LinkedHashMap<>();
      allMentions().stream().filter(m -> !m.isResolved()).forEach(m -> out.put(m.name(), m.reason()));
      return out;
    }

    private List<Mention> allMentions() {
      return request != null ? request.mentions() : notice.mentions();
    }

    /** The values of {@code label} over the alerts it carries, firing then resolved. */
    List<String> values(String label) {
      Notification n = notification();
      return Stream.concat(n.firing().stream(), n.resolved().stream())
          .map(a -> a.label(label)).filter(Objects::nonNull).toList();
    }

    /** The URL of its first link of {@code kind}. */
    Optional<String> link(NotificationLink.Kind kind) {
      return notification().links().stream().filter(l -> l.kind() == kind).map(NotificationLink::url).findFirst();
    }
  }

  private final Clock clock;
  private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  final List<Instant> throttledAt = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<RateLimit> limits;
  /** What each rendered body stands for: the client records it when the message is accepted. */
  private final Map<String, Object> rendered = new ConcurrentHashMap<>();
  private final AtomicLong renders = new AtomicLong();

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
    String userId = ContactIdentities.imId(contact, id(), "userId");
    if (userId != null) {
      return IdentityResolution.resolved(new Identity("userId", userId));
    }
    return ContactIdentities.mobile(contact, "no scripted userId or mobile");
  }

  @Override
  public List<RateLimit> rateLimits() {
    return limits;
  }

  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    return List.of(new OutboundMessage("text", remember("notice", request.notice()), List.of()));
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    return List.of(new OutboundMessage("text", remember("render", request), request.mentions()));
  }

  private String remember(String kind, Object request) {
    String body = kind + "#" + renders.incrementAndGet();
    rendered.put(body, request);
    return body;
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
      received.add(received(robot.id(), rendered.get(message.body())));
      return SendResult.sent();
    };
  }

  private Received received(String robotId, Object what) {
    if (what instanceof Notice notice) {
      return new Received(clock.instant(), robotId, "notice", List.of(notice.key()), List.of(), null, notice);
    }
    RenderRequest request = (RenderRequest) what;
    Notification n = request.notification();
    return new Received(clock.instant(), robotId, n.reason().description(), names(n.firing()), names(n.resolved()),
        request, null);
  }

  private static List<String> names(List<Alert> alerts) {
    return alerts.stream().map(a -> a.label("alertname")).toList();
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
