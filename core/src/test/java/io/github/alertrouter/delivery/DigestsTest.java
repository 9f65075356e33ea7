package io.github.alertrouter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DigestsTest {
  private static final Instant T = Instant.parse("2026-03-08T02:00:00Z");

  @Test
  void everyAlertOnceInItsLatestStateEveryMentionOnceAndOnlySharedGroupLabels() {
    Alert disk = Alert.firing(Map.of("alertname", "Disk", "cluster", "hz")).startsAt(T).build();
    Alert cpu = Alert.firing(Map.of("alertname", "Cpu", "cluster", "hz")).startsAt(T).build();
    Mention alice = Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice", new Identity("mobile", "1"));
    Mention aliceAgain = Mention.resolved(MentionTarget.group("sre"), "alice", "Alice", new Identity("mobile", "1"));
    Mention dave = Mention.unresolved(MentionTarget.parse("label:owner"), null, "dave", "no contact");

    Delivery first = new Delivery("r", note("p1", Map.of("alertname", "Disk", "cluster", "hz"), List.of(disk, cpu),
        List.of()), List.of(alice), "{{template}}");
    Delivery second = new Delivery("r", note("p2", Map.of("alertname", "Cpu", "cluster", "hz"), List.of(),
        List.of(cpu.resolvedAt(T.plusSeconds(60)))), List.of(aliceAgain, dave), null);

    Delivery digest = Digests.merge("r", List.of(first, second), T.plusSeconds(90));
    Notification n = digest.notification();

    assertThat(n.reason()).isEqualTo(NotifyReason.DIGEST);
    assertThat(n.groups()).isEqualTo(2);
    assertThat(n.policy()).isEqualTo("p1, p2");
    assertThat(n.firing()).containsExactly(disk);
    assertThat(n.resolved()).extracting(a -> a.label("alertname")).containsExactly("Cpu");
    assertThat(n.groupLabels()).containsExactly(Map.entry("cluster", "hz"));
    assertThat(n.at()).isEqualTo(T.plusSeconds(90));
    assertThat(digest.mentions()).containsExactly(alice, dave);
    assertThat(digest.template()).isNull();
  }

  @Test
  void alertsAreListedMostSevereFirstInTheOrderTheyQueued() {
    Alert info = Alert.firing(Map.of("alertname", "A", "severity", "info")).startsAt(T).build();
    Alert critical = Alert.firing(Map.of("alertname", "B", "severity", "critical")).startsAt(T).build();
    Alert none = Alert.firing(Map.of("alertname", "C")).startsAt(T).build();
    Alert warning = Alert.firing(Map.of("alertname", "D", "severity", "warning")).startsAt(T).build();
    Alert fatal = Alert.firing(Map.of("alertname", "E", "severity", "fatal")).startsAt(T).build();
    Alert gone = Alert.firing(Map.of("alertname", "F", "severity", "info")).startsAt(T).build().resolvedAt(T.plusSeconds(5));
    Alert goneCritical = Alert.firing(Map.of("alertname", "G", "severity", "critical")).startsAt(T).build()
        .resolvedAt(T.plusSeconds(5));

    Notification n = Digests.merge("r", List.of(
        new Delivery("r", note("p1", Map.of(), List.of(info, critical, none), List.of(gone)), List.of(), null),
        new Delivery("r", note("p2", Map.of(), List.of(warning, fatal), List.of(goneCritical)), List.of(), null)),
        T.plusSeconds(10)).notification();

    assertThat(n.firing()).extracting(a -> a.label("alertname")).containsExactly("B", "E", "C", "D", "A");
    assertThat(n.resolved()).extracting(a -> a.label("alertname")).containsExactly("G", "F");
    assertThat(n.isDigest()).isTrue();
  }

  private static Notification note(String policy, Map<String, String> groupLabels, List<Alert> firing,
      List<Alert> resolved) {
    return Notification.of(policy, policy + ":key", new TreeMap<>(groupLabels), NotifyReason.FIRST_NOTIFICATION,
        firing, resolved, List.of(), T);
  }
}
