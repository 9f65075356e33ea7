package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every platform module must do, proved against the platform's {@link PlatformSimulator}: a
 * platform module's tests extend this with a short subclass that names its provider, simulator and
 * two contacts. Each test runs on a fresh simulator and a {@link ManualClock}.
 *
 * <p>Hooks with defaults ({@link #supportsSigning()}, {@link #supportsKeywords()}, {@link
 * #supportsMentionAll()}, {@link #secret()}, {@link #withUnknownToken}) let a platform without a
 * feature skip its tests or adapt it. Not thread-safe: JUnit makes one instance per test.
 */
public abstract class PlatformContractTest {
  /** The keyword keyword-robot tests register; the renderer must put it in every message. */
  protected static final String KEYWORD = "ALERTKW";

  /** The virtual time of this test; the simulator and the client context follow it. */
  protected ManualClock clock;
  /** This test's simulator. */
  protected PlatformSimulator simulator;
  /** The client context of this test: the JDK transport and {@link #clock}. */
  protected ClientContext context;

  /** The provider under test. */
  protected abstract PlatformProvider provider();

  /** Starts the platform's simulator on {@code clock}. */
  protected abstract PlatformSimulator startSimulator(Clock clock);

  /** A contact this platform can @, with id {@code id}. */
  protected abstract Contact reachableContact(String id);

  /** A contact this platform cannot @ (no identity for it), with id {@code id}. */
  protected abstract Contact unreachableContact(String id);

  /** The simulator's mention string for a reachable contact, e.g. {@code "mobile:13800000001"}. */
  protected abstract String expectedMention(Contact contact);

  /** Whether robots of this platform can sign requests; {@code false} skips the signing tests. */
  protected boolean supportsSigning() {
    return true;
  }

  /** Whether robots of this platform can require a keyword; {@code false} skips that test. */
  protected boolean supportsKeywords() {
    return true;
  }

  /** Whether the messages a notification renders to (in the default message type) can @ everyone, in any of them. */
  protected boolean supportsMentionAll() {
    return true;
  }

  /** A signing secret in the platform's format. */
  protected String secret() {
    return "SEC" + "0123456789abcdef".repeat(4);
  }

  /**
   * {@code robot} with a token the simulator does not know. The default changes the webhook's
   * last character, which is the token's on DingTalk ({@code ?access_token=}), Lark
   * ({@code /hook/TOKEN}) and WeCom ({@code ?key=}).
   */
  protected Robot withUnknownToken(Robot robot) {
    String webhook = robot.webhook().reveal();
    char last = webhook.charAt(webhook.length() - 1);
    String changed = webhook.substring(0, webhook.length() - 1) + (last == 'x' ? 'y' : 'x');
    return new Robot(robot.id(), robot.platform(), Secret.of(changed), robot.secret(), robot.keyword(), robot.options());
  }

  @BeforeEach
  void startPlatformSimulator() {
    clock = new ManualClock();
    simulator = startSimulator(clock);
    context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5));
  }

  @AfterEach
  void stopPlatformSimulator() {
    simulator.close();
  }

  @Test
  void resolveGivesAnIdentityForAReachableContactAndAReasonOtherwise() {
    IdentityResolution reachable = provider().resolve(reachableContact("alice"));
    IdentityResolution unreachable = provider().resolve(unreachableContact("bob"));

    assertThat(reachable.isResolved()).as("reachable contact resolves: %s", reachable).isTrue();
    assertThat(unreachable.isResolved()).as("unreachable contact: %s", unreachable).isFalse();
    assertThat(unreachable.reason()).isNotBlank();
  }

  @Test
  void aRenderedNotificationIsAcceptedAndExactlyThePlannedMentionsFire() {
    Contact alice = reachableContact("alice");
    Contact carol = reachableContact("carol");
    Robot robot = simulator.robot("ops", null);

    deliver(robot, request(notification(alerts(2, "disk 97% on db-7")), robot, alice, carol, unreachableContact("bob")));

    assertThat(firedMentions("ops")).containsExactlyInAnyOrder(expectedMention(alice), expectedMention(carol));
  }

  @Test
  void aMentionOfEveryoneFiresAll() {
    assumeTrue(supportsMentionAll(), "platform cannot @all in its default message type");
    Robot robot = simulator.robot("ops", null);
    List<Mention> mentions = List.of(Mention.all(new MentionTarget(MentionTarget.Kind.ALL, "")));

    deliver(robot, RenderRequest.of(notification(alerts(1, "disk full")), mentions, robot, null));

    assertThat(firedMentions("ops")).containsExactly("all");
  }

  @Test
  void anUnresolvedContactsNameAppearsInTheText() {
    Contact bob = unreachableContact("bob");
    Robot robot = simulator.robot("ops", null);

    deliver(robot, request(notification(alerts(1, "disk full")), robot, bob));

    assertThat(String.join("\n", texts("ops"))).contains(bob.name());
    assertThat(firedMentions("ops")).isEmpty();
  }

  @Test
  void aHugeNotificationFitsAndKeepsEveryMentionWhetherTruncatedOrSplit() {
    Contact alice = reachableContact("alice");
    Contact carol = reachableContact("carol");
    String annotation = "磁盘空间不足，请立即处理 🔥💾 ".repeat(40) + "👩‍💻🇨🇳";
    for (String overflow : List.of("truncate", "split")) {
      Robot plain = simulator.robot("ops-" + overflow, null);
      Robot robot = withOptions(plain, Map.of(RenderRequest.OPTION_OVERFLOW, overflow));

      List<SendResult> results =
          deliver(robot, request(notification(alerts(300, annotation)), robot, alice, carol, unreachableContact("bob")));

      assertThat(results).as("overflow %s", overflow).isNotEmpty().allMatch(SendResult::isSent);
      assertThat(firedMentions(robot.id())).as("overflow %s", overflow)
          .containsExactlyInAnyOrder(expectedMention(alice), expectedMention(carol));
    }
  }

  @Test
  void hostileAlertTextFiresNoExtraMention() {
    Contact alice = reachableContact("alice");
    Robot robot = simulator.robot("ops", null);
    String hostile = "@all @所有人 @13800000000 @manager7675 <at user_id=\"all\">所有人</at> <at id=all></at> <@all> "
        + "<@alice> [click here](https://evil.example.com/phish) ![x](https://evil.example.com/t.png) "
        + "**RESOLVED** \n# fake heading \\ \" ' ` _ * ~";
    Alert alert = Alert.firing(Map.of("alertname", "Hostile @all", "instance", "<at user_id=\"all\"></at>@13800000000"))
        .annotation("summary", hostile).annotation("description", hostile).startsAt(clock.instant()).build();

    List<SendResult> results = deliver(robot, request(notification(List.of(alert)), robot, alice));

    assertThat(results).allMatch(SendResult::isSent);
    assertThat(firedMentions("ops")).containsExactly(expectedMention(alice));
  }

  @Test
  void aSignedRobotIsAcceptedAndTheWrongSecretIsAPermanentSignatureRejection() {
    assumeTrue(supportsSigning(), "platform robots do not sign");
    Robot robot = simulator.robot("signed", secret());
    Robot wrong = new Robot(robot.id(), robot.platform(), robot.webhook(), Secret.of(secret() + "0"),
        robot.keyword(), robot.options());
    RenderRequest request = request(notification(alerts(1, "disk full")), robot);

    assertThat(deliver(robot, request)).allMatch(SendResult::isSent);
    assertThat(deliver(wrong, request)).first().isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.SIGNATURE_REJECTED));
  }

  @Test
  void aKeywordRobotIsAccepted() {
    assumeTrue(supportsKeywords(), "platform robots have no keyword");
    Robot robot = simulator.robot("keyword", null, KEYWORD);

    assertThat(deliver(robot, request(notification(alerts(1, "disk full")), robot))).allMatch(SendResult::isSent);
    assertThat(simulator.received("keyword")).isNotEmpty();
  }

  @Test
  void injectedThrottlingIsRetryableRateLimited() {
    Robot robot = simulator.robot("ops", null);
    simulator.failNext(1, Fault.throttled());

    assertThat(deliver(robot, request(notification(alerts(1, "x")), robot))).first()
        .isInstanceOfSatisfying(SendResult.Retryable.class,
            r -> assertThat(r.kind()).isEqualTo(FailureKind.RATE_LIMITED));
  }

  @Test
  void anInjectedServerErrorIsRetryable() {
    Robot robot = simulator.robot("ops", null);
    simulator.failNext(1, Fault.httpStatus(503));

    assertThat(deliver(robot, request(notification(alerts(1, "x")), robot))).first()
        .isInstanceOfSatisfying(SendResult.Retryable.class,
            r -> assertThat(r.kind()).isEqualTo(FailureKind.SERVER_ERROR));
  }

  @Test
  void anUnknownTokenIsAPermanentInvalidRobot() {
    Robot robot = withUnknownToken(simulator.robot("ops", null));

    List<SendResult> results = deliver(robot, request(notification(alerts(1, "x")), robot));

    assertThat(results).first().isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.INVALID_ROBOT));
    assertThat(results.toString()).doesNotContain(robot.webhook().reveal());
  }

  @Test
  void aNoticeIsAcceptedMentionsItsPeopleAndItsTextMentionsNobodyElse() {
    assumeTrue(supportsNotices(), "platform posts no notices");
    Robot robot = simulator.robot("notices", null);
    Contact alice = reachableContact("alice");
    Contact nobody = unreachableContact("carol");
    Notice notice = new Notice(NotifyReason.HANDOFF, "schedule:primary", "handoff:primary:1",
        "On call now: " + alice.name() + " @all <at id=all></at> <@all>",
        List.of("Next: Bob @13800000000 <at user_id=\"all\">x</at>", "[click](http://evil.example)"),
        List.of(mentionOf(alice), mentionOf(nobody)), clock.instant());

    List<OutboundMessage> messages = provider().renderNotice(NoticeRequest.of(notice, robot));
    var client = provider().client(robot, context);

    assertThat(messages).allSatisfy(m -> assertThat(client.send(m).isSent()).as(m.body()).isTrue());
    assertThat(firedMentions("notices")).containsExactly(expectedMention(alice));
    assertThat(String.join("\n", texts("notices"))).contains(nobody.name());
  }

  static Stream<Long> propertySeeds() {
    return RandomText.seeds(20);
  }

  /**
   * Over seeded random notifications (CJK, emoji, arbitrary UTF-16, hostile markup, huge texts;
   * 1–400 alerts), every {@link #messageTypeOptions() message type} and both overflows: every
   * body is valid JSON and UTF-8 and within the platform's {@link #withinSizeLimit limit}, every
   * resolved mention is carried by exactly one message, a truncated notification is at most two
   * messages (one and a mention follow-up) and counts the alerts it leaves out, a split one leaves
   * none out.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("propertySeeds")
  void aRandomNotificationFitsIsValidAndCarriesEveryResolvedMentionOnce(long seed) throws Exception {
    RandomText random = new RandomText(seed);
    Notification n = RandomNotifications.of(random, 400, clock.instant());
    boolean split = random.coin();
    Map<String, String> options = new HashMap<>(random.pick(messageTypeOptions()));
    options.put(RenderRequest.OPTION_OVERFLOW, split ? "split" : "truncate");
    Robot robot = withOptions(simulator.robot("prop", null), options);
    List<Mention> planned = new ArrayList<>(List.of(mentionOf(reachableContact("alice")),
        mentionOf(reachableContact("dan")), mentionOf(unreachableContact("carol"))));
    if (supportsMentionAll() && random.coin()) {
      planned.add(Mention.all(new MentionTarget(MentionTarget.Kind.ALL, "")));
    }

    List<OutboundMessage> out = provider().render(RenderRequest.of(n, planned, robot, null));

    assertThat(out).as("seed %d %s", seed, options).isNotEmpty();
    List<Mention> carried = new ArrayList<>();
    for (OutboundMessage m : out) {
      RandomNotifications.assertValidJsonAndUtf8(m.body());
      assertThat(withinSizeLimit(m)).as("seed %d %s: %s within the limit", seed, options, m.type()).isTrue();
      carried.addAll(m.mentions());
    }
    assertThat(carried).as("seed %d %s", seed, options)
        .containsExactlyInAnyOrderElementsOf(planned.stream().filter(Mention::isResolved).toList());
    int omitted = out.stream().mapToInt(OutboundMessage::omittedAlerts).sum();
    if (split) {
      assertThat(omitted).as("seed %d: split leaves nothing out", seed).isZero();
    } else {
      assertThat(out).as("seed %d %s", seed, options).hasSizeLessThanOrEqualTo(2);
      assertThat(omitted).isLessThan(n.alertCount());
    }
  }

  /**
   * Escaping, end to end over seeded hostile alert text (mention syntax of every platform, tags,
   * links, entities, invisible characters) in names, labels, summaries and descriptions, built-in
   * layout and a triple-mustache template: the platform's chat fires exactly the planned mention.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("propertySeeds")
  void randomHostileAlertTextFiresOnlyThePlannedMention(long seed) {
    RandomText random = new RandomText(seed);
    Contact alice = reachableContact("alice");
    String hostile = random.hostile(40) + random.pick(RandomText.HOSTILE_PIECES) + random.any(20);
    Alert alert = Alert.firing(Map.of("alertname", random.hostile(5), "team", hostile, "severity", random.hostile(3)))
        .annotation("summary", hostile).annotation("description", random.hostile(40) + "\n" + hostile)
        .startsAt(clock.instant()).build();
    Robot robot = withOptions(simulator.robot("hostile", null), random.pick(messageTypeOptions()));
    String template = !supportsTemplates() || random.coin() ? null
        : "{{#firing}}{{{name}}} {{summary}} {{description}}{{/firing}}";
    List<Mention> mentions = List.of(mentionOf(alice));

    List<SendResult> results = deliver(robot, RenderRequest.of(notification(List.of(alert)), mentions, robot, template));

    assertThat(results).as("seed %d", seed).allMatch(SendResult::isSent);
    assertThat(firedMentions("hostile")).as("seed %d", seed).containsExactly(expectedMention(alice));
  }

  /** Whether the platform renders policy templates; the properties then try one too. */
  protected boolean supportsTemplates() {
    return true;
  }

  /**
   * The option sets that choose each message type the platform renders ({@code msgType} and the
   * like), for the properties above to cover every one. By default, the robot's defaults only.
   */
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of());
  }

  /**
   * Whether {@code message} is within the platform's size limit (a whole body or one field); by
   * default, always: a platform states its limit here.
   */
  protected boolean withinSizeLimit(OutboundMessage message) {
    return true;
  }

  /** Whether the platform posts notices ({@link PlatformProvider#renderNotice}); default true. */
  protected boolean supportsNotices() {
    return true;
  }

  // ---- helpers, protected so subclasses can add platform-specific tests in the same style

  /** The mention {@code contact} gets after this platform resolves it. */
  protected Mention mentionOf(Contact contact) {
    IdentityResolution resolution = provider().resolve(contact);
    MentionTarget target = MentionTarget.contact(contact.id());
    return resolution.isResolved()
        ? Mention.resolved(target, contact.id(), contact.name(), resolution.identity())
        : Mention.unresolved(target, contact.id(), contact.name(), resolution.reason());
  }

  /** A request for {@code robot} that mentions {@code contacts}, built-in layout. */
  protected RenderRequest request(Notification notification, Robot robot, Contact... contacts) {
    List<Mention> mentions = new ArrayList<>();
    for (Contact contact : contacts) {
      mentions.add(mentionOf(contact));
    }
    return RenderRequest.of(notification, mentions, robot, null);
  }

  /** {@code count} firing alerts of one group, each with {@code summary}. */
  protected List<Alert> alerts(int count, String summary) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      alerts.add(Alert.firing(Map.of("alertname", "DiskFull", "instance", "db-" + i, "severity", "critical"))
          .annotation("summary", summary)
          .startsAt(clock.instant().minusSeconds(60L * i))
          .build());
    }
    return alerts;
  }

  /** A first notification of one group with a runbook link. */
  protected Notification notification(List<Alert> alerts) {
    return Notification.of("contract", "{}:{alertname=\"DiskFull\"}", new TreeMap<>(Map.of("alertname", "DiskFull")),
        NotifyReason.FIRST_NOTIFICATION, alerts, List.of(),
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://runbook.example.com/disk")),
        clock.instant());
  }

  /**
   * Renders and sends every message of {@code request} to {@code robot}, in order, moving the
   * clock between messages as the dispatcher would pace them under {@link
   * PlatformProvider#rateLimits()} (a split notification can be more messages than a minute allows).
   */
  protected List<SendResult> deliver(Robot robot, RenderRequest request) {
    List<OutboundMessage> messages = provider().render(request);
    assertThat(messages).as("rendered messages").isNotEmpty();
    var client = provider().client(robot, context);
    List<SendResult> results = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        clock.advance(pace());
      }
      OutboundMessage message = messages.get(i);
      SendResult result = client.send(message);
      if (result instanceof SendResult.Sent sent) {
        // a client may withhold only mentions the message planned (SendResult.Sent)
        assertThat(message.mentions()).as("mentions a sent message withheld").containsAll(sent.withheld());
      }
      results.add(result);
    }
    return results;
  }

  /** The gap between two messages that keeps under every rate limit, with 10% headroom. */
  protected Duration pace() {
    Duration pace = Duration.ZERO;
    for (RateLimit limit : provider().rateLimits()) {
      Duration gap = limit.period().dividedBy(limit.permits());
      pace = gap.compareTo(pace) > 0 ? gap : pace;
    }
    return pace.plus(pace.dividedBy(10));
  }

  /** Every mention that fired in {@code robotId}'s chat. */
  protected Set<String> firedMentions(String robotId) {
    Set<String> fired = new LinkedHashSet<>();
    simulator.received(robotId).forEach(m -> fired.addAll(m.mentions()));
    return fired;
  }

  /** The visible texts of {@code robotId}'s messages. */
  protected List<String> texts(String robotId) {
    return simulator.received(robotId).stream().map(ReceivedMessage::text).toList();
  }

  /** {@code robot} with these options added. */
  protected static Robot withOptions(Robot robot, Map<String, String> options) {
    Map<String, String> merged = new HashMap<>(robot.options());
    merged.putAll(options);
    return new Robot(robot.id(), robot.platform(), robot.webhook(), robot.secret(), robot.keyword(), merged);
  }
}
