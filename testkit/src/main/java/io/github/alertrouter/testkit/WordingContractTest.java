package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotificationLink.Kind;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.Wording;
import io.github.alertrouter.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The robot option {@code locale} reaches every built-in word a platform writes, proved against
 * the platform's {@link PlatformSimulator} in every {@link #messageTypeOptions() message type}: a
 * notification of every reason (escalation and acknowledgement with the detail core adds), a
 * digest, a truncated and a split notification, and a handoff notice, each rendered for an
 * {@code en} and a {@code zh-CN} robot. What the chat shows for {@code zh-CN} holds no English word
 * but the alerts' own names and values, URLs and our technical tokens (time zone abbreviations,
 * duration units); what it shows for {@code en} holds no Chinese character. Chinese text costs 3
 * bytes a character, so the same storm is fitted within the platform's limit in both. A platform
 * module's tests extend this with a short subclass. Not thread-safe: JUnit makes one instance per test.
 *
 * <p>A person who cannot be @-ed is named in the robot's language too ({@code 张三（未 @：…）}),
 * checked with reasons core writes; the platform's own reasons are its render tests' business.
 */
public abstract class WordingContractTest {
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]\"]+");
  private static final Pattern TAG = Pattern.compile("</?[a-z][^>]*>");
  /** Ours, the same in every language: time zone abbreviations in times. */
  private static final Set<String> TECHNICAL = Set.of("UTC", "CST");
  private static final Pattern MORE_ZH = Pattern.compile("…另有 (\\d+) 条告警未列出");
  private static final Pattern NAMED = Pattern.compile("instance=i");
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:05Z");
  /** Core's reason for a contact a policy with {@code requireBinding} would @ by an unbound number. */
  private static final String NOT_BOUND = "mobile number not bound yet (this policy requires binding)";

  /** The virtual time of this test; the simulator and the client context follow it. */
  protected ManualClock clock;
  /** This test's simulator. */
  protected PlatformSimulator simulator;
  private ClientContext context;

  /** The provider under test. */
  protected abstract PlatformProvider provider();

  /** Starts the platform's simulator on {@code clock}. */
  protected abstract PlatformSimulator startSimulator(Clock clock);

  /** The option sets that choose each message type the platform renders; by default, the robot's defaults only. */
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of());
  }

  /** Whether {@code message} is within the platform's size limit (a whole body or one field). */
  protected abstract boolean withinSizeLimit(OutboundMessage message);

  @BeforeEach
  void startWordingSimulator() {
    clock = new ManualClock(T0);
    simulator = startSimulator(clock);
    context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5));
  }

  @AfterEach
  void stopWordingSimulator() {
    simulator.close();
  }

  @Test
  void everyBuiltInWordIsInTheRobotsLanguage() {
    for (Map<String, String> options : messageTypeOptions()) {
      for (Wording wording : Wording.values()) {
        for (Map.Entry<String, Notification> c : cases().entrySet()) {
          String overflow = c.getKey().startsWith("split") ? "split" : "truncate";
          Robot robot = robot(c.getKey(), options, wording, overflow);
          List<String> texts = deliver(robot, c.getValue());
          texts.forEach(t -> check(wording, options + " " + c.getKey(), t, c.getValue()));
        }
        Robot robot = robot("handoff", options, wording, "truncate");
        String notice = deliverNotice(robot, handoff(wording));
        check(wording, options + " handoff", notice, null);
      }
    }
  }

  @Test
  void aStormStaysWithinTheLimitInChineseAndSaysHowManyItLeavesOut() {
    List<Alert> storm = new StormAlerts(2_000, 19).alerts(clock.instant(), Duration.ofMillis(30));
    for (Map<String, String> options : messageTypeOptions()) {
      Robot truncate = robot("storm-truncate", options, Wording.ZH_CN, "truncate");
      List<String> texts = deliver(truncate, digest(storm));
      String all = String.join("\n", texts);
      Matcher more = MORE_ZH.matcher(all);
      assertThat(more.find()).as("%s: the more line, in Chinese: %s", options, all).isTrue();
      assertThat(count(NAMED, all) + Integer.parseInt(more.group(1))).as("%s: named + left out", options)
          .isEqualTo(storm.size());

      Robot split = robot("storm-split", options, Wording.ZH_CN, "split");
      List<String> parts = deliver(split, notification(NotifyReason.FIRST_NOTIFICATION, storm.subList(0, 600), List.of()));
      assertThat(parts).as("%s: parts", options).hasSizeGreaterThan(1);
      assertThat(count(NAMED, String.join("\n", parts))).as("%s: every alert once", options).isEqualTo(600);
    }
  }

  @Test
  void anAcknowledgersNameIsTextThatMentionsNobodyInEitherLanguage() {
    // the name comes from the claim page's free-text field: whatever was typed, it is only text
    String who = "<@zhangsan> <at id=all></at> <at user_id=\"all\">所有人</at> @13800000000 [x](https://evil.example.com)";
    Notification acked = notification(NotifyReason.ACKNOWLEDGED, List.of(alert("HighLatency", "critical", "web-1")),
        List.of()).asAcknowledgement(true, who);
    for (Map<String, String> options : messageTypeOptions()) {
      for (Wording wording : Wording.values()) {
        Robot robot = robot("hostile-ack", options, wording, "truncate");
        deliver(robot, acked);
        List<String> fired = new ArrayList<>();
        simulator.received(robot.id()).forEach(m -> fired.addAll(m.mentions()));
        assertThat(fired).as("%s %s: mentions that fired", options, wording).isEmpty();
        // a markdown message's text is what the renderer reads: no link may form there
        simulator.received(robot.id()).stream()
            .filter(m -> m.msgType().startsWith("markdown") || m.msgType().equals("actionCard"))
            .forEach(m -> assertThat(m.text()).as("%s %s", options, wording).doesNotContain("](https://evil"));
      }
    }
  }

  @Test
  void aPersonWhoCannotBeAtedIsNamedInTheRobotsLanguage() {
    // reasons as core writes them (MentionPlanner, Handoffs): every platform words them through Wording
    List<Mention> who = List.of(
        Mention.unresolved(MentionTarget.contact("zhangsan"), "zhangsan", "张三", NOT_BOUND),
        Mention.unresolved(MentionTarget.contact("lisi"), null, "李四", "unknown contact"));
    Notification n = notification(NotifyReason.FIRST_NOTIFICATION, List.of(alert("HighLatency", "critical", "web-1")),
        List.of());
    for (Map<String, String> options : messageTypeOptions()) {
      for (Wording wording : Wording.values()) {
        Robot robot = robot("unresolved", options, wording, "truncate");
        String alerts = String.join("\n", deliver(robot, n, who));
        Robot noticeRobot = robot("unresolved-notice", options, wording, "truncate");
        String notice = deliverNotice(noticeRobot, new Notice(NotifyReason.HANDOFF, "schedule:primary",
            "handoff:primary:" + T0, wording.onCallFor("Payments primary", "李四"), List.of(), who, T0));
        for (String text : List.of(alerts, notice)) {
          if (wording == Wording.ZH_CN) {
            assertThat(text).as("%s zh-CN", options)
                .contains("张三（未 @：手机号尚未绑定（此策略要求绑定））", "李四（未 @：未知的联系人）")
                .doesNotContain("not @").doesNotContain("mobile number").doesNotContain("unknown");
          } else {
            assertThat(text).as("%s en", options).contains("not @").contains("unknown contact").doesNotContain("未 @");
          }
        }
      }
    }
  }

  // ---- the cases

  /** A notification of every reason, a digest, a truncated and a split one, by name. */
  protected Map<String, Notification> cases() {
    Map<String, Notification> cases = new LinkedHashMap<>();
    List<Alert> firing = List.of(alert("HighLatency", "critical", "web-1"), alert("HighLatency", "warning", "web-2"),
        alert(null, null, "web-3"));
    List<Alert> resolved = List.of(alert("HighLatency", "critical", "web-9").resolvedAt(T0.plus(Duration.ofMinutes(65))));
    for (NotifyReason r : List.of(NotifyReason.FIRST_NOTIFICATION, NotifyReason.NEW_ALERTS, NotifyReason.SOME_RESOLVED,
        NotifyReason.REPEAT)) {
      cases.put(r.name(), notification(r, firing, resolved));
    }
    cases.put("ALL_RESOLVED", notification(NotifyReason.ALL_RESOLVED, List.of(), resolved));
    cases.put("ESCALATION", notification(NotifyReason.ESCALATION, firing, List.of())
        .asEscalation("escalation step 2 of 3, round 1 of 2 (repeat 1 of 2)"));
    cases.put("ACKNOWLEDGED", notification(NotifyReason.ACKNOWLEDGED, firing, List.of()).asAcknowledgement(true, "alice"));
    cases.put("UNACKNOWLEDGED", notification(NotifyReason.ACKNOWLEDGED, firing, List.of()).asAcknowledgement(false, "alice"));
    cases.put("DIGEST", new Notification("payments-oncall", "digest", new TreeMap<>(), NotifyReason.DIGEST, firing,
        resolved, links(), T0, 3));
    List<Alert> many = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // more names than the counts list, some without a name or severity: every word of the counts
      many.add(alert(i % 7 == 0 ? null : "DiskFull" + i % 15, i % 5 == 0 ? null : "warning", "host-" + i));
    }
    cases.put("DIGEST storm", digest(many));
    cases.put("truncated", notification(NotifyReason.FIRST_NOTIFICATION, many, resolved));
    cases.put("split", notification(NotifyReason.FIRST_NOTIFICATION, many, resolved));
    return cases;
  }

  /** The handoff notice core writes for a robot in {@code wording} (core's {@code Handoffs} words it so). */
  protected Notice handoff(Wording wording) {
    return new Notice(NotifyReason.HANDOFF, "schedule:primary", "handoff:primary:" + T0,
        wording.onCallFor("Payments primary", "Bob"),
        List.of(wording.since("2026-03-10 09:00:00 UTC (+00:00)", "2026-03-11 09:00:00 UTC (+00:00)"),
            wording.next("Alice")), List.of(), T0);
  }

  private static Alert alert(String name, String severity, String instance) {
    Map<String, String> labels = new HashMap<>(Map.of("service", "payments", "instance", instance));
    if (name != null) {
      labels.put("alertname", name);
    }
    if (severity != null) {
      labels.put("severity", severity);
    }
    return Alert.firing(labels).annotation("summary", "p99 latency above 2s on " + instance)
        .annotation("description", "checkout is slow\nsee the dashboard").startsAt(T0)
        .generatorURL("https://prometheus.example.com/graph?g0.expr=up").build();
  }

  private static List<NotificationLink> links() {
    return List.of(new NotificationLink(Kind.RUNBOOK, "Runbook", "https://ops.example.com/rb"),
        new NotificationLink(Kind.SOURCE, "Source", "https://prometheus.example.com/graph"),
        new NotificationLink(Kind.ACKNOWLEDGE, "Claim", "https://ops.example.com/a/ack"),
        new NotificationLink(Kind.RESOLVE, "Resolve", "https://ops.example.com/a/resolve"),
        new NotificationLink(Kind.SILENCE, "Silence 1h", "https://ops.example.com/a/silence"),
        new NotificationLink(Kind.BIND, "Bind your number to be @-ed", "https://ops.example.com/bind"));
  }

  private static Notification notification(NotifyReason reason, List<Alert> firing, List<Alert> resolved) {
    return Notification.of("payments-oncall", "{}:{alertname=\"HighLatency\"}",
        new TreeMap<>(Map.of("alertname", "HighLatency", "service", "payments")), reason, firing, resolved, links(),
        T0.plusSeconds(60));
  }

  private static Notification digest(List<Alert> alerts) {
    return new Notification("storm", "digest", new TreeMap<>(), NotifyReason.DIGEST, alerts, List.of(), List.of(), T0,
        Math.max(2, alerts.size()));
  }

  // ---- checks

  private static void check(Wording wording, String what, String text, Notification n) {
    if (wording == Wording.EN) {
      assertThat(text).as("%s in en", what).doesNotContainPattern(CJK);
      return;
    }
    assertThat(text).as("%s in zh-CN", what).containsPattern(CJK);
    Set<String> values = valuesOf(n);
    String plain = TAG.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
    List<String> english = new ArrayList<>();
    Matcher m = WORD.matcher(plain);
    while (m.find()) {
      if (!values.contains(m.group()) && !TECHNICAL.contains(m.group())) {
        english.add(m.group());
      }
    }
    assertThat(english).as("%s in zh-CN: English words left in%n%s", what, text).isEmpty();
  }

  /** The words of what a notification carries: labels, annotations, policy, names; they stay as they are. */
  private static Set<String> valuesOf(Notification n) {
    Set<String> words = new HashSet<>(List.of("Payments", "primary", "Bob", "Alice", "alice", "storm"));
    if (n == null) {
      return words;
    }
    List<String> texts = new ArrayList<>(List.of(n.policy()));
    n.groupLabels().forEach((k, v) -> texts.addAll(List.of(k, v)));
    List<Alert> all = new ArrayList<>(n.firing());
    all.addAll(n.resolved());
    for (Alert a : all) {
      a.labels().forEach((k, v) -> texts.addAll(List.of(k, v)));
      a.annotations().forEach((k, v) -> texts.add(v));
    }
    for (String t : texts) {
      Matcher m = WORD.matcher(t);
      while (m.find()) {
        words.add(m.group());
      }
    }
    return words;
  }

  // ---- delivery

  private List<String> deliver(Robot robot, Notification n) {
    return deliver(robot, n, List.of());
  }

  private List<String> deliver(Robot robot, Notification n, List<Mention> mentions) {
    List<OutboundMessage> messages = provider().render(RenderRequest.of(n, mentions, robot, null));
    send(robot, messages);
    return simulator.received(robot.id()).stream().map(ReceivedMessage::text).toList();
  }

  private String deliverNotice(Robot robot, Notice notice) {
    send(robot, provider().renderNotice(NoticeRequest.of(notice, robot)));
    return String.join("\n", simulator.received(robot.id()).stream().map(ReceivedMessage::text).toList());
  }

  private void send(Robot robot, List<OutboundMessage> messages) {
    var client = provider().client(robot, context);
    for (OutboundMessage m : messages) {
      assertThat(withinSizeLimit(m)).as("%s %s within the limit (%d bytes)", robot.options(), m.type(), m.bytes()).isTrue();
      SendResult result = client.send(m);
      assertThat(result.isSent()).as("%s %s: %s", robot.options(), m.type(), result).isTrue();
      clock.advance(pace());
    }
  }

  private Robot robot(String name, Map<String, String> options, Wording wording, String overflow) {
    String id = (name + "-" + wording.tag() + "-" + Integer.toHexString(options.hashCode())).replace(' ', '-');
    Robot registered = simulator.robot(id, null);
    Map<String, String> merged = new HashMap<>(options);
    merged.put(RenderRequest.OPTION_OVERFLOW, overflow);
    merged.put(RenderRequest.OPTION_LOCALE, wording.tag());
    return new Robot(registered.id(), registered.platform(), registered.webhook(), registered.secret(),
        registered.keyword(), merged);
  }

  private Duration pace() {
    Duration pace = Duration.ZERO;
    for (RateLimit limit : provider().rateLimits()) {
      Duration gap = limit.period().dividedBy(limit.permits());
      pace = gap.compareTo(pace) > 0 ? gap : pace;
    }
    return pace.plus(pace.dividedBy(10));
  }

  private static int count(Pattern pattern, String text) {
    int n = 0;
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
