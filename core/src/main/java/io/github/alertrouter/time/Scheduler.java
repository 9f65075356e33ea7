package io.github.alertrouter.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs tasks after a delay on the router's time: the only way timers are set, so tests drive
 * virtual time ({@link ManualScheduler}) and production uses one scheduled executor.
 * Implementations are thread-safe.
 */
public interface Scheduler {
  /** The clock this scheduler's time follows. */
  Clock clock();

  /** Runs {@code task} once, {@code delay} from now (at once when zero or negative). */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can still be cancelled. */
  interface Cancellable {
    /** Stops the task if it has not started; no effect otherwise. */
    void cancel();
  }

  /** A scheduler on {@code executor}, whose time is {@code clock}. */
  static Scheduler of(ScheduledExecutorService executor, Clock clock) {
    return new ExecutorScheduler(executor, clock);
  }
}
