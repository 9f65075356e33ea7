package io.github.alertrouter.store.journal;

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
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.OutboxJson;
import io.github.alertrouter.store.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Outbox entries for the journal's tests, with what a journal could mangle (quotes, backslashes,
 * newlines, non-ASCII, NUL in a log key, nanoseconds), and how to compare them: as
 * {@link OutboxJson}, everything but the receipt.
 */
final class Deliveries {
  static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private Deliveries() {}

  /** A group's notification of alert {@code name} to robot {@code robotId}, delivered into group {@code group}'s log. */
  static Outbox.Entry notification(String name, String key, String group, String robotId, Receipt receipt) {
    Alert firing = Alert.firing(Map.of("alertname", name, "quote", "it's \"x\" \\ \n é")).annotation("summary", "磁盘满")
        .startsAt(AT).build();
    Alert resolved = Alert.firing(Map.of("alertname", name + "-old")).startsAt(AT).endsAt(AT.plusSeconds(60)).build();
    Notification n = new Notification("payments", "{}:{alertname=\"" + name + "\"}", new TreeMap<>(Map.of("alertname", name)),
        NotifyReason.FIRST_NOTIFICATION, List.of(firing), List.of(resolved),
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://wiki.example.com/run?a=1&b=2")),
        AT, 1, null);
    List<Mention> mentions = List.of(
        Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice 李", new Identity("mobile", "13800000000")));
    Outbox.Delivered delivered = new Outbox.Delivered(group, robotId, Set.of(Fingerprint.of(firing.labels())),
        Set.of(Fingerprint.of(resolved.labels())));
    return new Outbox.Entry(new Delivery(robotId, n, mentions, "{{ .Status }} 告警"), key, delivered, receipt);
  }

  /** {@link #notification} into group {@code "route\0" + name}'s log for robot {@code ops}, without a receipt. */
  static Outbox.Entry notification(String name, String key) {
    return notification(name, key, "route\u0000" + name, "ops", Receipt.NONE);
  }

  /** The notice of escalation step 2 (its first repeat, round 1) of group {@code name}: no key, nothing for the log. */
  static Outbox.Entry escalation(String name) {
    Outbox.Entry n = notification(name, null);
    return new Outbox.Entry(n.delivery(), null, null, new Outbox.StepFired("{}:{alertname=\"" + name + "\"}",
        AT.minusSeconds(600), new FiringSlot(1, 1, 0), AT, Set.of("ops", "dba")), Receipt.NONE);
  }

  /** A handoff notice: no key, nothing for the log. */
  static Outbox.Entry notice(String who) {
    Notice notice = new Notice(NotifyReason.HANDOFF, "schedule:primary", "handoff:primary:" + who, "On call now: " + who,
        List.of("until 2026-03-02 09:00", "next: \"bob\""),
        List.of(Mention.resolved(MentionTarget.contact(who), who, who, new Identity("userId", "u-" + who))), AT);
    return new Outbox.Entry(Delivery.of("ops", notice), null, null, Receipt.NONE);
  }

  /** The entries as {@link OutboxJson}: what a journal must give back. */
  static List<String> json(List<Outbox.Entry> entries) {
    return entries.stream().map(OutboxJson::write).toList();
  }
}
