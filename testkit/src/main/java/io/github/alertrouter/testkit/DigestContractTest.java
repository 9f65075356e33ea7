package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.Severity;
import io.github.alertrouter.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a reader of a storm's digest learns, for a platform whose built-in layouts write digests
 * with core's kit ({@code NotificationFacts.countLines}, {@code AlertFacts.compactLine}), proved
 * against the platform's {@link PlatformSimulator} in every {@link #messageTypeOptions() message
 * type}: the first message counts every alert by severity and alertname (the counts add up, and
 * equal the alerts'), names as many alerts as fit one line each, and says how many it leaves out
 * and their severities; every message is within the platform's limit however long the names and
 * label values; and alert text in the counts mentions nobody. A platform module's tests extend
 * this with a short subclass. Not thread-safe: JUnit makes one instance per test.
 */
public abstract class DigestContractTest {
  /** A storm alert named in a message: its unique instance label, as every dialect writes it. */
  private static final Pattern NAMED = Pattern.compile("instance=i");

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
  void startDigestSimulator() {
    clock = new ManualClock();
    simulator = startSimulator(clock);
    context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5));
  }

  @AfterEach
  void stopDigestSimulator() {
    simulator.close();
  }

  @Test
  void aTruncatedStormDigestNamesWhatFitsAndCountsEveryAlert() {
    List<Alert> storm = new StormAlerts(2_000, 19).alerts(clock.instant(), Duration.ofMillis(30));
    for (Map<String, String> options : messageTypeOptions()) {
      Robot robot = robot("truncate", options, "truncate");
      List<String> texts = deliver(robot, digest(storm));

      String all = String.join("\n", texts);
      DigestText first = DigestText.read(texts.get(0));
      int named = count(NAMED, all);
      assertThat(first.bySeverity()).as("%s: severities", options)
          .containsExactlyEntriesOf(tally(storm, a -> a.label("severity"), List.of("critical", "warning", "info")));
      assertThat(first.byAlertname()).as("%s: alertnames", options)
          .containsExactlyInAnyOrderEntriesOf(tally(storm, a -> a.label("alertname"), StormAlerts.ALERTNAMES));
      assertThat(first.topLabels()).as("%s: the teams with the most alerts", options).isNotEmpty()
          .allSatisfy((label, n) -> assertThat(label).contains("team"));
      assertThat(named).as("%s: a line per alert", options).isGreaterThan(10);
      assertThat(named + first.more()).as("%s: named + counted", options).isEqualTo(storm.size());
      assertThat(DigestText.total(first.moreBySeverity())).as("%s: severities left out", options).isEqualTo(first.more());
    }
  }

  @Test
  void aSplitStormDigestNamesEveryAlertOnceAndCountsThemInItsFirstPart() {
    List<Alert> storm = new StormAlerts(600, 7).alerts(clock.instant(), Duration.ofMillis(30));
    for (Map<String, String> options : messageTypeOptions()) {
      Robot robot = robot("split", options, "split");
      List<String> texts = deliver(robot, digest(storm));

      assertThat(count(NAMED, String.join("\n", texts))).as("%s: every alert once", options).isEqualTo(storm.size());
      DigestText first = DigestText.read(texts.get(0));
      assertThat(DigestText.total(first.bySeverity())).as("%s", options).isEqualTo(storm.size());
      assertThat(DigestText.total(first.byAlertname())).as("%s", options).isEqualTo(storm.size());
      assertThat(texts.stream().mapToInt(t -> DigestText.read(t).more()).sum()).as("%s: nothing left out", options).isZero();
    }
  }

  @Test
  void hugeNamesAndLabelValuesStayWithinTheLimitAndTheCountsStillAddUp() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      alerts.add(Alert.firing(Map.of("alertname", "磁盘空间不足🔥".repeat(80) + i,
              "severity", List.of("critical", "warning", "磁盘严重程度".repeat(40)).get(i % 3),
              "team", "团队👩‍💻".repeat(2_000) + (i % 60), "instance", "i-" + i))
          .annotation("summary", "磁盘已满".repeat(2_000)).annotation("description", "\"\\\n".repeat(3_000))
          .startsAt(clock.instant()).build());
    }
    for (Map<String, String> options : messageTypeOptions()) {
      Robot robot = robot("huge", options, "truncate");
      List<String> texts = deliver(robot, digest(alerts));

      DigestText first = DigestText.read(texts.get(0));
      assertThat(first.hasCounts()).as("%s: the counts are never what is cut", options).isTrue();
      assertThat(DigestText.total(first.bySeverity())).as("%s", options).isEqualTo(alerts.size());
      assertThat(DigestText.total(first.byAlertname())).as("%s: listed + the others", options).isEqualTo(alerts.size());
      assertThat(first.byAlertname().keySet()).as("%s: the rest summed up", options).anyMatch(k -> k.startsWith("under "));
      int named = count(NAMED, String.join("\n", texts));
      assertThat(named).as("%s: some alerts named", options).isPositive();
      assertThat(named + first.more()).as("%s", options).isEqualTo(alerts.size());
    }
  }

  @Test
  void alertTextInTheCountsMentionsNobody() {
    List<String> names = List.of("@all <at id=all></at> [x](https://evil.example.com) **b**",
        "<@all> @所有人 <at user_id=\"all\">所有人</at>", "# h\n- item ![i](https://evil.example.com/t.png)");
    List<String> teams = List.of("@13800000000 <@alice>", "<font color=\"warning\">@all</font> ~~x~~ `c`");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      alerts.add(Alert.firing(Map.of("alertname", names.get(i % names.size()), "severity", teams.get(i % 2) + " sev",
              "team", teams.get(i % 2), "instance", "i-" + i))
          .annotation("summary", names.get(i % names.size())).startsAt(clock.instant()).build());
    }
    for (Map<String, String> options : messageTypeOptions()) {
      Robot robot = robot("hostile", options, "truncate");
      List<String> texts = deliver(robot, digest(alerts));

      DigestText first = DigestText.read(texts.get(0));
      assertThat(DigestText.total(first.bySeverity())).as("%s", options).isEqualTo(alerts.size());
      assertThat(DigestText.total(first.byAlertname())).as("%s", options).isEqualTo(alerts.size());
      assertThat(first.topLabels()).as("%s", options).hasSize(2);
      List<String> fired = new ArrayList<>();
      simulator.received(robot.id()).forEach(m -> fired.addAll(m.mentions()));
      assertThat(fired).as("%s: mentions that fired", options).isEmpty();
    }
  }

  // ---- helpers

  /** A digest of {@code alerts}, one group each, listed most severe first as the router merges them. */
  protected Notification digest(List<Alert> alerts) {
    List<Alert> sorted = new ArrayList<>(alerts);
    sorted.sort(Comparator.comparing(a -> a.label("severity"), Severity.MOST_SEVERE_FIRST));
    return new Notification("storm", "digest", new TreeMap<>(), NotifyReason.DIGEST, sorted, List.of(), List.of(),
        clock.instant(), Math.max(1, alerts.size()));
  }

  /**
   * Renders {@code n} for {@code robot}, sends every message paced under the platform's limits,
   * checks each is within the limit and accepted, and returns the texts the chat shows, in order.
   */
  protected List<String> deliver(Robot robot, Notification n) {
    List<OutboundMessage> messages = provider().render(RenderRequest.of(n, List.of(), robot, null));
    var client = provider().client(robot, context);
    for (OutboundMessage m : messages) {
      assertThat(withinSizeLimit(m)).as("%s %s within the limit (%d bytes)", robot.options(), m.type(), m.bytes()).isTrue();
      SendResult result = client.send(m);
      assertThat(result.isSent()).as("%s %s: %s", robot.options(), m.type(), result).isTrue();
      clock.advance(pace());
    }
    return simulator.received(robot.id()).stream().map(ReceivedMessage::text).toList();
  }

  private Robot robot(String name, Map<String, String> options, String overflow) {
    Robot registered = simulator.robot(name + "-" + Integer.toHexString(options.hashCode()), null);
    Map<String, String> merged = new HashMap<>(options);
    merged.put(RenderRequest.OPTION_OVERFLOW, overflow);
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

  private static Map<String, Integer> tally(List<Alert> alerts, Function<Alert, String> key, List<String> order) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    order.forEach(k -> counts.put(k, 0));
    alerts.forEach(a -> counts.merge(key.apply(a), 1, Integer::sum));
    counts.values().removeIf(n -> n == 0);
    return counts;
  }
}
