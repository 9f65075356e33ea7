package io.github.alertrouter.spi.render;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A platform's answer codes and what each means for delivery, declared as a table: code → {@link
 * Rule} (retryable or permanent, a {@link FailureKind}, an optional wait, an optional cause put
 * before the platform's message). A few codes are overloaded and their message decides ({@link
 * #byMessage}); a code that is in no row is permanent {@link FailureKind#UNKNOWN}, never success and
 * never retried blindly, unless {@link #unlisted} says more. The one place a platform gives its codes
 * a meaning; {@link WebhookClient} asks it about every non-zero code.
 *
 * <pre>{@code
 * ErrorTable.of(Map.of(
 *         410100, Rule.retryable(FailureKind.RATE_LIMITED, Duration.ofMinutes(10)),
 *         400101, Rule.permanent(FailureKind.INVALID_ROBOT)))
 *     .byMessage(310000, msg -> Rule.permanent(msg.contains("keyword")
 *         ? FailureKind.KEYWORD_REJECTED : FailureKind.UNKNOWN));
 * }</pre>
 *
 * <p>Immutable and thread-safe (the message functions must be stateless); {@link #byMessage} and
 * {@link #unlisted} return a new table. Messages reach those functions lower-cased
 * ({@link Locale#ROOT}), never {@code null}.
 */
public final class ErrorTable {
  /** What an unlisted code is, unless {@link #unlisted} says more: permanent and unknown. */
  public static final Rule UNKNOWN = Rule.permanent(FailureKind.UNKNOWN);

  /**
   * How one code is classified.
   *
   * @param kind why the message failed
   * @param retryable whether sending it again later may succeed
   * @param retryAfter how long the platform asks to wait, or {@code null} for the dispatcher's
   *     backoff; only a retryable rule has one
   * @param cause text put before the platform's message in the detail ({@code "group allows only
   *     admins to @all"}), or {@code null} when the message says enough
   */
  public record Rule(FailureKind kind, boolean retryable, Duration retryAfter, String cause) {
    /**
     * @throws IllegalArgumentException when a permanent rule has a wait, or a wait is negative
     */
    public Rule {
      Objects.requireNonNull(kind, "kind");
      if (retryAfter != null && (!retryable || retryAfter.isNegative())) {
        throw new IllegalArgumentException("retryAfter must be a wait >= 0 of a retryable rule, but was "
            + retryAfter + (retryable ? "" : " on a permanent " + kind));
      }
    }

    /** Sending the same message again fails the same way. */
    public static Rule permanent(FailureKind kind) {
      return new Rule(kind, false, null, null);
    }

    /** A later retry may succeed, after the dispatcher's backoff. */
    public static Rule retryable(FailureKind kind) {
      return new Rule(kind, true, null, null);
    }

    /** A later retry may succeed, not before {@code retryAfter}. */
    public static Rule retryable(FailureKind kind, Duration retryAfter) {
      return new Rule(kind, true, Objects.requireNonNull(retryAfter, "retryAfter"), null);
    }

    /** This rule, with {@code cause} put before the platform's message in the detail. */
    public Rule because(String cause) {
      return new Rule(kind, retryable, retryAfter, Objects.requireNonNull(cause, "cause"));
    }
  }

  private final Map<Integer, Rule> rules;
  private final Map<Integer, Function<String, Rule>> byMessage;
  private final Function<String, Rule> unlisted;

  private ErrorTable(Map<Integer, Rule> rules, Map<Integer, Function<String, Rule>> byMessage,
      Function<String, Rule> unlisted) {
    this.rules = rules;
    this.byMessage = byMessage;
    this.unlisted = unlisted;
  }

  /** A table of codes whose rule is fixed; every other code is {@link #UNKNOWN}. */
  public static ErrorTable of(Map<Integer, Rule> rules) {
    return new ErrorTable(Map.copyOf(rules), Map.of(), msg -> UNKNOWN);
  }

  /**
   * This table, with {@code code} classified by its message: for a code the platform uses for
   * several causes that only the message tells apart.
   *
   * @param rule the rule for a lower-cased message; must not return {@code null}
   * @throws IllegalArgumentException when {@code code} already has a fixed rule or a message rule
   */
  public ErrorTable byMessage(int code, Function<String, Rule> rule) {
    Objects.requireNonNull(rule, "rule");
    if (rules.containsKey(code) || byMessage.containsKey(code)) {
      throw new IllegalArgumentException("code " + code + " already has a rule");
    }
    Map<Integer, Function<String, Rule>> more = new HashMap<>(byMessage);
    more.put(code, rule);
    return new ErrorTable(rules, Map.copyOf(more), unlisted);
  }

  /**
   * This table, with codes in no row classified by their message rather than as {@link #UNKNOWN}:
   * for a failure the platform names only in its message, under any code.
   *
   * @param rule the rule for a lower-cased message; must not return {@code null}
   */
  public ErrorTable unlisted(Function<String, Rule> rule) {
    return new ErrorTable(rules, byMessage, Objects.requireNonNull(rule, "rule"));
  }

  /** The rule for a non-zero {@code code} and its {@code message} ({@code null} reads as empty). */
  public Rule rule(int code, String message) {
    Rule fixed = rules.get(code);
    if (fixed != null) {
      return fixed;
    }
    String msg = message == null ? "" : message.toLowerCase(Locale.ROOT);
    Function<String, Rule> decide = byMessage.getOrDefault(code, unlisted);
    return Objects.requireNonNull(decide.apply(msg), () -> "no rule for code " + code);
  }

  /**
   * The result for a non-zero {@code code}: its code as text, and {@code detail} after the rule's
   * cause, if any ({@code group allows only admins to @all: this group is set to only admin can
   * mention @All}).
   *
   * @param detail the platform's message as the result shows it; must already be redacted
   */
  public SendResult classify(int code, String message, String detail) {
    Rule rule = rule(code, message);
    String text = Integer.toString(code);
    String full = rule.cause() == null ? detail : rule.cause() + ": " + detail;
    return rule.retryable()
        ? new SendResult.Retryable(rule.kind(), text, full, rule.retryAfter())
        : new SendResult.Permanent(rule.kind(), text, full);
  }

  /** The codes with a fixed rule (not those {@link #byMessage} decides), for tests that cover every row. */
  public Map<Integer, Rule> rules() {
    return rules;
  }
}
