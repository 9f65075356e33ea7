package io.github.alertrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Notice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The in-memory outbox: order, replacement by key, and what a digest takes. */
class OutboxTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  private static Outbox.Entry notification(String alertname, String key) {
    Alert alert = Alert.firing(Map.of("alertname", alertname)).startsAt(T0).build();
    Notification n = Notification.of("p", "{}:{alertname=\"" + alertname + "\"}",
        new TreeMap<>(Map.of("alertname", alertname)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(),
        List.of(), T0);
    return new Outbox.Entry(new Delivery("ops", n, List.of(), null), key, null, Receipt.NONE);
  }

  private static Outbox.Entry notice(String key) {
    return new Outbox.Entry(Delivery.of("ops", new Notice(NotifyReason.HANDOFF, "schedule:primary", key,
        "on call: " + key, List.of(), List.of(), T0)), null, null, Receipt.NONE);
  }

  @Test
  void entriesLeaveInOrderAndANewerOneWithTheSameKeyTakesTheOldOnesPlace() {
    Outbox.Queue queue = Outbox.inMemory().queue("ops:abc");
    Outbox.Entry a = notification("A", "g-a");
    Outbox.Entry b = notification("B", "g-b");
    Outbox.Entry newerA = notification("A", "g-a");

    assertThat(queue.offer(a)).isNull();
    assertThat(queue.offer(b)).isNull();
    assertThat(queue.offer(newerA)).isSameAs(a);

    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.take()).isSameAs(newerA);
    assertThat(queue.take()).isSameAs(b);
    assertThat(queue.take()).isNull();
  }

  @Test
  void aDigestTakesTheNotificationsAndLeavesTheNoticesInOrder() {
    Outbox.Queue queue = Outbox.inMemory().queue("ops:abc");
    Outbox.Entry a = notification("A", "g-a");
    Outbox.Entry handoff = notice("alice");
    Outbox.Entry b = notification("B", null);
    List.of(a, handoff, b).forEach(queue::offer);

    assertThat(queue.notifications()).isEqualTo(2);
    assertThat(queue.takeNotifications()).containsExactly(a, b);
    assertThat(queue.take()).isSameAs(handoff);
  }

  @Test
  void robotsHaveQueuesOfTheirOwn() {
    Outbox outbox = Outbox.inMemory();
    outbox.queue("ops:abc").offer(notification("A", "g-a"));

    assertThat(outbox.queue("dba:def").size()).isZero();
    assertThat(outbox.queue("ops:abc").size()).isEqualTo(1);
  }
}
