package io.github.alertrouter.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RobotClient} is given: the transport to post with, the clock its signing
 * timestamps come from (never the wall clock directly), and the per-request timeout. Immutable.
 *
 * @param transport what posts the requests
 * @param clock the clock signing timestamps are read from
 * @param requestTimeout how long one request may take in all
 */
public record ClientContext(Transport transport, Clock clock, Duration requestTimeout) {
  /** Requests that take longer than this fail as {@link FailureKind#NETWORK_ERROR}. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Connecting longer than this fails. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** @throws NullPointerException if a component is null */
  public ClientContext {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** The default transport ({@link Transport#http11}), default timeouts, and this clock. */
  public static ClientContext defaults(Clock clock) {
    return new ClientContext(Transport.http11(DEFAULT_CONNECT_TIMEOUT), clock, DEFAULT_REQUEST_TIMEOUT);
  }
}
