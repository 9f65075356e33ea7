package io.github.alertrouter.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a {@link PlatformSimulator} answers with instead of handling a request normally, set
 * up with {@link PlatformSimulator#failNext}. Platform-neutral: each simulator writes {@link
 * #busy()}, {@link #throttled()} and {@link #errorCode} in its platform's own answer shape.
 * Immutable.
 */
public sealed interface Fault {
  /**
   * An HTTP error status (a gateway's 502, a 503 in maintenance) with this body.
   *
   * @param status the HTTP status
   * @param body the answer's body
   */
  record HttpStatus(int status, String body) implements Fault {
    /**
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     * @throws NullPointerException if {@code body} is null
     */
    public HttpStatus {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("an HTTP status is 100..599, but was " + status);
      }
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * Answers only after {@code delay} of real time, then handles the request normally: for client
   * timeouts, which run on the JDK's clock, not on virtual time. Keep it short (≤ 1 s).
   *
   * @param delay how long to wait before answering
   */
  record Delay(Duration delay) implements Fault {
    /** @throws IllegalArgumentException if {@code delay} is null or negative */
    public Delay {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("a delay must be >= 0, but was " + delay);
      }
    }
  }

  /** The platform's "system busy" answer (DingTalk {@code -1}). */
  record Busy() implements Fault {}

  /** The platform's rate-limit answer (DingTalk {@code 410100}), without starting a penalty. */
  record Throttled() implements Fault {}

  /**
   * An arbitrary platform error code and message, in the platform's answer shape.
   *
   * @param code the platform's error code
   * @param message the platform's error message
   */
  record ErrorCode(int code, String message) implements Fault {
    /** @throws NullPointerException if {@code message} is null */
    public ErrorCode {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A raw answer, written as given: for bodies outside the platform's usual shape.
   *
   * @param status the HTTP status
   * @param body the answer's body, verbatim
   */
  record RawAnswer(int status, String body) implements Fault {
    /**
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     * @throws NullPointerException if {@code body} is null
     */
    public RawAnswer {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("an HTTP status is 100..599, but was " + status);
      }
      Objects.requireNonNull(body, "body");
    }
  }

  /** HTTP {@code status} with a short plain-text body. */
  static Fault httpStatus(int status) {
    return new HttpStatus(status, "simulated HTTP " + status);
  }

  /** Answers after {@code delay} of real time. */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /** The platform's "system busy". */
  static Fault busy() {
    return new Busy();
  }

  /** The platform's rate-limit answer. */
  static Fault throttled() {
    return new Throttled();
  }

  /** The platform's answer shape with this code and message. */
  static Fault errorCode(int code, String message) {
    return new ErrorCode(code, message);
  }

  /** Exactly this status and body. */
  static Fault rawAnswer(int status, String body) {
    return new RawAnswer(status, body);
  }
}
