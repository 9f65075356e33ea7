package io.github.alertrouter.spi;

import io.github.alertrouter.notify.Mention;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of sending one message: a value, never an exception. {@code code} is the platform's
 * own error code as text ({@code "410100"}, {@code "HTTP 503"}); {@code detail} is the platform's
 * message or the I/O error, with no secret in it. Immutable and thread-safe.
 */
public sealed interface SendResult {
  /**
   * The platform accepted the message, but perhaps not every mention it planned: a client that
   * had to drop some to get the message through (a group that lets only admins @all, say) names
   * them in {@code withheld} and says why in {@code note}, so that nobody reads the delivery as
   * having paged people it did not. {@link #sent()} and {@code new Sent()} withhold nothing.
   *
   * <p>Compatibility: {@code Sent} once had no components. {@code new Sent()}, {@link #sent()},
   * {@code instanceof Sent} and {@link #isSent()} work as before, and {@code new Sent()} equals
   * {@code new Sent(List.of(), "")}; only a record pattern {@code Sent()} must become
   * {@code Sent(var withheld, var note)}.
   *
   * @param withheld mentions of the sent message ({@link OutboundMessage#mentions()}) that did not
   *     fire, in the message's order; empty when all fired. Copied; never {@code null}
   * @param note why {@code withheld} did not fire ({@code "group allows only admins to @all"}),
   *     without secrets; {@code ""} exactly when {@code withheld} is empty
   */
  record Sent(List<Mention> withheld, String note) implements SendResult {
    /**
     * Copies {@code withheld} and checks that it and {@code note} go together.
     *
     * @throws IllegalArgumentException when a withheld mention has no note, or a note no mention
     */
    public Sent {
      withheld = List.copyOf(withheld);
      Objects.requireNonNull(note, "note");
      if (withheld.isEmpty() ? !note.isEmpty() : note.isBlank()) {
        throw new IllegalArgumentException(withheld.isEmpty()
            ? "a note says why mentions were withheld, but none was: \"" + note + "\""
            : "withheld mentions need a note saying why, but it was blank");
      }
    }

    /** Sent with every planned mention fired. */
    public Sent() {
      this(List.of(), "");
    }

    /**
     * {@code planned} less the withheld mentions: who the message really @-ed, in planned order.
     *
     * @param planned the mentions the sent message carried ({@link OutboundMessage#mentions()})
     */
    public List<Mention> fired(List<Mention> planned) {
      return withheld.isEmpty() ? List.copyOf(planned)
          : planned.stream().filter(m -> !withheld.contains(m)).toList();
    }
  }

  /**
   * Failed, and trying again later may work.
   *
   * @param kind what kind of failure
   * @param code the platform's error code as text
   * @param detail the platform's message or the I/O error, without secrets
   * @param retryAfter how long the platform asks to wait, or {@code null} for the caller's backoff
   */
  record Retryable(FailureKind kind, String code, String detail, Duration retryAfter) implements SendResult {
    /** @throws NullPointerException if {@code kind}, {@code code} or {@code detail} is null */
    public Retryable {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Failed, and sending the same message again will fail the same way.
   *
   * @param kind what kind of failure
   * @param code the platform's error code as text
   * @param detail the platform's message or the I/O error, without secrets
   */
  record Permanent(FailureKind kind, String code, String detail) implements SendResult {
    /** @throws NullPointerException if a component is null */
    public Permanent {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Sent, with every planned mention fired. */
  static SendResult sent() {
    return new Sent();
  }

  /** Why it failed ({@code Retryable} or {@code Permanent}); empty when it was sent. */
  default Optional<FailureKind> failureKind() {
    if (this instanceof Retryable r) {
      return Optional.of(r.kind());
    }
    return this instanceof Permanent p ? Optional.of(p.kind()) : Optional.empty();
  }

  /** Whether the platform accepted the message (a {@link Sent}). */
  default boolean isSent() {
    return this instanceof Sent;
  }
}
