package io.github.alertrouter.store.journal;

import static io.github.alertrouter.store.journal.EverySeam.T0;
import static io.github.alertrouter.store.journal.EverySeam.TWENTY_A_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.OutboxJson;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.testkit.StoreContractTest.Stores;
import io.github.alertrouter.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal's stores answer as core's in-memory stores do, before and after any number of
 * restarts: the same random changes go to both, the journal's stores are closed or crashed and
 * reopened now and then (small bound: compacted often), and every read is compared. The outbox's
 * entries taken and not ended at a restart come back with the reload of the next process, as the
 * in-memory outbox's do when it is reloaded.
 */
class JournalReplayTest {
  private static final List<String> GROUPS = List.of("g1", "g2", "{}:{alertname=\"x\"}");
  private static final List<String> ROBOTS = List.of("ding", "lark");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomChangesAnswerAsInMemoryAcrossRestarts(long seed) {
    Random random = new Random(seed);
    ManualClock clock = new ManualClock(T0);
    Stores memory = Stores.inMemory(clock);
    JournalStores journal = JournalStores.open(dir, clock, 16 * 1024);
    Map<String, List<Taken>> out = new HashMap<>();
    try {
      for (int step = 0; step < 600; step++) {
        clock.advance(Duration.ofMillis(random.nextInt(3_000)));
        change(random, clock.instant(), memory, journal, step, out);
        if (random.nextInt(60) == 0) {
          if (random.nextBoolean()) {
            journal.close();
          } else {
            journal.crash();
          }
          journal = JournalStores.open(dir, clock, 16 * 1024);
          reloadOutboxes(memory, journal, out, "restart at step " + step);
        }
        if (step % 50 == 49) {
          assertSame(memory, journal, clock.instant(), "step " + step);
        }
      }
      journal.crash();
      journal = JournalStores.open(dir, clock, 16 * 1024);
      reloadOutboxes(memory, journal, out, "after the last restart");
      assertSame(memory, journal, clock.instant(), "after the last restart");
    } finally {
      journal.close();
    }
  }

  /** Entries a lane took from a robot's queue and has not ended: the in-memory outbox's and the journal's. */
  private record Taken(List<Outbox.Entry> memory, List<Outbox.Entry> journal) {}

  /**
   * A restart: the new process reloads each queue (what was out comes back with what waited), and
   * the in-memory outbox does as a process that carried on would; what each holds is compared.
   */
  private static void reloadOutboxes(Stores memory, JournalStores journal, Map<String, List<Taken>> out, String when) {
    out.clear();
    for (String robot : ROBOTS) {
      assertThat(Deliveries.json(journal.outbox().queue(robot).reload())).as("outbox of %s, %s", robot, when)
          .isEqualTo(Deliveries.json(memory.outbox().queue(robot).reload()));
    }
  }

  /** One random change, made to both, and what each answered compared. */
  private static void change(Random random, Instant now, Stores memory, JournalStores journal, int step,
      Map<String, List<Taken>> out) {
    int kind = random.nextInt(15);
    String group = GROUPS.get(random.nextInt(GROUPS.size()));
    String robot = ROBOTS.get(random.nextInt(ROBOTS.size()));
    switch (kind) {
      case 0, 1, 2 -> {
        Instant start = now.minusSeconds(random.nextInt(120));
        Alert alert = Alert.firing(Map.of("alertname", "A" + random.nextInt(20))).annotation("step", "" + step)
            .startsAt(start).endsAt(start.plusSeconds(random.nextInt(180))).build();
        assertThat(journal.alerts().receive(List.of(alert), now)).isEqualTo(memory.alerts().receive(List.of(alert), now));
      }
      case 3 -> {
        Alert any = Alert.firing(Map.of("alertname", "A" + random.nextInt(20))).startsAt(now.minusSeconds(300))
            .endsAt(now).build();
        memory.alerts().resolved(any, now);
        journal.alerts().resolved(any, now);
      }
      case 4 -> assertThat(new HashSet<>(journal.alerts().expire(now.minusSeconds(30))))
          .isEqualTo(new HashSet<>(memory.alerts().expire(now.minusSeconds(30))));
      case 5 -> {
        NotificationLog.Entry entry = new NotificationLog.Entry(
            Set.of(Alert.firing(Map.of("alertname", "A" + random.nextInt(20))).build().fingerprint()), Set.of(),
            now.minusSeconds(random.nextInt(10)));
        memory.notificationLog().record(group, robot, entry);
        journal.notificationLog().record(group, robot, entry);
      }
      case 6 -> {
        memory.notificationLog().forget(group);
        journal.notificationLog().forget(group);
      }
      case 7 -> {
        Duration wait = memory.rateWindows().window(robot, List.of(TWENTY_A_MINUTE)).tryAcquire(now);
        assertThat(journal.rateWindows().window(robot, List.of(TWENTY_A_MINUTE)).tryAcquire(now)).isEqualTo(wait);
        if (random.nextInt(20) == 0) {
          Instant until = now.plusSeconds(random.nextInt(60));
          memory.rateWindows().window(robot, List.of(TWENTY_A_MINUTE)).penalise(until);
          journal.rateWindows().window(robot, List.of(TWENTY_A_MINUTE)).penalise(until);
        }
      }
      case 8 -> {
        EscalationState state = EscalationState.start(now).withFired(List.of(new FiringSlot(random.nextInt(3), 0, 0)), now);
        if (random.nextBoolean()) {
          memory.escalations().put(group, state);
          journal.escalations().put(group, state);
        } else {
          memory.escalations().remove(group);
          journal.escalations().remove(group);
        }
      }
      case 9 -> {
        Silence silence = new Silence("s" + random.nextInt(4), List.of(Condition.eq("alertname", "A" + step)), now,
            now.plusSeconds(600), "bob", "");
        if (random.nextBoolean()) {
          memory.silences().put(silence);
          journal.silences().put(silence);
        } else {
          memory.silences().remove(silence.id());
          journal.silences().remove(silence.id());
        }
      }
      case 10 -> {
        String nonce = "n" + random.nextInt(10);
        if (random.nextInt(4) == 0) {
          memory.usedTokens().release(nonce);
          journal.usedTokens().release(nonce);
        } else {
          Instant expires = T0.plus(Duration.ofDays(1)); // expiry is the clock's: covered on its own
          assertThat(journal.usedTokens().markUsed(nonce, expires)).isEqualTo(memory.usedTokens().markUsed(nonce, expires));
        }
      }
      case 11 -> {
        Outbox.Entry entry = random.nextInt(4) == 0 ? Deliveries.notice("c" + random.nextInt(3))
            : Deliveries.notification("A" + random.nextInt(20), random.nextBoolean() ? "k" + random.nextInt(3) : null,
                group, robot, Receipt.NONE);
        Outbox.Entry replaced = memory.outbox().queue(robot).offer(entry);
        Outbox.Entry journalReplaced = journal.outbox().queue(robot).offer(entry);
        assertThat(journalReplaced == null ? null : OutboxJson.write(journalReplaced))
            .isEqualTo(replaced == null ? null : OutboxJson.write(replaced));
      }
      case 12 -> {
        boolean digest = random.nextInt(3) == 0;
        List<Outbox.Entry> m = take(memory.outbox().queue(robot), digest);
        List<Outbox.Entry> j = take(journal.outbox().queue(robot), digest);
        assertThat(Deliveries.json(j)).as("taken").isEqualTo(Deliveries.json(m));
        if (!m.isEmpty()) {
          out.computeIfAbsent(robot, r -> new ArrayList<>()).add(new Taken(m, j));
        }
      }
      case 13 -> {
        List<Taken> outstanding = out.getOrDefault(robot, List.of());
        if (!outstanding.isEmpty()) {
          Taken taken = outstanding.remove(random.nextInt(outstanding.size()));
          Receipt.Outcome outcome = random.nextBoolean() ? Receipt.Outcome.DELIVERED : Receipt.Outcome.GAVE_UP;
          memory.outbox().queue(robot).ended(taken.memory(), outcome, now);
          journal.outbox().queue(robot).ended(taken.journal(), outcome, now);
        }
      }
      default -> {
        String schedule = "s" + random.nextInt(3);
        Instant handoff = T0.plus(Duration.ofHours(random.nextInt(5)));
        assertThat(journal.handoffs().claim(schedule, handoff)).isEqualTo(memory.handoffs().claim(schedule, handoff));
        Binding binding = new Binding("c" + random.nextInt(3), robot, "+86138000000" + random.nextInt(10), now);
        memory.bindings().put(binding);
        journal.bindings().put(binding);
      }
    }
  }

  private static List<Outbox.Entry> take(Outbox.Queue queue, boolean digest) {
    if (digest) {
      return queue.takeNotifications();
    }
    Outbox.Entry taken = queue.take();
    return taken == null ? List.of() : List.of(taken);
  }

  private static void assertSame(Stores memory, JournalStores journal, Instant now, String when) {
    assertThat(new HashSet<>(journal.alerts().all())).as("alerts, %s", when).isEqualTo(new HashSet<>(memory.alerts().all()));
    assertThat(journal.alerts().counts(now)).isEqualTo(memory.alerts().counts(now));
    assertThat(journal.notificationLog().entries()).as("log, %s", when).isEqualTo(memory.notificationLog().entries());
    assertThat(journal.silences().all()).as("silences, %s", when).isEqualTo(memory.silences().all());
    assertThat(journal.usedTokens().used()).as("used links, %s", when).isEqualTo(memory.usedTokens().used());
    for (String group : GROUPS) {
      assertThat(journal.escalations().get(group)).as("episode %s, %s", group, when).isEqualTo(memory.escalations().get(group));
    }
    assertThat(journal.outbox().depth()).as("outbox depth, %s", when).isEqualTo(memory.outbox().depth());
    for (String robot : ROBOTS) {
      assertThat(journal.outbox().queue(robot).size()).as("waiting for %s, %s", robot, when)
          .isEqualTo(memory.outbox().queue(robot).size());
      assertThat(journal.outbox().queue(robot).notifications()).isEqualTo(memory.outbox().queue(robot).notifications());
      var j = journal.rateWindows().window(robot, List.of(TWENTY_A_MINUTE));
      var m = memory.rateWindows().window(robot, List.of(TWENTY_A_MINUTE));
      assertThat(j.available(now)).as("window of %s, %s", robot, when).isEqualTo(m.available(now));
      assertThat(j.waitTime(now)).isEqualTo(m.waitTime(now));
      assertThat(j.penaltyEnds(now)).isEqualTo(m.penaltyEnds(now));
      for (int c = 0; c < 3; c++) {
        assertThat(journal.bindings().find("c" + c, robot)).as("binding, %s", when).isEqualTo(memory.bindings().find("c" + c, robot));
      }
    }
  }
}
