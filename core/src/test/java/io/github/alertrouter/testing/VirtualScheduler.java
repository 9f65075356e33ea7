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
 * tasks run when {@link #advance} passes their due time, in due order, on the test's thread.
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
        return now;
      }
    };
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    tasks.add(new Task(delay.isNegative() ? now : now.plus(delay), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  public Instant now() {
    return now;
  }

  public void advance(Duration by) {
    Instant end = now.plus(by);
    while (!tasks.isEmpty() && !tasks.peek().due.isAfter(end)) {
      Task t = tasks.poll();
      now = t.due;
      if (!t.cancelled[0]) {
        t.run.run();
      }
    }
    now = end;
  }
}
