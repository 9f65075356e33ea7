package io.github.alertrouter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The waiting entries every outbox keeps: the queue a linear scan used to keep (a list searched
 * front to back for the first entry with a key), now found by key at once.
 */
class WaitingEntriesTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  private static Outbox.Entry notification(String key) {
    Alert alert = Alert.firing(Map.of("alertname", "A")).startsAt(T0).build();
    Notification n = Notification.of("p", "{}:{alertname=\"A\"}", new TreeMap<>(Map.of("alertname", "A")),
        NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(), List.of(), T0);
    return new Outbox.Entry(new Delivery("ops", n, List.of(), null), key, null, Receipt.NONE);
  }

  private static Outbox.Entry notice() {
    return new Outbox.Entry(Delivery.of("ops", new Notice(NotifyReason.HANDOFF, "schedule:primary", "h",
        "on call", List.of(), List.of(), T0)), null, null, Receipt.NONE);
  }

  @Test
  void aReplacementKeepsItsPlaceAndTheFirstOfTwoWithOneKeyIsFound() {
    WaitingEntries waiting = new WaitingEntries();
    Outbox.Entry a = notification("g-a");
    Outbox.Entry b = notification("g-b");
    Outbox.Entry againA = notification("g-a"); // after a reload, two may wait with one key
    Outbox.Entry handoff = notice();
    List.of(a, b, againA, handoff).forEach(waiting::addLast);

    assertThat(waiting.withKey("g-a")).isSameAs(a);
    Outbox.Entry newerA = notification("g-a");
    waiting.replace(a, newerA);
    assertThat(waiting.toList()).containsExactly(newerA, b, againA, handoff);
    assertThat(waiting.notifications()).isEqualTo(3);

    assertThat(waiting.pollFirst()).isSameAs(newerA);
    assertThat(waiting.withKey("g-a")).isSameAs(againA);
    assertThat(waiting.takeIf(e -> !e.delivery().isNotice())).containsExactly(b, againA);
    assertThat(waiting.withKey("g-a")).isNull();
    assertThat(waiting.toList()).containsExactly(handoff);
    assertThat(waiting.notifications()).isZero();
    assertThat(waiting.remove(a)).as("not waiting").isFalse();
    assertThatThrownBy(() -> waiting.replace(handoff, notification("g-x"))).isInstanceOf(IllegalArgumentException.class);
  }

  /** Random offers, takes, digests, removals and reloads agree with the list the outboxes kept. */
  @Test
  void itBehavesAsTheScannedListDid() {
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      WaitingEntries waiting = new WaitingEntries();
      LinkedList<Outbox.Entry> model = new LinkedList<>();
      for (int step = 0; step < 3_000; step++) {
        int op = random.nextInt(10);
        if (op < 5) { // an offer: replaces the first waiting entry with its key, else queues last
          Outbox.Entry entry = random.nextInt(8) == 0 ? notice() : notification("g-" + random.nextInt(12));
          Outbox.Entry old = waiting.withKey(entry.key());
          assertThat(old).isSameAs(firstWithKey(model, entry.key()));
          if (old != null) {
            waiting.replace(old, entry);
            model.set(indexOf(model, old), entry);
          } else {
            waiting.addLast(entry);
            model.addLast(entry);
          }
        } else if (op < 7) {
          assertThat(waiting.pollFirst()).isSameAs(model.pollFirst());
        } else if (op == 7 && random.nextInt(4) == 0) { // a digest
          List<Outbox.Entry> expected = new ArrayList<>();
          model.removeIf(e -> !e.delivery().isNotice() && expected.add(e));
          assertThat(waiting.takeIf(e -> !e.delivery().isNotice())).containsExactlyElementsOf(expected);
        } else if (op == 8 && !model.isEmpty()) { // a replaced entry's database row was gone
          Outbox.Entry gone = model.remove(random.nextInt(model.size()));
          assertThat(waiting.remove(gone)).isTrue();
        } else if (op == 9 && random.nextInt(10) == 0) { // a reload queues everything again
          List<Outbox.Entry> all = waiting.toList();
          waiting.clear();
          all.forEach(waiting::addLast);
        }
        assertThat(waiting.toList()).containsExactlyElementsOf(model);
        assertThat(waiting.size()).isEqualTo(model.size());
        assertThat(waiting.notifications()).isEqualTo((int) model.stream().filter(e -> !e.delivery().isNotice()).count());
      }
    }
  }

  private static Outbox.Entry firstWithKey(List<Outbox.Entry> model, String key) {
    if (key == null) {
      return null;
    }
    for (ListIterator<Outbox.Entry> it = model.listIterator(); it.hasNext(); ) {
      Outbox.Entry e = it.next();
      if (key.equals(e.key())) {
        return e;
      }
    }
    return null;
  }

  private static int indexOf(List<Outbox.Entry> model, Outbox.Entry entry) {
    for (int i = 0; i < model.size(); i++) {
      if (model.get(i) == entry) {
        return i;
      }
    }
    throw new AssertionError("not in the model");
  }
}
