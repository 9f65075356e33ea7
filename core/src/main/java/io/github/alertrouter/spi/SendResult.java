package io.github.alertrouter.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of sending one message: a value, never an exception. {@code code} is the platform's
 * own error code as text ({@code "410100"}, {@code "HTTP 503"}); {@code detail} is the platform's
 * message or the I/O error, with no secret in it.
 */
public sealed interface SendResult {
  /** The platform accepted the message. */
  record Sent() implements SendResult {}

  /**
   * Failed, and trying again later may work.
   *
   * @param retryAfter how long the platform asks to wait, or {@code null} for the caller's backoff
   */
  record Retryable(FailureKind kind, String code, String detail, Duration retryAfter) implements SendResult {
    public Retryable {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Failed, and sending the same message again will fail the same way. */
  record Permanent(FailureKind kind, String code, String detail) implements SendResult {
    public Permanent {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }

  static SendResult sent() {
    return new Sent();
  }

  default boolean isSent() {
    return this instanceof Sent;
  }
}
