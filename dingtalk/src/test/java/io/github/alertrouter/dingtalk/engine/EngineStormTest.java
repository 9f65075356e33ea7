package io.github.alertrouter.dingtalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A storm: 10,000 distinct alerts in one minute, each its own group, all to one DingTalk robot. */
class EngineStormTest {
  private static final Pattern SHOWN = Pattern.compile("Storm\\d+");
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more alerts?");

  private RouterFixture f;

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void staysWithinDingTalksLimitAndAccountsForEveryAlert() {
    f = new RouterFixture("""
        notificationPolicies:
          - name: storm
            groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
            notifyRule: { robots: [ops] }
            repeatInterval: 4h
        """);
    for (int i = 0; i < 10_000; i++) {
      f.submit(f.firing(Map.of("alertname", "Storm" + i, "team", "payments")));
      f.advance(Duration.ofMillis(6));
    }
    f.advance(Duration.ofMinutes(10));

    List<ReceivedMessage> messages = f.messages("ops");
    assertThat(f.simulator.rejected()).isEmpty();
    assertThat(f.failed).isEmpty();
    List<Instant> times = f.sent.stream().map(e -> e.at()).toList();
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
