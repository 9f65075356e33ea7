package io.github.alertrouter.testing;

import io.github.alertrouter.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for core's own tests (core cannot depend on the testkit, which depends on core):
 * tasks run when {@link #advance} passes their due time, in due order, on the test's thread;
 * other threads may schedule meanwhile.
 */
public final class VirtualScheduler implements Scheduler {
  private record Task(Instant due, long seq, Runnable run, boolean[] cancelled) {}

  private final PriorityQueue<Task> tasks = new PriorityQueue<>(
      (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private Instant now;
  private long seq;

  public VirtualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    tasks.add(new Task(delay.isNegative() ? now : now.plus(delay), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  public synchronized Instant now() {
    return now;
  }

  /** Runs the tasks due by {@code now + by}, in order, on this thread. Tasks may be scheduled from any thread. */
  public void advance(Duration by) {
    Instant end;
    synchronized (this) {
      end = now.plus(by);
    }
    while (true) {
      Task t;
      synchronized (this) {
        if (tasks.isEmpty() || tasks.peek().due.isAfter(end)) {
          now = end;
          return;
        }
        t = tasks.poll();
        now = t.due;
      }
      if (!t.cancelled[0]) {
        t.run.run();
      }
    }
  }
}
