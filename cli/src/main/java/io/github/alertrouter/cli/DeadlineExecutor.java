package io.github.alertrouter.cli;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request threads of {@code serve}'s JDK HttpServer, with read deadlines ({@link HttpLimits}).
 *
 * <p>Why: the JDK server hands a connection to its executor as soon as the first bytes arrive,
 * and the request line, headers and body are then read with blocking reads on that thread. A
 * client that sends part of a request and then nothing holds the thread for ever; enough of them
 * hold every thread, and with a caller-runs policy the server's one dispatcher thread too, which
 * stops all intake. The JDK's own {@code sun.net.httpserver.maxReqTime} bounds this, but it is
 * JVM-wide, in whole seconds, fixed when the class first loads, and off by default.
 *
 * <p>How: each request passes through phases. While its headers or body are read a deadline
 * runs; when it passes, the thread is interrupted. The reads are on an interruptible socket
 * channel, so the interrupt closes the connection, the read fails and the JDK server drops the
 * request, returning the thread to the pool. The handler's own work is never interrupted: an
 * alarm only acts while its phase is current, checked under the request's lock. {@link #filter()}
 * marks the end of the headers; the body stream it installs marks the end of the body.
 *
 * <p>The pool grows to {@code threads} before it queues, so slow readers do not delay requests
 * that could run on a new thread; with the queue full a request is refused rather than run on the
 * caller: the caller is the dispatcher, which must never block. The JDK server closes the
 * connection of a refused request.
 *
 * <p>Thread-safe.
 */
final class DeadlineExecutor implements Executor {
  /** What a request that waited for a thread beyond its header timeout still gets to parse headers already received. */
  static final long MIN_HEADER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private enum Phase { QUEUED, HEADERS, BODY, HANDLING, TIMED_OUT, DONE }

  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private final HttpLimits limits;
  private final ServeMetrics metrics;
  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor alarms;
  // submitted and not yet finished: with as many as there are threads, none is idle
  private final AtomicInteger inFlight = new AtomicInteger();

  DeadlineExecutor(HttpLimits limits, ServeMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, limits.threads(), 60, TimeUnit.SECONDS, new GrowFirstQueue(limits.queue()),
        r -> daemon(r, "alert-router-http-" + n.incrementAndGet()), (r, executor) -> {
          metrics.requestRefused();
          throw new RejectedExecutionException("all " + limits.threads() + " request threads busy and "
              + limits.queue() + " requests queued");
        });
    this.alarms = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "alert-router-http-deadlines"));
    alarms.setRemoveOnCancelPolicy(true); // most alarms are cancelled: do not keep them until they were due
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Runs a request of the JDK server (its exchange, which starts by reading the headers). */
  @Override
  public void execute(Runnable exchange) {
    inFlight.incrementAndGet();
    try {
      pool.execute(new Request(exchange, System.nanoTime()));
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /** Marks the end of the headers, and wraps the body to mark its end. Add it to every context. */
  Filter filter() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Request request = CURRENT.get();
        if (request != null) {
          boolean body = hasBody(exchange);
          request.headersRead(body);
          if (body) {
            exchange.setStreams(new Body(exchange.getRequestBody(), request), null);
          }
        }
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "read deadlines";
      }
    };
  }

  private static boolean hasBody(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    return exchange.getRequestHeaders().containsKey("Transfer-Encoding")
        || (length != null && !length.strip().equals("0"));
  }

  /** Requests being read or handled, or waiting for a thread. */
  int inFlight() {
    return inFlight.get();
  }

  void shutdown() {
    pool.shutdown();
  }

  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return pool.awaitTermination(timeout, unit);
  }

  void shutdownNow() {
    pool.shutdownNow();
    alarms.shutdownNow();
  }

  /** One request of the JDK server, with the deadline of the phase it is in. */
  private final class Request implements Runnable {
    private final Runnable exchange;
    private final long queuedAt;
    // guarded by this: the alarm and the request change phase under this lock, so an interrupt
    // can only land while the request is still in the phase the alarm was set for
    private Phase phase = Phase.QUEUED;
    private Thread thread;
    private ScheduledFuture<?> alarm;

    Request(Runnable exchange, long queuedAt) {
      this.exchange = exchange;
      this.queuedAt = queuedAt;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
        // counted from when the dispatcher saw the first bytes, so time spent waiting for a thread
        // counts and a queue of slow clients drains within about one timeout
        long left = limits.headerTimeout().toNanos() - (System.nanoTime() - queuedAt);
        enter(Phase.HEADERS, Math.max(left, MIN_HEADER_NANOS));
      }
      CURRENT.set(this);
      try {
        exchange.run();
      } finally {
        CURRENT.remove();
        synchronized (this) {
          enter(Phase.DONE, 0);
        }
        Thread.interrupted(); // an interrupt meant for this request must not reach the next one on this thread
        inFlight.decrementAndGet();
      }
    }

    synchronized void headersRead(boolean body) throws IOException {
      checkNotTimedOut();
      enter(body ? Phase.BODY : Phase.HANDLING, limits.bodyTimeout().toNanos());
    }

    synchronized void bodyRead() throws IOException {
      checkNotTimedOut();
      if (phase == Phase.BODY) {
        enter(Phase.HANDLING, 0);
      }
    }

    private void checkNotTimedOut() throws IOException {
      if (phase == Phase.TIMED_OUT) {
        throw new InterruptedIOException("request read past its deadline");
      }
    }

    // holds the lock
    private void enter(Phase next, long deadlineNanos) {
      if (alarm != null) {
        alarm.cancel(false);
        alarm = null;
      }
      if (phase == Phase.TIMED_OUT && next != Phase.DONE) {
        return;
      }
      phase = next;
      if (next == Phase.HEADERS || next == Phase.BODY) {
        try {
          alarm = alarms.schedule(() -> expire(next), deadlineNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
          // the server is stopping: it closes every connection itself
        }
      }
    }

    private void expire(Phase due) {
      synchronized (this) {
        if (phase != due) {
          return; // the request moved on just as the alarm went off
        }
        phase = Phase.TIMED_OUT;
        thread.interrupt(); // closes the socket channel the thread is reading, or is about to read
      }
      metrics.readTimedOut(due == Phase.HEADERS ? "headers" : "body");
    }
  }

  /** The request body; reading its end ends the body deadline. */
  private static final class Body extends FilterInputStream {
    private final Request request;

    Body(InputStream in, Request request) {
      super(in);
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        request.bodyRead();
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = super.read(bytes, offset, length);
      if (n < 0) {
        request.bodyRead();
      }
      return n;
    }
  }

  /**
   * Offers a request to the queue only when no thread is idle and the pool cannot grow, so that
   * {@link ThreadPoolExecutor} starts a thread instead (it queues first once it has its core
   * threads, and here there are none: threads come and go with load).
   */
  private final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
    GrowFirstQueue(int capacity) {
      super(capacity);
    }

    @Override
    public boolean offer(Runnable request) {
      // only the dispatcher thread submits, so the pool cannot fill up between this check and
      // the thread start it causes
      if (inFlight.get() > pool.getPoolSize() && pool.getPoolSize() < pool.getMaximumPoolSize()) {
        return false;
      }
      return super.offer(request);
    }
  }
}
