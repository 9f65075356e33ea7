package io.github.alertrouter.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time: tasks run only when a test calls {@link #advance} or {@link
 * #runDue}, on the calling thread, in due-time order (equal due times in submission order), with
 * the {@link ManualClock} moved to each task's due time before it runs. Tasks that tasks schedule
 * run in the same call when they fall due inside its window.
 *
 * <p>Thread-safe: any thread may schedule and cancel; {@code advance} and {@code runDue} are meant
 * to be called by one test thread at a time, and must not be called from inside a task. A task that
 * throws stops the call and the exception reaches the test; the tasks after it stay pending.
 *
 * <p>One virtual time for every module's tests, core's included (they cannot use the testkit,
 * which depends on core), and for an embedder's: build the router with {@code
 * AlertRouter.builder().scheduler(scheduler)} and its timers (group wait, repeats, escalations,
 * retries) fire when the test says, e.g. {@code scheduler.advance(Duration.ofSeconds(30))}.
 */
public final class ManualScheduler implements Scheduler {
  private static final Comparator<Task> ORDER =
      Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.sequence);

  private final ManualClock clock;
  private final PriorityQueue<Task> queue = new PriorityQueue<>(ORDER);
  private long nextSequence;

  /** A scheduler whose time is {@code clock}. */
  public ManualScheduler(ManualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A scheduler on a new {@link ManualClock} at {@link ManualClock#DEFAULT_START}. */
  public ManualScheduler() {
    this(new ManualClock());
  }

  /** A scheduler on a new {@link ManualClock} at {@code start}. */
  public ManualScheduler(Instant start) {
    this(new ManualClock(start));
  }

  @Override
  public ManualClock clock() {
    return clock;
  }

  /** The current virtual time: {@code clock().instant()}. */
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(task, "task");
    Instant now = clock.instant();
    Instant due = delay.isNegative() ? now : now.plus(delay);
    synchronized (this) {
      Task scheduled = new Task(due, nextSequence++, task);
      queue.add(scheduled);
      return () -> cancel(scheduled);
    }
  }

  private synchronized void cancel(Task task) {
    queue.remove(task);
  }

  /**
   * Moves time forward by {@code duration}, running every task that falls due on the way (those
   * scheduled meanwhile included), then leaves the clock at the end of the window.
   *
   * @return how many tasks ran
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public int advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("advance needs a duration >= 0, but was " + duration);
    }
    Instant end = clock.instant().plus(duration);
    int ran = runUntil(end);
    if (clock.instant().isBefore(end)) {
      clock.set(end);
    }
    return ran;
  }

  /** Runs the tasks due now (including ones they schedule with no delay) without moving time. */
  public int runDue() {
    return runUntil(clock.instant());
  }

  /** How many tasks wait to run (cancelled ones are not counted). */
  public synchronized int pendingTasks() {
    return queue.size();
  }

  /** When the next pending task is due, or {@code null} when none is pending. */
  public synchronized Instant nextDue() {
    Task next = queue.peek();
    return next == null ? null : next.due;
  }

  private int runUntil(Instant end) {
    int ran = 0;
    for (Task task = pollDue(end); task != null; task = pollDue(end)) {
      if (task.due.isAfter(clock.instant())) {
        clock.set(task.due);
      }
      ran++;
      task.runnable.run(); // outside the lock: tasks schedule and cancel
    }
    return ran;
  }

  private synchronized Task pollDue(Instant end) {
    Task next = queue.peek();
    return next == null || next.due.isAfter(end) ? null : queue.poll();
  }

  /** The pending tasks' due times, in the order they will run (for failure messages). */
  public synchronized List<Instant> pendingDueTimes() {
    List<Task> tasks = new ArrayList<>(queue);
    tasks.sort(ORDER);
    return tasks.stream().map(t -> t.due).toList();
  }

  private static final class Task {
    final Instant due;
    final long sequence;
    final Runnable runnable;

    Task(Instant due, long sequence, Runnable runnable) {
      this.due = due;
      this.sequence = sequence;
      this.runnable = runnable;
    }
  }
}
