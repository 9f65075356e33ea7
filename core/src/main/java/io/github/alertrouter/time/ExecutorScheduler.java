package io.github.alertrouter.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler} on a {@link ScheduledExecutorService}. A task given no delay runs before timers
 * that are already overdue: when the thread falls behind (thousands of groups falling due at
 * once), a robot lane's hand-off to its sending thread does not wait for every overdue group flush,
 * so sending starts with the first flush instead of after the last. Tasks given no delay run in the
 * order they were given. Thread-safe.
 */
final class ExecutorScheduler implements Scheduler {
  private final ScheduledExecutorService executor;
  private final Clock clock;
  // the executor orders by due time, so a task given no delay would run after every overdue timer:
  // these run first, before each timer and in a task of their own
  private final ConcurrentLinkedQueue<Immediate> immediate = new ConcurrentLinkedQueue<>();

  public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    if (delay.isNegative() || delay.isZero()) {
      Immediate now = new Immediate(task);
      immediate.add(now);
      try {
        executor.execute(this::runImmediate);
      } catch (RejectedExecutionException e) {
        immediate.remove(now);
        throw e;
      }
      return () -> now.cancelled = true;
    }
    ScheduledFuture<?> future = executor.schedule(() -> {
      runImmediate();
      task.run();
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private void runImmediate() {
    for (Immediate next = immediate.poll(); next != null; next = immediate.poll()) {
      if (!next.cancelled) {
        try {
          next.task.run();
        } catch (RuntimeException e) {
          // dropped, as the executor drops what a task throws: the tasks after it still run
        }
      }
    }
  }

  private static final class Immediate {
    private final Runnable task;
    private volatile boolean cancelled;

    Immediate(Runnable task) {
      this.task = task;
    }
  }
}
