package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.DigestText;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.StormAlerts;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Storms: 10,000 distinct alerts in one minute, each its own group, all to one DingTalk robot.
 * They stay beside DingTalk (the engine's scenarios are in core, on a fake platform) because what
 * they check is DingTalk's: its 20-messages-a-minute limit as the simulator enforces it, and what
 * its 20,000-byte messages tell a reader: the alerts they name, the counts of all the others.
 * {@code benchmarks/StormDigest} prints the same storm's numbers.
 */
class DingTalkStormTest {
  /** A storm alert named in a message: on an alert's line, where its name is bold. */
  private static final Pattern SHOWN = Pattern.compile("\\*\\*(Storm\\d+)\\*\\*");
  private static final Pattern INSTANCE = Pattern.compile("instance=(i-\\d{5})");
  private static final Pattern COVERS = Pattern.compile("FIRING:(\\d+)");
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more alerts?");
  private static final String SECRET = "SECfixture";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T01:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DingTalkSimulator simulator = DingTalkSimulator.start(clock);
  private final List<DeliveryEvent> sent = new ArrayList<>();
  private final List<DeliveryEvent> failed = new ArrayList<>();
  private AlertRouter router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
    simulator.close();
  }

  /** A router on virtual time whose robot {@code ops} posts to the simulator (the settings the storm ran with in the engine fixture). */
  private void start(String policies) {
    String webhook = simulator.robot("ops", SECRET, "alert").webhook().reveal();
    RouterConfig config = RouterConfig.parse("""
        robots:
          - { id: ops, platform: dingtalk, webhook: "${OPS_URL}", secret: "${SECRET}", keyword: alert,
              options: { actionBaseUrl: "https://ops.example.com/alert-router" } }
        """ + policies, "storm.yaml", Map.of("OPS_URL", webhook, "SECRET", SECRET));
    router = AlertRouter.builder()
        .actionKey(Secret.of("fixture-action-key-0123456789abcdef0123"))
        .config(config)
        .scheduler(scheduler)
        .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
        .listener(new DeliveryListener() {
          @Override
          public void sent(DeliveryEvent e) {
            sent.add(e);
          }

          @Override
          public void failed(DeliveryEvent e) {
            failed.add(e);
          }
        })
        .build();
  }

  private void submit(Alert alert) {
    router.submit(alert);
    scheduler.runDue();
  }

  /** A firing alert its source keeps alive for a day. */
  private Alert firing(Map<String, String> labels) {
    return Alert.firing(labels).startsAt(clock.instant()).endsAt(clock.instant().plus(Duration.ofDays(1))).build();
  }

  @Test
  void staysWithinDingTalksLimitAndAccountsForEveryAlert() {
    start("""
        notificationPolicies:
          - name: storm
            groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
            notifyRule: { robots: [ops] }
            repeatInterval: 4h
        """);
    for (int i = 0; i < 10_000; i++) {
      submit(firing(Map.of("alertname", "Storm" + i, "team", "payments")));
      scheduler.advance(Duration.ofMillis(6));
    }
    scheduler.advance(Duration.ofMinutes(10));

    List<ReceivedMessage> messages = simulator.received("ops");
    assertThat(simulator.rejected()).isEmpty();
    assertThat(failed).isEmpty();
    List<Instant> times = sent.stream().map(e -> e.at()).toList();
    for (Instant t : times) {
      assertThat(times.stream().filter(u -> !u.isBefore(t) && u.isBefore(t.plusSeconds(60))).count())
          .isLessThanOrEqualTo(20);
    }
    Set<String> shown = new HashSet<>();
    long omitted = 0;
    for (ReceivedMessage m : messages) {
      Matcher names = SHOWN.matcher(m.text());
      while (names.find()) {
        shown.add(names.group(1));
      }
      Matcher more = MORE.matcher(m.text());
      while (more.find()) {
        omitted += Long.parseLong(more.group(1));
      }
    }
    assertThat(shown.size() + omitted).isEqualTo(10_000);
    assertThat(messages.size()).isLessThan(40);
  }

  /**
   * Issue #19: the storm's digest names as many alerts as 20,000 bytes hold (one line each, most
   * severe first), and counts every alert it covers by severity and alertname, with the severities
   * of those it leaves out: a reader learns the whole storm's shape from the one message.
   */
  @Test
  void aStormsDigestCountsEveryAlertItCoversAndNamesAsManyAsFit() {
    start("""
        notificationPolicies:
          - name: storm
            groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname, instance] }
            notifyRule: { robots: [ops] }
            repeatInterval: 4h
        """);
    StormAlerts storm = StormAlerts.issue19();
    List<Alert> alerts = storm.alerts(clock.instant(), Duration.ofMillis(6));
    Map<String, Alert> byInstance = new HashMap<>();
    for (Alert a : alerts) {
      byInstance.put(a.label("instance"), a);
      scheduler.advance(Duration.between(clock.instant(), a.startsAt()));
      submit(a);
    }
    scheduler.advance(Duration.ofMinutes(15));

    assertThat(simulator.rejected()).as("throttle answers and refused bodies").isEmpty();
    assertThat(failed).isEmpty();
    List<Instant> times = sent.stream().map(DeliveryEvent::at).toList();
    for (Instant t : times) {
      assertThat(times.stream().filter(u -> !u.isBefore(t) && u.isBefore(t.plusSeconds(60))).count())
          .isLessThanOrEqualTo(DingTalkSimulator.RATE_LIMIT);
    }
    assertThat(sent).allSatisfy(e -> assertThat(e.bytes()).isLessThanOrEqualTo(DingTalkSimulator.MAX_BODY_BYTES));

    List<ReceivedMessage> messages = simulator.received("ops");
    Set<String> named = new HashSet<>();
    Set<String> namedAlone = new HashSet<>();
    int counted = 0;
    int digests = 0;
    Map<String, Integer> digestedSeverities = new LinkedHashMap<>();
    Map<String, Integer> digestedNames = new LinkedHashMap<>();
    for (ReceivedMessage m : messages) {
      Set<String> here = new HashSet<>();
      Matcher instances = INSTANCE.matcher(m.text());
      while (instances.find()) {
        here.add(instances.group(1));
      }
      assertThat(Collections.disjoint(here, named)).as("an alert is named by one message only").isTrue();
      named.addAll(here);
      DigestText counts = DigestText.read(m.text());
      counted += counts.more();
      if (!m.text().contains("digest of queued notifications")) {
        namedAlone.addAll(here);
        continue;
      }
      digests++;
      Matcher covers = COVERS.matcher(m.text());
      assertThat(covers.find()).isTrue();
      int covered = Integer.parseInt(covers.group(1));
      assertThat(here.size() + counts.more()).as("named + counted = covered").isEqualTo(covered);
      assertThat(here.size()).as("a line per alert: 20,000 bytes name a few hundred").isGreaterThan(200);
      assertThat(DigestText.total(counts.bySeverity())).as("severity counts add up").isEqualTo(covered);
      assertThat(DigestText.total(counts.byAlertname())).as("alertname counts add up").isEqualTo(covered);
      assertThat(DigestText.total(counts.moreBySeverity())).isEqualTo(counts.more());
      assertThat(counts.topLabels()).isNotEmpty().allSatisfy((label, n) -> assertThat(label).startsWith("team=team-"));
      if (counts.moreBySeverity().containsKey("critical")) {
        assertThat(here).as("most severe first: no lesser alert named while a critical one is only counted")
            .allSatisfy(i -> assertThat(byInstance.get(i).label("severity")).isEqualTo("critical"));
      }
      counts.bySeverity().forEach((k, n) -> digestedSeverities.merge(k, n, Integer::sum));
      counts.byAlertname().forEach((k, n) -> digestedNames.merge(k, n, Integer::sum));
    }
    assertThat(digests).isPositive();
    assertThat(named.size() + counted).as("every alert named or counted").isEqualTo(storm.count());
    // the digests cover exactly what no message of its own announced, and count it right
    List<Alert> digested = alerts.stream().filter(a -> !namedAlone.contains(a.label("instance"))).toList();
    assertThat(digestedSeverities).containsExactlyEntriesOf(tally(digested, "severity", List.of("critical", "warning", "info")));
    assertThat(digestedNames).containsExactlyInAnyOrderEntriesOf(tally(digested, "alertname", StormAlerts.ALERTNAMES));
  }

  private static Map<String, Integer> tally(List<Alert> alerts, String label, List<String> order) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    order.forEach(v -> counts.put(v, 0));
    alerts.forEach(a -> counts.merge(a.label(label), 1, Integer::sum));
    counts.values().removeIf(n -> n == 0);
    return counts;
  }
}
