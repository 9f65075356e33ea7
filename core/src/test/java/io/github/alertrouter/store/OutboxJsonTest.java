package io.github.alertrouter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.Notice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An outbox entry survives JSON as it was, and a newer or broken one is refused by name. */
class OutboxJsonTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00.123456789Z");

  @Test
  void aNotificationWithEverythingReadsBackEqual() {
    Alert firing = Alert.firing(Map.of("alertname", "Disk", "team", "支付")).annotation("summary", "<at>all</at> \"q\"")
        .startsAt(T0).generatorURL("http://p:9090/g?x=1&y=2").build();
    Alert resolved = Alert.firing(Map.of("alertname", "Disk", "instance", "a")).startsAt(T0).endsAt(T0.plusSeconds(9))
        .build();
    Notification n = new Notification("payments", "{}/{team=~\"x\"}:{alertname=\"Disk\"}",
        new TreeMap<>(Map.of("alertname", "Disk")), NotifyReason.ACKNOWLEDGED, List.of(firing), List.of(resolved),
        List.of(new NotificationLink(NotificationLink.Kind.ACKNOWLEDGE, "Claim", "https://ar.example.com/a/t0k3n")),
        T0, 1, "acknowledged by alice");
    List<Mention> mentions = List.of(
        Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice", new Identity("mobile", "13800000000")),
        Mention.unresolved(MentionTarget.parse("label:owner"), null, "ghost", "names no contact"),
        Mention.all(MentionTarget.parse("all")));
    Outbox.Delivered delivered = new Outbox.Delivered("r\u0000k", "ops", Set.of(Fingerprint.of(firing.labels())),
        Set.of(Fingerprint.of(resolved.labels())));
    Outbox.Entry entry = new Outbox.Entry(new Delivery("ops", n, mentions, "{{ .Status }}"), "r\u0000k", delivered,
        outcome -> { });

    Outbox.Entry back = OutboxJson.read(OutboxJson.write(entry));

    assertThat(back.delivery()).isEqualTo(entry.delivery());
    assertThat(back.key()).isEqualTo("r\u0000k");
    assertThat(back.delivered()).isEqualTo(delivered);
    assertThat(back.receipt()).as("a receipt lives and dies with its process").isSameAs(Receipt.NONE);
  }

  @Test
  void anEscalationNoticeReadsBackWithItsFiringAndAnEntryWithoutOneHasNone() {
    Notification n = new Notification("payments", "{}:{alertname=\"Disk\"}", new TreeMap<>(Map.of("alertname", "Disk")),
        NotifyReason.ESCALATION, List.of(Alert.firing(Map.of("alertname", "Disk")).startsAt(T0).build()), List.of(),
        List.of(), T0, 1, "escalation step 2 of 2");
    Outbox.StepFired step = new Outbox.StepFired("{}:{alertname=\"Disk\"}", T0.minusSeconds(600),
        new FiringSlot(1, 0, 2), T0, Set.of("ops", "dev"));
    Outbox.Entry entry = new Outbox.Entry(new Delivery("ops", n, List.of(), null), null, null, step, Receipt.NONE);

    assertThat(OutboxJson.read(OutboxJson.write(entry)).step()).isEqualTo(step);
    assertThat(OutboxJson.read(OutboxJson.write(new Outbox.Entry(entry.delivery(), null, null, Receipt.NONE))).step())
        .isNull();
  }

  @Test
  void aNoticeReadsBackEqual() {
    Notice notice = new Notice(NotifyReason.HANDOFF, "schedule:primary", "handoff:primary:2026-03-08T02:00:00Z",
        "On call: bob", List.of("line 1", "line 2"),
        List.of(Mention.resolved(MentionTarget.contact("bob"), "bob", "Bob", new Identity("userId", "u1"))), T0);
    Outbox.Entry entry = new Outbox.Entry(Delivery.of("ops", notice), null, null, Receipt.NONE);

    Outbox.Entry back = OutboxJson.read(OutboxJson.write(entry));

    assertThat(back.delivery()).isEqualTo(entry.delivery());
    assertThat(back.key()).isNull();
    assertThat(back.delivered()).isNull();
  }

  @Test
  void anEntryFromANewerReleaseOrBrokenIsRefusedByName() {
    assertThatThrownBy(() -> OutboxJson.read("{\"v\":2,\"robot\":\"ops\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/v").hasMessageContaining("newer release");
    assertThatThrownBy(() -> OutboxJson.read("{\"v\":1,\"robot\":\"ops\",\"notification\":{\"policy\":\"p\"}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/notification/groupKey");
    assertThatThrownBy(() -> OutboxJson.read("[1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
  }
}
