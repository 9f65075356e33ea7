package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An escalation step's notice goes into the outbox and its firing into the episode: two writes. A
 * process killed between them leaves the notice queued and the step not fired; the next process
 * sends the queued notice and must not fire the step again. Deterministic: the crash is an
 * escalation store that dies at the step's write (it and every later write of the process are
 * lost), with the first notice's request out and never answered, the escalation queued behind it.
 */
class EscalationCrashTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final String CONFIG = RouterFixture.CONTACTS + """
      escalationPolicies:
        - id: pay
          steps:
            - { after: 2m, when: UNACKED, notify: ["contact:bob"] }
            - { after: 30m, when: UNRESOLVED, notify: ["group:sre"], robots: [ops, dev] }
      notificationPolicies:
        - name: payments
          groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
          notifyRule: { robots: [ops], mention: ["contact:alice"] }
          escalationPolicy: pay
      """;
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);

  // what survives the process
  private final AlertStore alerts = AlertStore.inMemory();
  private final NotificationLog log = NotificationLog.inMemory();
  private final EscalationStore episodes = EscalationStore.inMemory();
  private final DurableOutbox outbox = new DurableOutbox(log);
  private final List<AlertRouter> routers = new ArrayList<>(); // the processes that live on

  /** kill -9: thrown where the process dies, it stops the process's timer thread there. */
  private static final class Killed extends Error {
    Killed() {
      super("kill -9", null, false, false);
    }
  }

  /** The episodes as one process sees them: with {@code dies}, the process is killed at a step's write. */
  private final class ProcessEpisodes implements EscalationStore {
    private final boolean dies;
    private volatile boolean dead;

    ProcessEpisodes(boolean dies) {
      this.dies = dies;
    }

    @Override
    public Optional<EscalationState> get(String groupKey) {
      return episodes.get(groupKey);
    }

    @Override
    public void put(String groupKey, EscalationState state) {
      boolean fires = episodes.get(groupKey).map(s -> state.fired().size() > s.fired().size()).orElse(false);
      if (dies && fires) {
        dead = true; // kill -9 here: the notice is in the outbox, the step's firing is not written
      }
      if (dead) {
        throw new Killed();
      }
      episodes.put(groupKey, state);
    }

    @Override
    public void remove(String groupKey) {
      if (dead) {
        throw new Killed();
      }
      episodes.remove(groupKey);
    }
  }

  private final class Process {
    final ManualScheduler scheduler;
    final ScriptedPlatform chat;
    final ProcessEpisodes store;
    final AlertRouter router;

    /** {@code sender}: where its requests run; one that drops them leaves them out until the process dies. */
    Process(Instant startedAt, boolean diesAtAStep, Executor sender) {
      this(startedAt, diesAtAStep, sender, outbox.process());
    }

    Process(Instant startedAt, boolean diesAtAStep, Executor sender, Outbox view) {
      scheduler = new ManualScheduler(startedAt);
      chat = new ScriptedPlatform(scheduler.clock());
      store = new ProcessEpisodes(diesAtAStep);
      router = AlertRouter.builder().config(RouterConfig.parse(CONFIG, "crash.yaml", Map.of()))
          .scheduler(scheduler).sendExecutor(sender).platforms(Platforms.of(chat)).alertStore(alerts)
          .notificationLog(log).escalationStore(store).outbox(view).build();
    }
  }

  @AfterEach
  void close() {
    routers.forEach(AlertRouter::close); // the killed ones never close
  }

  private static Alert payDown(Instant at) {
    return Alert.firing(Map.of("alertname", "PayDown")).startsAt(at).endsAt(at.plus(Duration.ofDays(1))).build();
  }

  private static List<Received> escalations(List<Received> received, String step) {
    return received.stream().filter(r -> r.reasonText().contains(step)).toList();
  }

  /** The first notice hangs, the step's notice queues behind it, and the process dies at the step's write. */
  private Process killedAtTheFirstStep() {
    Process first = new Process(T0, true, request -> { }); // requests go out and are never answered
    first.router.submit(payDown(T0));
    first.scheduler.advance(GROUP_WAIT); // the first notice: out, hanging
    assertThatThrownBy(() -> first.scheduler.advance(Duration.ofMinutes(2))) // step 1 queues behind it
        .as("the process died at the step's write").isInstanceOf(Killed.class);
    assertThat(first.chat.received()).isEmpty();
    return first;
  }

  @Test
  void aStepWhoseNoticeWasQueuedWhenTheProcessDiedIsSentOnceByTheNext() {
    Process first = killedAtTheFirstStep();

    Process next = new Process(first.scheduler.clock().instant().plusSeconds(5), false, Runnable::run);
    routers.add(next.router);
    next.scheduler.advance(Duration.ofMinutes(10));

    assertThat(escalations(next.chat.received("ops"), "escalation step 1 of 2"))
        .as("the queued notice goes out, and the step does not fire again").hasSize(1);
    assertThat(next.chat.received("ops")).as("the notice that was out is sent again, once")
        .filteredOn(r -> !r.reasonText().contains("escalation")).hasSize(1);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void theNextStepsStillFireAtTheirTimes() {
    Process first = killedAtTheFirstStep();

    Process next = new Process(first.scheduler.clock().instant().plusSeconds(5), false, Runnable::run);
    routers.add(next.router);
    next.scheduler.advance(Duration.ofMinutes(40));

    assertThat(escalations(next.chat.received("ops"), "escalation step 1 of 2")).hasSize(1);
    assertThat(escalations(next.chat.received("ops"), "escalation step 2 of 2")).hasSize(1);
    assertThat(escalations(next.chat.received("dev"), "escalation step 2 of 2")).hasSize(1);
  }

  /** The outbox as a process sees it that is killed as it queues {@code robot}'s notice of step {@code stepIndex}. */
  private Outbox killedAt(String robot, int stepIndex) {
    Outbox view = outbox.process();
    return new Outbox() {
      @Override
      public Queue queue(String robotKey) {
        Queue queue = view.queue(robotKey);
        if (!robotKey.startsWith(robot + ":")) {
          return queue;
        }
        return new Queue() {
          @Override
          public Entry offer(Entry entry) {
            if (entry.step() != null && entry.step().slot().stepIndex() == stepIndex) {
              throw new Killed();
            }
            return queue.offer(entry);
          }

          @Override
          public Entry take() {
            return queue.take();
          }

          @Override
          public List<Entry> takeNotifications() {
            return queue.takeNotifications();
          }

          @Override
          public void ended(List<Entry> taken, io.github.alertrouter.store.Receipt.Outcome outcome, Instant at) {
            queue.ended(taken, outcome, at);
          }

          @Override
          public int release() {
            return queue.release();
          }

          @Override
          public List<Entry> reload() {
            return queue.reload();
          }

          @Override
          public int size() {
            return queue.size();
          }

          @Override
          public int notifications() {
            return queue.notifications();
          }
        };
      }

      @Override
      public long depth() {
        return view.depth();
      }
    };
  }

  @Test
  void aStepThatDiedBeforeReachingEveryRobotFiresAgainSoNoChatMissesIt() {
    // step 2 goes to ops, then dev: the process dies as it queues dev's notice
    Process first = new Process(T0, false, Runnable::run, killedAt("dev", 1));
    first.router.submit(payDown(T0));
    first.scheduler.advance(GROUP_WAIT.plus(Duration.ofMinutes(5)));
    assertThatThrownBy(() -> first.scheduler.advance(Duration.ofMinutes(30))).isInstanceOf(Killed.class);
    assertThat(escalations(first.chat.received("ops"), "escalation step 2 of 2")).isEmpty();

    Process next = new Process(first.scheduler.clock().instant().plusSeconds(5), false, Runnable::run);
    routers.add(next.router);
    next.scheduler.advance(Duration.ofMinutes(10));

    assertThat(escalations(next.chat.received("dev"), "escalation step 2 of 2")).as("never lost").hasSize(1);
    assertThat(escalations(next.chat.received("ops"), "escalation step 2 of 2"))
        .as("the robot whose notice was queued hears it twice: a duplicate rather than a loss").hasSize(2);
    assertThat(escalations(next.chat.received("ops"), "escalation step 1 of 2")).as("sent before the crash").isEmpty();
  }
}
