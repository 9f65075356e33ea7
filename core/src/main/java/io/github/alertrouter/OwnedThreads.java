package io.github.alertrouter;

import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a router owns when it is given no scheduler: one timer thread and a pool of sending
 * threads (created when needed, gone when idle, named for thread dumps), and how they stop.
 * Thread-safe.
 */
final class OwnedThreads {
  private final ScheduledExecutorService timers;
  private final ThreadPoolExecutor senders;
  private final Scheduler scheduler;

  /** Starts the timer thread on {@code clock}; at most {@code sendThreads} sending threads. */
  public OwnedThreads(Clock clock, int sendThreads) {
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "alert-router"));
    this.scheduler = Scheduler.of(timers, clock);
    AtomicInteger n = new AtomicInteger();
    this.senders = new ThreadPoolExecutor(sendThreads, sendThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> daemon(r, "alert-router-send-" + n.incrementAndGet()));
    senders.allowCoreThreadTimeOut(true); // each lane has at most one request out: the queue stays short
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public ThreadPoolExecutor senders() {
    return senders;
  }

  /**
   * Lets the lanes send what they hold (the closing flush's notices included) until they are
   * empty or {@code timeout} passes, then stops the threads. What a lane still holds then (a
   * penalty, a backoff) is not delivered, so the notification log does not have it and a router
   * restored from the last snapshot sends it.
   */
  public void drainAndStop(Dispatcher dispatcher, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos(); // a real stop: real time
    try {
      timers.schedule(() -> { }, 0, TimeUnit.NANOSECONDS).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      dispatcher.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      senders.shutdown();
      senders.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // nothing more to wait for
    } finally {
      timers.shutdownNow();
      senders.shutdownNow();
    }
  }
}
