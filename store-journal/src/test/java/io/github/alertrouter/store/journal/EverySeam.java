package io.github.alertrouter.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.Receipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change through every seam, and what each then answers: what the reopen tests write before a
 * restart and expect after it. Values carry what a journal could mangle: quotes, backslashes,
 * newlines, non-ASCII, nanoseconds.
 */
final class EverySeam {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");
  static final RateLimit TWENTY_A_MINUTE = new RateLimit(20, Duration.ofMinutes(1));
  static final String GROUP = "{}/{team=\"支付\"}:{alertname=\"Disk \\\"full\\\"\\n\"}";
  static final String ROBOT_KEY = "sre-ding#3f9a0c1e";

  static final Alert DISK = Alert.firing(Map.of("alertname", "DiskFull", "instance", "db-1", "quote", "it's \"x\" \\ \n é"))
      .annotation("summary", "磁盘满 on db-1").startsAt(T0).endsAt(T0.plusSeconds(300))
      .generatorURL("http://prometheus:9090/graph?g0.expr=up%3D%3D0").build();
  static final Alert CPU = Alert.firing(Map.of("alertname", "CpuHot", "instance", "app-1")).startsAt(T0)
      .endsAt(T0.plusSeconds(300)).build();
  static final Alert GONE = Alert.firing(Map.of("alertname", "Gone")).startsAt(T0).endsAt(T0.plusSeconds(10)).build();
  static final Silence KEPT = new Silence("s1", List.of(Condition.eq("alertname", "Disk"), Condition.re("instance", "db-.*"),
      Condition.nin("env", "dev", "test")), T0, T0.plusSeconds(3600), "bob", "维护\n窗口");
  static final Silence REMOVED = new Silence("s2", List.of(Condition.neq("team", "x")), T0, T0.plusSeconds(60), "", "");
  static final EscalationState EPISODE = EscalationState.start(T0)
      .withFired(List.of(new FiringSlot(0, 0, 0), new FiringSlot(1, 2, 1)), T0.plusSeconds(600))
      .acknowledge("张三 <ops@example.com>", T0.plusSeconds(700));
  static final NotificationLog.Entry DELIVERED = new NotificationLog.Entry(Set.of(DISK.fingerprint(), CPU.fingerprint()),
      Set.of(Fingerprint.parse("ff00ff00ff00ff00")), T0.plusSeconds(5));
  static final Binding BOUND = new Binding("alice", "dingtalk", "+8613800000001", T0);
  static final Instant TOKEN_EXPIRES = T0.plus(Duration.ofHours(24));
  static final Instant PENALTY_ENDS = T0.plus(Duration.ofMinutes(10));
  static final int SENDS = 5;

  private EverySeam() {}

  /** One or more changes through each seam, at {@code T0} (the clock of the stores). */
  static void write(JournalStores stores) {
    stores.alerts().receive(List.of(DISK, CPU, GONE), T0);
    stores.alerts().receive(List.of(Alert.firing(DISK.labels()).annotations(DISK.annotations())
        .startsAt(T0.plusSeconds(60)).endsAt(T0.plusSeconds(400)).generatorURL(DISK.generatorURL()).build()),
        T0.plusSeconds(60)); // keeps its start
    stores.alerts().resolved(CPU.resolvedAt(T0.plusSeconds(90)), T0.plusSeconds(90));
    stores.alerts().expire(T0.plusSeconds(20)); // drops GONE

    stores.notificationLog().record(GROUP, "sre-ding", DELIVERED);
    stores.notificationLog().record("other", "sre-ding", DELIVERED);
    stores.notificationLog().forget("other");

    stores.silences().put(KEPT);
    stores.silences().put(REMOVED);
    stores.silences().remove("s2");

    stores.escalations().put(GROUP, EPISODE);
    stores.escalations().put("resolved-group", EPISODE.resolve());
    stores.escalations().remove("resolved-group");

    RateWindows.Window window = stores.rateWindows().window(ROBOT_KEY, List.of(TWENTY_A_MINUTE));
    for (int i = 0; i < SENDS; i++) {
      assertThat(window.tryAcquire(T0.plusSeconds(i))).isZero();
    }
    window.penalise(PENALTY_ENDS);

    assertThat(stores.handoffs().claim("primary", T0)).isTrue();

    stores.usedTokens().markUsed("nonce-1", TOKEN_EXPIRES);
    stores.usedTokens().markUsed("nonce-2", TOKEN_EXPIRES);
    stores.usedTokens().release("nonce-2");

    stores.bindings().put(BOUND);
    stores.bindings().put(new Binding("bob", "wecom", "+8613800000002", T0));
    stores.bindings().remove("bob", "wecom");

    Outbox.Queue queue = stores.outbox().queue(ROBOT_KEY);
    queue.offer(Deliveries.notification("Gone", "g-gone"));
    queue.offer(Deliveries.notice("alice"));
    queue.offer(Deliveries.notification("Disk", "g-disk"));
    queue.offer(Deliveries.notification("Disk2", "g-disk")); // in the place of the one it replaces
    queue.offer(Deliveries.notification("Cpu", null));
    queue.ended(List.of(queue.take()), Receipt.Outcome.GAVE_UP, T0);
    assertThat(queue.take().delivery().isNotice()).as("out at the crash, never ended").isTrue();
  }

  /** What every seam answers after {@link #write}, asked at {@code T0 + 10 s}. */
  static void assertKept(JournalStores stores) {
    assertKeptByVersion1(stores);

    assertThat(stores.outbox().depth()).as("outbox depth").isEqualTo(3);
    assertThat(Deliveries.json(stores.outbox().queue(ROBOT_KEY).reload())).as("outbox").containsExactlyElementsOf(
        Deliveries.json(List.of(Deliveries.notice("alice"), Deliveries.notification("Disk2", "g-disk"),
            Deliveries.notification("Cpu", null))));
  }

  /** {@link #assertKept} but for the outbox: what a journal of version 1 (before the outbox) held. */
  static void assertKeptByVersion1(JournalStores stores) {
    Alert disk = new Alert(DISK.labels(), DISK.annotations(), T0, T0.plusSeconds(400), DISK.generatorURL());
    assertThat(stores.alerts().all()).as("alerts").containsExactlyInAnyOrder(disk, CPU.resolvedAt(T0.plusSeconds(90)));

    assertThat(stores.notificationLog().entries()).as("notification log").isEqualTo(Map.of(GROUP, Map.of("sre-ding", DELIVERED)));

    assertThat(stores.silences().all()).as("silences").containsExactly(KEPT);

    assertThat(stores.escalations().get(GROUP)).as("escalation").contains(EPISODE);
    assertThat(stores.escalations().get("resolved-group")).isEmpty();

    Instant later = T0.plusSeconds(10);
    RateWindows.Window window = stores.rateWindows().window(ROBOT_KEY, List.of(TWENTY_A_MINUTE));
    assertThat(window.penaltyEnds(later)).as("penalty").isEqualTo(PENALTY_ENDS);
    assertThat(window.available(PENALTY_ENDS.minusSeconds(1))).isZero();
    // the penalty over: what the window still counts is for tryAcquire in the window tests

    assertThat(stores.handoffs().claim("primary", T0)).as("a handoff announced before").isFalse();

    assertThat(stores.usedTokens().isUsed("nonce-1")).as("used link").isTrue();
    assertThat(stores.usedTokens().isUsed("nonce-2")).as("released link").isFalse();
    assertThat(stores.usedTokens().used()).isEqualTo(Map.of("nonce-1", TOKEN_EXPIRES));

    assertThat(stores.bindings().find("alice", "dingtalk")).as("binding").contains(BOUND);
    assertThat(stores.bindings().find("bob", "wecom")).isEmpty();
  }
}
