package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.InhibitRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.NotifyWindow;
import io.github.alertrouter.config.OutsideWindow;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.config.TimePeriod;
import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.delivery.MentionPlanner;
import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import io.github.alertrouter.silence.Silencer;
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
import io.github.alertrouter.time.ManualScheduler;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each flush stage on its own: given a flush record, what it passes on or why it ends the flush. */
class StagesTest {
  // a Sunday, 02:00 in Shanghai
  private static final Instant SUNDAY_2AM = Instant.parse("2026-03-07T18:00:00Z");
  private static final Alert DISK = Alert.firing(Map.of("alertname", "Disk", "env", "prod"))
      .startsAt(SUNDAY_2AM.minusSeconds(600)).endsAt(SUNDAY_2AM.plusSeconds(3600)).build();
  private static final Alert STAGING = Alert.firing(Map.of("alertname", "Disk", "env", "staging"))
      .startsAt(SUNDAY_2AM.minusSeconds(600)).endsAt(SUNDAY_2AM.plusSeconds(3600)).build();
  private static final Alert ENDED = Alert.firing(Map.of("alertname", "Disk", "env", "dev"))
      .startsAt(SUNDAY_2AM.minusSeconds(600)).endsAt(SUNDAY_2AM.minusSeconds(60)).build();

  private static AlertGroup group(NotificationPolicy.Builder policy, NotificationLog log, Alert... alerts) {
    RoutingTree tree = RoutingTree.compile(List.of(policy
        .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of("alertname")))
        .repeatInterval(Duration.ofHours(4)).build()));
    RouteMatch match = tree.match(DISK.labels()).get(0);
    AlertGroup group = new AlertGroup(new GroupId(match.node(), match.groupKey(DISK.labels())), match.settings(),
        match.groupLabels(DISK.labels()), log, new AtomicInteger());
    for (Alert a : alerts) {
      group.add(a, SUNDAY_2AM, new ManualScheduler(SUNDAY_2AM), () -> { });
    }
    return group;
  }

  private static NotificationPolicy.Builder policy() {
    return NotificationPolicy.builder("p").notifyRule(new NotifyRule(null, List.of("ops", "dba"), List.of()));
  }

  private static NotifyWindow weekdays(OutsideWindow outside) {
    return new NotifyWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY), TimeOfDay.parse("09:00"), TimeOfDay.parse("18:00"), ZoneId.of("Asia/Shanghai"), outside);
  }

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of("no window: on, inside", NotifyWindow.ALWAYS, null, true),
        Arguments.of("outside a HOLD window: wait for Monday 09:00", weekdays(OutsideWindow.HOLD),
            Instant.parse("2026-03-09T01:00:00Z"), null),
        Arguments.of("outside a DROP window: on, outside", weekdays(OutsideWindow.DROP), null, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void holdOutsideWindow(String name, NotifyWindow window, Instant heldUntil, Boolean inWindow) {
    AlertGroup group = group(policy().notifyRule(new NotifyRule(window, List.of("ops"), List.of())),
        NotificationLog.inMemory(), DISK);

    Stage.Verdict verdict = new HoldOutsideWindow().apply(Flush.of(group, SUNDAY_2AM));

    if (heldUntil != null) {
      assertThat(verdict).isEqualTo(new Stage.Halt(heldUntil));
    } else {
      assertThat(((Stage.Next) verdict).flush().inWindow()).isEqualTo(inWindow);
    }
  }

  @Test
  void timeMuteSkipsTheTickInsideAMuteIntervalAndOutsideEveryActiveOne() {
    TimeInterval weekend = new TimeInterval("weekend", List.of(new TimePeriod(List.of(), List.of("saturday", "sunday"),
        List.of(), List.of(), List.of(), "Asia/Shanghai")));
    TimeInterval office = new TimeInterval("office", List.of(new TimePeriod(List.of(), List.of("monday:friday"),
        List.of(), List.of(), List.of(), "Asia/Shanghai")));
    TimeMute stage = new TimeMute(Map.of("weekend", weekend, "office", office));
    NotificationLog log = NotificationLog.inMemory();

    assertThat(stage.apply(Flush.of(group(policy().muteTimeIntervals(List.of("weekend")), log, DISK), SUNDAY_2AM)))
        .isEqualTo(new Stage.Halt(null));
    assertThat(stage.apply(Flush.of(group(policy().activeTimeIntervals(List.of("office")), log, DISK), SUNDAY_2AM)))
        .isEqualTo(new Stage.Halt(null));
    assertThat(stage.apply(Flush.of(group(policy().activeTimeIntervals(List.of("weekend")), log, DISK), SUNDAY_2AM)))
        .isInstanceOf(Stage.Next.class);
  }

  @Test
  void muteLeavesSilencedAndInhibitedAlertsOutButFlushesEveryResolvedOne() {
    Silencer silencer = Silencer.of(List.of(new Silence("s", List.of(Condition.eq("env", "staging")),
        SUNDAY_2AM.minusSeconds(3600), SUNDAY_2AM.plusSeconds(3600), "bob", "load test")));
    Alert mutedEnded = Alert.firing(Map.of("alertname", "Disk", "env", "staging", "i", "2"))
        .startsAt(SUNDAY_2AM.minusSeconds(600)).endsAt(SUNDAY_2AM.minusSeconds(60)).build();
    AlertGroup group = group(policy(), NotificationLog.inMemory(), DISK, STAGING, ENDED, mutedEnded);

    Flush f = ((Stage.Next) new Mute(silencer, Inhibitor.of(List.<InhibitRule>of()))
        .apply(Flush.of(group, SUNDAY_2AM))).flush();

    assertThat(f.firing()).containsExactly(DISK);
    assertThat(f.resolved()).containsExactly(ENDED);
    assertThat(f.flushedResolved()).containsExactlyInAnyOrder(ENDED, mutedEnded);
  }

  @Test
  void dedupDecidesPerRobotAgainstWhatItsChatReceived() {
    NotificationLog log = NotificationLog.inMemory();
    AlertGroup group = group(policy(), log, DISK);
    // ops's chat received the notice; dba's notice gave up, so its log is empty
    log.record(Engine.logKey(group.id()), "ops", new Entry(Set.of(DISK.fingerprint()), Set.of(), SUNDAY_2AM.minusSeconds(300)));
    group.flushed(new Entry(Set.of(DISK.fingerprint()), Set.of(), SUNDAY_2AM.minusSeconds(300)));
    Flush muted = Flush.of(group, SUNDAY_2AM).partitioned(List.of(DISK), List.of(), List.of());

    Flush f = ((Stage.Next) new DedupAgainstDelivered().apply(muted)).flush();

    assertThat(f.decision()).as("the group itself has nothing new").isNull();
    assertThat(f.notices()).containsExactly(
        new Flush.RobotNotice("dba", new Dedup.Decision(NotifyReason.FIRST_NOTIFICATION, true), true));
  }

  @Test
  void dedupRecordsButDoesNotSendOutsideADropWindow() {
    AlertGroup group = group(policy(), NotificationLog.inMemory(), DISK);
    Flush outside = Flush.of(group, SUNDAY_2AM).inWindow(false).partitioned(List.of(DISK), List.of(), List.of());

    Flush f = ((Stage.Next) new DedupAgainstDelivered().apply(outside)).flush();

    assertThat(f.notices()).extracting(Flush.RobotNotice::send).containsExactly(false, false);
  }

  @Test
  void planMentionsPlansOnlyWhenSomethingIsSent() {
    RouterConfig config = RouterConfig.builder()
        .contact(new Contact("alice", "Alice", null, null, Map.of()))
        .robot(new Robot("ops", "scripted", Secret.of("https://example.com/hook/ops"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .notifyRule(new NotifyRule(null, List.of("ops"), List.of(MentionTarget.parse("contact:alice"))))
            .repeatInterval(Duration.ofHours(4)).build())
        .build();
    AlertGroup group = group(NotificationPolicy.builder("p")
        .notifyRule(new NotifyRule(null, List.of("ops"), List.of(MentionTarget.parse("contact:alice")))),
        NotificationLog.inMemory(), DISK);
    Flush quiet = Flush.of(group, SUNDAY_2AM).partitioned(List.of(DISK), List.of(), List.of())
        .decided(null, List.of(new Flush.RobotNotice("ops", new Dedup.Decision(NotifyReason.ALL_RESOLVED, false), false)));
    Flush sending = quiet.decided(null,
        List.of(new Flush.RobotNotice("ops", new Dedup.Decision(NotifyReason.FIRST_NOTIFICATION, true), true)));
    PlanMentions stage = new PlanMentions(new MentionPlanner(config));

    assertThat(((Stage.Next) stage.apply(quiet)).flush().mentions()).isEmpty();
    assertThat(((Stage.Next) stage.apply(sending)).flush().mentions())
        .extracting(m -> m.contact().id()).containsExactly("alice");
  }

  @Test
  void episodeRecordsWhatTheFlushDecidedEvenWhenNothingIsSent() {
    AlertGroup group = group(policy(), NotificationLog.inMemory(), DISK);
    Flush decided = Flush.of(group, SUNDAY_2AM).partitioned(List.of(DISK), List.of(), List.of())
        .decided(new Dedup.Decision(NotifyReason.FIRST_NOTIFICATION, true), List.of());

    new Episode(null).apply(decided); // no escalation policy: the escalations are not asked

    assertThat(group.last()).isEqualTo(new Entry(Set.of(DISK.fingerprint()), Set.of(), SUNDAY_2AM));
  }

  @Test
  void outboxRecordsOnlyWhatThePlatformAcceptedAndCollectsWhenEverythingWas() {
    ManualScheduler scheduler = new ManualScheduler(SUNDAY_2AM);
    Map<String, SendResult> answers = new ConcurrentHashMap<>();
    PlatformProvider platform = new PlatformProvider() {
      @Override
      public String id() {
        return "scripted";
      }

      @Override
      public IdentityResolution resolve(Contact contact) {
        return IdentityResolution.resolved(new Identity("id", contact.id()));
      }

      @Override
      public List<OutboundMessage> render(RenderRequest request) {
        return List.of(new OutboundMessage("text", request.notification().reason().description(),
            List.of()));
      }

      @Override
      public RobotClient client(Robot robot, ClientContext context) {
        return message -> answers.getOrDefault(robot.id(), SendResult.sent());
      }
    };
    List<Robot> robots = List.of(new Robot("ops", "scripted", Secret.of("https://example.com/hook/ops"), null, null),
        new Robot("dba", "scripted", Secret.of("https://example.com/hook/dba"), null, null),
        new Robot("sre", "scripted", Secret.of("https://example.com/hook/sre"), null, null));
    Dispatcher dispatcher = Dispatcher.builder().robots(robots)
        .platforms(Platforms.of(platform)).scheduler(scheduler)
        .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).build();
    RobotDelivery delivery = new RobotDelivery(dispatcher, Platforms.of(platform),
        Map.of("ops", robots.get(0), "dba", robots.get(1), "sre", robots.get(2)), null, null);
    NotificationLog log = NotificationLog.inMemory();
    List<Flush> collected = new ArrayList<>();
    Enqueue outbox = new Enqueue(delivery, scheduler.clock(), collected::add);
    Dedup.Decision first = new Dedup.Decision(NotifyReason.FIRST_NOTIFICATION, true);

    AlertGroup group = group(NotificationPolicy.builder("p").notifyRule(new NotifyRule(null, List.of("ops", "dba", "sre"),
        List.of())), log, DISK);
    Flush flush = Flush.of(group, SUNDAY_2AM).partitioned(List.of(DISK), List.of(), List.of()).decided(first, List.of(
        new Flush.RobotNotice("ops", first, true), new Flush.RobotNotice("dba", first, true),
        new Flush.RobotNotice("sre", new Dedup.Decision(NotifyReason.FIRST_NOTIFICATION, true), false)));
    answers.put("dba", new SendResult.Permanent(
        FailureKind.BAD_REQUEST, "HTTP 400", "refused"));

    outbox.apply(flush);
    assertThat(log.get(Engine.logKey(group.id()), "sre")).as("not sent (outside a DROP window): recorded at once")
        .isNotNull();
    scheduler.advance(Duration.ZERO);

    assertThat(log.get(Engine.logKey(group.id()), "ops")).as("accepted: recorded").isNotNull();
    assertThat(log.get(Engine.logKey(group.id()), "dba")).as("refused: not recorded").isNull();
    assertThat(group.undelivered()).isEqualTo(1);
    assertThat(collected).as("not everything was delivered: the resolved alerts stay").isEmpty();

    answers.clear();
    Flush again = flush.decided(first, List.of(new Flush.RobotNotice("dba", first, true)));
    outbox.apply(again);
    scheduler.advance(Duration.ZERO);

    assertThat(log.get(Engine.logKey(group.id()), "dba")).isNotNull();
    assertThat(group.undelivered()).isZero();
    assertThat(collected).containsExactly(again);
  }
}
