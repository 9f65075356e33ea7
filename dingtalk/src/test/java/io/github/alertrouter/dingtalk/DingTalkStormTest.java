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
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A storm: 10,000 distinct alerts in one minute, each its own group, all to one DingTalk robot.
 * It stays beside DingTalk (the engine's scenarios are in core, on a fake platform) because what
 * it checks is DingTalk's: its 20-messages-a-minute limit as the simulator enforces it, and its
 * 20,000-byte messages saying "…and N more alerts".
 */
class DingTalkStormTest {
  private static final Pattern SHOWN = Pattern.compile("Storm\\d+");
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
        .clientContext(new ClientContext(Transport.jdk(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
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
        shown.add(names.group());
      }
      Matcher more = MORE.matcher(m.text());
      while (more.find()) {
        omitted += Long.parseLong(more.group(1));
      }
    }
    assertThat(shown.size() + omitted).isEqualTo(10_000);
    assertThat(messages.size()).isLessThan(40);
  }
}
