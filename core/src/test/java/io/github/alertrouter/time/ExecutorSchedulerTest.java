package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order an executor-backed scheduler runs tasks in when its thread has fallen behind. */
class ExecutorSchedulerTest {
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final Scheduler scheduler = Scheduler.of(thread, Clock.systemUTC());
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void aTaskGivenNoDelayRunsBeforeTimersAlreadyOverdue() throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scheduler.schedule(Duration.ZERO, () -> {
      busy.countDown();
      await(release); // the thread is behind: a flush taking long
    });
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    scheduler.schedule(Duration.ofMillis(1), () -> ran.add("flush 1"));
    scheduler.schedule(Duration.ofMillis(2), () -> ran.add("flush 2"));
    Thread.sleep(20); // both timers are overdue now
    scheduler.schedule(Duration.ZERO, () -> ran.add("hand-off 1"));
    scheduler.schedule(Duration.ZERO, () -> ran.add("hand-off 2"));
    release.countDown();
    awaitDone();

    assertThat(ran).containsExactly("hand-off 1", "hand-off 2", "flush 1", "flush 2");
  }

  @Test
  void aCancelledTaskDoesNotRunAndOneThatThrowsDoesNotStopTheNext() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    scheduler.schedule(Duration.ZERO, () -> await(release));
    scheduler.schedule(Duration.ZERO, () -> ran.add("cancelled")).cancel();
    scheduler.schedule(Duration.ZERO, () -> {
      throw new IllegalStateException("a task's bug");
    });
    scheduler.schedule(Duration.ZERO, () -> ran.add("next"));
    scheduler.schedule(Duration.ofMillis(1), () -> ran.add("timer"));
    release.countDown();
    awaitDone();

    assertThat(ran).containsExactly("next", "timer");
  }

  private void awaitDone() throws Exception {
    thread.schedule(() -> { }, 50, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
