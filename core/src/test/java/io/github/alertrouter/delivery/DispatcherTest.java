package io.github.alertrouter.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Robot ROBOT = new Robot("ops", "fake", Secret.of("https://example.com/hook/T"), null, null);

  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final FakePlatform platform = new FakePlatform();
  private final Recorder events = new Recorder();

  private Dispatcher dispatcher(RetryPolicy retry) {
    return Dispatcher.builder()
        .robots(List.of(ROBOT))
        .platforms(Platforms.of(platform))
        .scheduler(scheduler)
        .clientContext(new ClientContext((uri, h, b, t) -> null, scheduler.clock(), Duration.ofSeconds(1)))
        .retryPolicy(retry)
        .random(new Random(42))
        .listener(events)
        .build();
  }

  @Test
  void sendsEachDeliveryInOrder() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    d.dispatch(delivery("A", 1));
    d.dispatch(delivery("B", 1));
    assertThat(d.pending("ops")).isEqualTo(2);

    scheduler.advance(Duration.ZERO);

    assertThat(platform.sent).extracting(s -> s.body).containsExactly("A#0", "B#0");
    assertThat(events.sent).hasSize(2);
    assertThat(d.pending("ops")).isZero();
  }

  @Test
  void aStormBecomesSinglesThenOneDigestWithinTheLimitAndNothingIsLost() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    for (int i = 0; i < 30; i++) {
      d.dispatch(delivery("G" + i, 1));
    }
    scheduler.advance(Duration.ZERO);

    // 20/min less 10% headroom = 18 messages: 17 groups one by one, the other 13 merged in one
    assertThat(platform.sent).hasSize(18);
    assertThat(platform.sent.get(17).body).startsWith("DIGEST[13]");
    assertThat(allAlertNames()).hasSize(30);
    assertThat(events.merged).containsExactly(13);
    assertThat(d.pending("ops")).isZero();
  }

  @Test
  void whatArrivesWhileSaturatedWaitsForTheWindowAndGoesAsOneDigest() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    for (int i = 0; i < 18; i++) {
      d.dispatch(delivery("G" + i, 1));
    }
    scheduler.advance(Duration.ofSeconds(10));
    for (int i = 18; i < 23; i++) {
      d.dispatch(delivery("G" + i, 1));
    }
    scheduler.advance(Duration.ofSeconds(49));
    assertThat(platform.sent).hasSize(18);

    scheduler.advance(Duration.ofSeconds(1)); // the first send leaves the 60 s window
    assertThat(platform.sent).hasSize(19);
    assertThat(platform.sent.get(18).at).isEqualTo(T0.plusSeconds(60));
    assertThat(platform.sent.get(18).body).startsWith("DIGEST[5]");
    assertThat(allAlertNames()).hasSize(23);
  }

  @Test
  void neverMoreThanTheLimitInAnyWindow() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    for (int minute = 0; minute < 5; minute++) {
      for (int i = 0; i < 7; i++) {
        d.dispatch(delivery("M" + minute + "-" + i, 1));
        scheduler.advance(Duration.ofSeconds(8));
      }
    }
    scheduler.advance(Duration.ofMinutes(5));
    List<Instant> times = platform.sent.stream().map(s -> s.at).toList();
    for (Instant t : times) {
      long inWindow = times.stream().filter(u -> !u.isBefore(t) && u.isBefore(t.plusSeconds(60))).count();
      assertThat(inWindow).isLessThanOrEqualTo(18);
    }
    assertThat(allAlertNames()).hasSize(35);
  }

  @Test
  void retryableFailuresAreRetriedWithGrowingJitteredBackoffThenGivenUp() {
    Dispatcher d = dispatcher(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    for (int i = 0; i < 4; i++) {
      platform.results.add(new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "busy", null));
    }
    d.dispatch(delivery("A", 1));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ofMinutes(2));

    assertThat(events.retryDelays).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long max = 1000L << i;
      assertThat(events.retryDelays.get(i).toMillis()).isBetween(max / 2, max);
    }
    assertThat(events.failed).extracting(DeliveryEvent::attempt).containsExactly(4);
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("B#0");
  }

  @Test
  void aRetryKeepsItsBackoffWhenNewWorkArrives() {
    Dispatcher d = dispatcher(new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
    platform.results.add(new SendResult.Retryable(FailureKind.NETWORK_ERROR, "io", "reset", null));
    d.dispatch(delivery("A", 1));
    scheduler.advance(Duration.ofSeconds(1));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(platform.attempts).hasSize(1);

    scheduler.advance(Duration.ofSeconds(10));
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("A#0", "B#0");
  }

  @Test
  void aThrottledRobotIsLeftAloneForThePenaltyAndTheBacklogArrivesAsADigest() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    platform.results.add(new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "send too fast", Duration.ofMinutes(10)));
    d.dispatch(delivery("A", 1));
    scheduler.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 4; i++) {
      d.dispatch(delivery("B" + i, 1));
    }
    scheduler.advance(Duration.ofMinutes(9));
    assertThat(platform.attempts).hasSize(1);

    scheduler.advance(Duration.ofMinutes(1));
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("A#0", "DIGEST[4]:B0,B1,B2,B3");
  }

  @Test
  void aPermanentFailureIsReportedOnceAndTheRestGoesOn() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    platform.results.add(new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "310000", "keywords not in content"));
    d.dispatch(delivery("A", 2));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ZERO);

    assertThat(events.failed).extracting(e -> e.part() + "/" + e.parts()).containsExactly("1/2");
    assertThat(platform.attempts).hasSize(2); // A's second part is not sent after its first failed
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("B#0");
  }

  @Test
  void aThrowingListenerDoesNotStopDelivery() {
    Dispatcher d = Dispatcher.builder().robots(List.of(ROBOT)).platforms(Platforms.of(platform))
        .scheduler(scheduler).listener(new DeliveryListener() {
          @Override
          public void sent(DeliveryEvent event) {
            throw new IllegalStateException("listener bug");
          }
        }).build();
    d.dispatch(delivery("A", 1));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ZERO);
    assertThat(platform.sent).hasSize(2);
  }

  @Test
  void aNotificationThatCannotBeRenderedIsReportedAndSkipped() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    d.dispatch(new Delivery("ops", notification("A"), List.of(), "{{broken"));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ZERO);
    assertThat(events.renderFailures).containsExactly("bad template");
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("B#0");
  }

  @Test
  void alertsAMessageLeftOutAreReportedWithTheirNumber() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    omittedByName.put("Storm", 280); // over the size limit with overflow: truncate
    d.dispatch(new Delivery("ops", notification("Storm"), List.of(), null));
    d.dispatch(new Delivery("ops", notification("Calm"), List.of(), null));
    scheduler.advance(Duration.ZERO);
    assertThat(events.omitted).containsExactly(280);
  }

  @Test
  void unresolvedMentionsAreReported() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    Mention carol = Mention.unresolved(MentionTarget.contact("carol"), "carol", "Carol", "no fake id");
    d.dispatch(new Delivery("ops", notification("A"), List.of(carol), null));
    scheduler.advance(Duration.ZERO);
    assertThat(events.unresolved).containsExactly("Carol");
  }

  @Test
  void aSentEventNamesOnlyTheMentionsThatFiredAndWhyTheOthersDidNot() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    Mention alice = Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice", new Identity("id", "alice"));
    Mention all = Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
    platform.results.add(new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "busy", null));
    platform.results.add(new SendResult.Sent(List.of(all), "group allows only admins to @all"));
    d.dispatch(new Delivery("ops", notification("A"), List.of(alice, all), null));
    scheduler.advance(Duration.ofMinutes(1));

    // a failed attempt reports what the message planned; the sent one who was really @-ed
    assertThat(events.retried).singleElement().satisfies(e -> {
      assertThat(e.mentions()).containsExactly(alice, all);
      assertThat(e.withheld()).isEmpty();
      assertThat(e.withheldNote()).isEmpty();
    });
    assertThat(events.sent).singleElement().satisfies(e -> {
      assertThat(e.mentions()).containsExactly(alice);
      assertThat(e.withheld()).containsExactly(all);
      assertThat(e.withheldNote()).isEqualTo("group allows only admins to @all");
    });
  }

  @Test
  void noticesAreRenderedAsNoticesAndNeverMergedIntoDigests() {
    Dispatcher d = dispatcher(RetryPolicy.DEFAULT);
    for (int i = 0; i < 25; i++) {
      d.dispatch(delivery("G" + i, 1));
      if (i == 20) {
        d.dispatch(Delivery.of("ops", notice("primary")));
      }
    }
    scheduler.advance(Duration.ZERO);
    scheduler.advance(Duration.ofMinutes(1));

    List<String> bodies = platform.sent.stream().map(s -> s.body).toList();
    assertThat(bodies).contains("NOTICE:primary");
    assertThat(bodies.indexOf("NOTICE:primary")).isGreaterThan(bodies.indexOf(
        bodies.stream().filter(b -> b.startsWith("DIGEST")).findFirst().orElseThrow()));
    assertThat(events.sent).filteredOn(e -> e.reason() == NotifyReason.HANDOFF)
        .singleElement().satisfies(e -> assertThat(e.groupKey()).isEqualTo("handoff:primary"));
  }

  @Test
  void aPlatformThatCannotPostNoticesReportsItAndGoesOn() {
    Dispatcher d = Dispatcher.builder().robots(List.of(ROBOT)).platforms(Platforms.of(new NoNotices(platform)))
        .scheduler(scheduler).listener(events).build();
    d.dispatch(Delivery.of("ops", notice("primary")));
    d.dispatch(delivery("B", 1));
    scheduler.advance(Duration.ZERO);

    assertThat(events.renderFailures).containsExactly("platform fake cannot post notices");
    assertThat(platform.sent).extracting(s -> s.body).containsExactly("B#0");
  }

  private static io.github.alertrouter.spi.Notice notice(String schedule) {
    return new io.github.alertrouter.spi.Notice(NotifyReason.HANDOFF, "schedule:" + schedule, "handoff:" + schedule,
        "On call: Alice", List.of("next: Bob"), List.of(), T0);
  }

  /** The fake platform without notice support (the SPI's default). */
  private record NoNotices(PlatformProvider delegate) implements PlatformProvider {
    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      return delegate.resolve(contact);
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      return delegate.render(request);
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return delegate.client(robot, context);
    }
  }

  @Test
  void unknownRobotsAndMissingPlatformsAreNamed() {
    Robot wecom = new Robot("chat", "wecom", Secret.of("https://example.com/?key=K"), null, null);
    Dispatcher d = Dispatcher.builder().robots(List.of(ROBOT, wecom)).platforms(Platforms.of(platform))
        .scheduler(scheduler).build();
    assertThatThrownBy(() -> d.dispatch(new Delivery("nope", notification("A"), List.of(), null)))
        .hasMessage("robot \"nope\": not configured");
    assertThatThrownBy(() -> d.dispatch(new Delivery("chat", notification("A"), List.of(), null)))
        .hasMessage("robot \"chat\": no platform module for \"wecom\" on the class path (available: fake)");
  }

  private List<String> allAlertNames() {
    return platform.sent.stream()
        .flatMap(s -> s.alerts.stream())
        .distinct()
        .collect(Collectors.toList());
  }

  private static Notification notification(String alertname) {
    Alert alert = Alert.firing(Map.of("alertname", alertname)).startsAt(T0).build();
    return Notification.of("p", "{}:{alertname=\"" + alertname + "\"}", new TreeMap<>(Map.of("alertname", alertname)),
        NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(), List.of(), T0);
  }

  @Test
  void aRobotThatBecomesAPoolKeepsItsWebhooksWindowAndAReloadKeepsEveryMembers() {
    io.github.alertrouter.store.RateWindows windows = io.github.alertrouter.store.RateWindows.inMemory();
    Dispatcher single = Dispatcher.builder().robots(List.of(ROBOT)).platforms(Platforms.of(platform))
        .scheduler(scheduler).rateWindows(windows).build();
    for (int i = 0; i < 18; i++) {
      single.dispatch(delivery("S" + i, 1));
      scheduler.advance(Duration.ZERO);
    }
    Robot pool = ROBOT.toBuilder().addWebhook(Secret.of("https://example.com/hook/U"), null).build();
    Dispatcher pooled = Dispatcher.builder().robots(List.of(pool)).platforms(Platforms.of(platform))
        .scheduler(scheduler).rateWindows(windows).build();
    pooled.adopt(single);
    for (int i = 0; i < 18; i++) {
      pooled.dispatch(delivery("P" + i, 1));
      scheduler.advance(Duration.ZERO);
    }
    // T's window is still full from before the pool: everything went through U
    assertThat(platform.via.subList(18, 36)).containsOnly("https://example.com/hook/U");

    Dispatcher reloaded = Dispatcher.builder().robots(List.of(pool)).platforms(Platforms.of(platform))
        .scheduler(scheduler).rateWindows(RateWindowsForgetful.INSTANCE).build();
    reloaded.adopt(pooled); // same webhooks: the lane, with both members' windows, goes on
    reloaded.dispatch(delivery("R", 1));
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(platform.sent).hasSize(36);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(platform.via).hasSize(37).last().isEqualTo("https://example.com/hook/T");
  }

  /** Windows that never fill: a reload whose lane used these would send at once. */
  private enum RateWindowsForgetful implements io.github.alertrouter.store.RateWindows {
    INSTANCE;

    @Override
    public Window window(String robotKey, List<RateLimit> limits) {
      return io.github.alertrouter.store.RateWindows.inMemory().window(robotKey, List.of());
    }
  }

  /** A delivery to robot "ops" that the fake platform renders into {@code parts} messages. */
  private Delivery delivery(String alertname, int parts) {
    partsByName.put(alertname, parts);
    return new Delivery("ops", notification(alertname), List.of(), null);
  }

  private static final class Sent {
    final Instant at;
    final String body;
    final List<String> alerts;

    Sent(Instant at, String body, List<String> alerts) {
      this.at = at;
      this.body = body;
      this.alerts = alerts;
    }
  }

  /** Renders "NAME#part" (or "DIGEST[n]:names"), sends by playing back scripted results. */
  private final class FakePlatform implements PlatformProvider {
    final ArrayDeque<SendResult> results = new ArrayDeque<>();
    final List<Sent> sent = new ArrayList<>();
    final List<String> attempts = new ArrayList<>();
    final List<String> via = new ArrayList<>(); // the webhook each accepted message went through

    @Override
    public String id() {
      return "fake";
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
    public List<OutboundMessage> renderNotice(io.github.alertrouter.spi.NoticeRequest request) {
      return List.of(new OutboundMessage("text", "NOTICE:" + request.notice().source().substring(9), List.of()));
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      if (request.template() != null) {
        throw new IllegalArgumentException("bad template");
      }
      Notification n = request.notification();
      List<String> names = n.firing().stream().map(a -> a.label("alertname")).toList();
      if (n.reason() == NotifyReason.DIGEST) {
        return List.of(new OutboundMessage("text", "DIGEST[" + n.groups() + "]:" + String.join(",", names),
            request.mentions()));
      }
      int parts = partsByName.getOrDefault(names.get(0), 1);
      List<OutboundMessage> out = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        out.add(new OutboundMessage("text", names.get(0) + "#" + i, request.mentions(),
            omittedByName.getOrDefault(names.get(0), 0)));
      }
      return out;
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return message -> {
        attempts.add(message.body());
        SendResult r = results.isEmpty() ? SendResult.sent() : results.poll();
        if (r.isSent()) {
          List<String> alerts = message.body().startsWith("DIGEST")
              ? List.of(message.body().substring(message.body().indexOf(':') + 1).split(","))
              : message.body().startsWith("NOTICE") ? List.of()
              : List.of(message.body().substring(0, message.body().indexOf('#')));
          sent.add(new Sent(context.clock().instant(), message.body(), alerts));
          via.add(robot.webhook().reveal());
        }
        return r;
      };
    }
  }

  private final Map<String, Integer> partsByName = new java.util.HashMap<>();
  private final Map<String, Integer> omittedByName = new java.util.HashMap<>();

  private static final class Recorder implements DeliveryListener {
    final List<DeliveryEvent> sent = new ArrayList<>();
    final List<DeliveryEvent> failed = new ArrayList<>();
    final List<DeliveryEvent> retried = new ArrayList<>();
    final List<Duration> retryDelays = new ArrayList<>();
    final List<Integer> merged = new ArrayList<>();
    final List<String> renderFailures = new ArrayList<>();
    final List<String> unresolved = new ArrayList<>();
    final List<Integer> omitted = new ArrayList<>();

    @Override
    public void omitted(String robotId, Notification notification, int alerts) {
      omitted.add(alerts);
    }

    @Override
    public void sent(DeliveryEvent event) {
      sent.add(event);
    }

    @Override
    public void retrying(DeliveryEvent event, Duration delay) {
      retried.add(event);
      retryDelays.add(delay);
    }

    @Override
    public void failed(DeliveryEvent event) {
      failed.add(event);
    }

    @Override
    public void merged(String robotId, int notifications) {
      merged.add(notifications);
    }

    @Override
    public void unresolvedMentions(String robotId, Notification notification, List<Mention> mentions) {
      mentions.forEach(m -> unresolved.add(m.name()));
    }

    @Override
    public void renderFailed(String robotId, Notification notification, String problem) {
      renderFailures.add(problem);
    }
  }
}
