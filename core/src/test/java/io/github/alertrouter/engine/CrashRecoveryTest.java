package io.github.alertrouter.engine;

import static io.github.alertrouter.engine.OnePolicy.config;
import static io.github.alertrouter.engine.OnePolicy.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process that dies (kill -9: no close, no snapshot, its timers gone) loses nothing it accepted
 * when its stores outlive it: the router built on them next carries on. Measured before with
 * {@code serve --storage.path} and its 30-s snapshot: 10 of 10 alerts accepted inside
 * {@code groupWait} never got their first notice, 10 of 10 resolves accepted never got their
 * resolved notice, 10 of 10 alerts notified in the 30 s before the crash were announced again.
 */
class CrashRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Duration GROUP_WAIT = OnePolicy.GROUP_WAIT;
  private static final Duration GROUP_INTERVAL = OnePolicy.GROUP_INTERVAL;

  // what survives the process: the three stores
  private final AlertStore alerts = AlertStore.inMemory();
  private final SilenceStore silences = SilenceStore.inMemory();
  private final NotificationLog log = NotificationLog.inMemory();
  // what a process queued or had out outlives it, its receipts do not
  private final DurableOutbox outbox = new DurableOutbox(log);
  private final List<Process> processes = new ArrayList<>();

  /** One process: its own timers, threads and (recording) chat; the stores are shared. */
  private final class Process {
    final ManualScheduler scheduler;
    final ScriptedPlatform chat;
    final AlertRouter router;

    Process(Instant startedAt, AlertStore alertStore) {
      this(startedAt, alertStore, Runnable::run);
    }

    /** {@code sender}: where its HTTP requests run. */
    Process(Instant startedAt, AlertStore alertStore, Executor sender) {
      scheduler = new ManualScheduler(startedAt);
      chat = new ScriptedPlatform(scheduler.clock());
      router = AlertRouter.builder().config(config()).scheduler(scheduler).sendExecutor(sender)
          .platforms(Platforms.of(chat)).alertStore(alertStore).silenceStore(silences).notificationLog(log)
          .outbox(outbox.process()).build();
      processes.add(this);
    }

    Instant now() {
      return scheduler.clock().instant();
    }
  }

  @AfterEach
  void close() {
    processes.forEach(p -> p.router.close());
  }

  private List<String> firingAnnounced(List<Received> received) {
    return received.stream().flatMap(r -> r.firing().stream()).toList();
  }

  @Test
  void alertsAcceptedInsideTheGroupWaitGetTheirFirstNoticeFromTheNextProcess() {
    Process first = new Process(T0, alerts);
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, first.now()));
    }
    first.scheduler.advance(Duration.ofSeconds(10)); // inside the group wait: nothing sent yet
    assertThat(first.chat.received("ops")).isEmpty();

    Process next = new Process(first.now().plusSeconds(5), alerts); // kill -9; restarted 5 s later
    next.scheduler.advance(GROUP_WAIT);

    assertThat(firingAnnounced(next.chat.received("ops"))).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void resolvesAcceptedBeforeTheCrashAreAnnouncedOnceAndNothingIsRepeated() {
    Process first = new Process(T0, alerts);
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0));
    }
    first.scheduler.advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced(first.chat.received("ops"))).hasSize(10);
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0).resolvedAt(first.now()));
    }

    Process next = new Process(first.now().plusSeconds(5), alerts); // kill -9 before the group interval
    next.scheduler.advance(GROUP_INTERVAL.multipliedBy(2));

    List<Received> after = next.chat.received("ops");
    assertThat(after.stream().flatMap(r -> r.resolved().stream()).toList()).hasSize(10).doesNotHaveDuplicates();
    assertThat(firingAnnounced(after)).as("what was announced before the crash is not announced again").isEmpty();
  }

  @Test
  void alertsNotifiedBeforeTheCrashAreNotAnnouncedAgain() {
    Process first = new Process(T0, alerts);
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0));
    }
    first.scheduler.advance(GROUP_WAIT.plusSeconds(1));
    assertThat(first.chat.received("ops")).hasSize(10);

    Process next = new Process(first.now().plusSeconds(20), alerts);
    for (int i = 0; i < 10; i++) {
      next.router.submit(firing("A" + i, T0)); // the source re-sends them
    }
    next.scheduler.advance(Duration.ofHours(1));

    assertThat(next.chat.received("ops")).isEmpty();
  }

  @Test
  void noticesOutWhenTheProcessDiedCountAsReceivedSoTheirAlertsResolvingMeanwhileAreAnnouncedResolved() {
    // its requests were out (they may have reached the chat) when it was killed: they never complete
    Process first = new Process(T0, alerts, request -> { });
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0));
    }
    first.scheduler.advance(GROUP_WAIT.plusSeconds(1));
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0).resolvedAt(first.now())); // accepted, then kill -9
    }

    Process next = new Process(first.now().plusSeconds(5), alerts);
    next.scheduler.advance(GROUP_INTERVAL.multipliedBy(2));

    // the one that was out is sent again; the queued ones are replaced by their group's resolution
    List<Received> chat = next.chat.received("ops");
    List<String> all = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "A" + i).toList();
    assertThat(chat.stream().flatMap(r -> r.resolved().stream()).toList())
        .as("a chat that may show them firing hears each resolve, once").containsExactlyInAnyOrderElementsOf(all);
    assertThat(firingAnnounced(chat)).doesNotHaveDuplicates();
    for (String name : firingAnnounced(chat)) {
      assertThat(indexOf(chat, r -> r.firing().contains(name)))
          .as(name + " is not announced firing after its resolution")
          .isLessThan(indexOf(chat, r -> r.resolved().contains(name)));
    }
    assertThat(outbox.size()).as("nothing left behind").isZero();
  }

  @Test
  void noticesQueuedBehindAThrottledRobotWhenTheProcessDiedAreSentOnceByTheNext() {
    Process first = new Process(T0, alerts);
    first.chat.set("ops", ScriptedPlatform.Behaviour.THROTTLED);
    for (int i = 0; i < 10; i++) {
      first.router.submit(firing("A" + i, T0));
    }
    first.scheduler.advance(GROUP_WAIT.plusSeconds(1)); // the first is refused, the rest queue behind it
    assertThat(first.chat.received("ops")).isEmpty();

    Process next = new Process(first.now().plusSeconds(5), alerts);
    next.scheduler.advance(Duration.ofHours(1));

    assertThat(firingAnnounced(next.chat.received("ops"))).hasSize(10).doesNotHaveDuplicates();
  }

  private static int indexOf(List<Received> received, java.util.function.Predicate<Received> which) {
    for (int i = 0; i < received.size(); i++) {
      if (which.test(received.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aSilenceAddedAtRunTimeStillSilencesAfterTheCrash() {
    Process first = new Process(T0, alerts);
    first.router.addSilence(new Silence("s1", List.of(Condition.eq("alertname", "Noisy")), T0,
        T0.plus(Duration.ofHours(2)), "bob", "known"));

    Process next = new Process(T0.plusSeconds(5), alerts);
    next.router.submit(firing("Noisy", next.now()), firing("Real", next.now()));
    next.scheduler.advance(GROUP_WAIT.plusSeconds(1));

    assertThat(firingAnnounced(next.chat.received("ops"))).containsExactly("Real");
    assertThat(next.router.silences()).extracting(Silence::id).containsExactly("s1");
  }

  @Test
  void aStoreThatFailsRefusesTheBatchAndRoutesNothingOfIt() {
    AtomicBoolean down = new AtomicBoolean(true);
    AlertStore flaky = new AlertStore() {
      @Override
      public List<Alert> receive(List<Alert> received, Instant now) {
        if (down.get()) {
          throw new StoreException("store: receive failed (connection refused)", null);
        }
        return alerts.receive(received, now);
      }

      @Override
      public void resolved(Alert ended, Instant now) {
        alerts.resolved(ended, now);
      }

      @Override
      public List<Alert> all() {
        return alerts.all();
      }

      @Override
      public Counts counts(Instant now) {
        return alerts.counts(now);
      }

      @Override
      public List<Fingerprint> expire(Instant cutoff) {
        return alerts.expire(cutoff);
      }
    };
    Process p = new Process(T0, flaky);

    assertThatThrownBy(() -> p.router.submit(firing("A", T0), firing("B", T0)))
        .isInstanceOf(StoreException.class).hasMessageContaining("connection refused");
    p.scheduler.advance(GROUP_WAIT.plusSeconds(1));
    assertThat(p.chat.received("ops")).as("refused: the sender keeps it and sends it again").isEmpty();
    assertThat(p.router.stats().alerts()).isZero();

    down.set(false);
    p.router.submit(firing("A", T0), firing("B", T0)); // Alertmanager retries a 5xx
    p.scheduler.advance(GROUP_WAIT.plusSeconds(1));
    assertThat(firingAnnounced(p.chat.received("ops"))).containsExactlyInAnyOrder("A", "B");
  }
}
