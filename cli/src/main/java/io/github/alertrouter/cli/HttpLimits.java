package io.github.alertrouter.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of itself {@code serve}'s HTTP server gives to any one request, so that slow or idle
 * clients cannot starve the rest ({@link DeadlineExecutor}).
 *
 * <p>{@code headerTimeout}: a request's line and headers must have arrived within this time of the
 * server starting to read them (time spent waiting for a thread counts). {@code bodyTimeout}: its
 * body must have arrived within this time of its headers. {@code threads}: requests read and
 * handled at once; the pool grows to this before anything queues. {@code queue}: requests that
 * wait for a thread once all are busy; past that a request's connection is closed.
 *
 * <p>Connections that are idle between requests (keep-alive) or send nothing at all hold no
 * thread; the JDK server closes them after {@code sun.net.httpserver.idleInterval} (30 s, checked
 * every 10 s).
 */
record HttpLimits(Duration headerTimeout, Duration bodyTimeout, int threads, int queue) {
  /** A webhook's headers are a few hundred bytes: ten seconds is generous even over a bad link. */
  static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** Bodies are capped at --max-body (1 MiB by default); 30 s is 35 KiB/s for a full one. */
  static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Each request holds its thread while it is read (the JDK server reads with blocking I/O), so
   * this is how many slow clients at once it takes to delay intake, for at most a header timeout.
   * Threads waiting on a socket cost a stack and no CPU; idle ones end after a minute.
   */
  static final int DEFAULT_THREADS = 256;
  /** Requests waiting for a thread once all are busy: bursts of webhooks are normal. */
  static final int DEFAULT_QUEUE = 1024;
  static final HttpLimits DEFAULT = new HttpLimits(DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_THREADS, DEFAULT_QUEUE);

  HttpLimits {
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    if (headerTimeout.isNegative() || headerTimeout.isZero()) {
      throw new IllegalArgumentException("headerTimeout must be > 0, but was " + headerTimeout);
    }
    if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
      throw new IllegalArgumentException("bodyTimeout must be > 0, but was " + bodyTimeout);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
    }
    if (queue < 1) {
      throw new IllegalArgumentException("queue must be >= 1, but was " + queue);
    }
  }
}
