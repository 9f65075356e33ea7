package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * WeCom's answer codes (docs/platforms.md §3.6) and what each means for delivery: the one place a code
 * is given a {@link FailureKind} and a retry class. WeCom asks callers to branch on
 * {@code errcode}; the one exception is invalid JSON, known only by "wrong json format" in
 * {@code errmsg}. Stateless and thread-safe.
 */
final class WeComErrors {
  /**
   * How long to wait after 45009 (20 messages per minute): until the minute has passed. Whether
   * WeCom's window is sliding or fixed is unverified; a full minute is right for both.
   */
  static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(60);
  /** How long to wait after 45033 (too many concurrent calls): they end within a request's time. */
  static final Duration CONCURRENCY_WAIT = Duration.ofSeconds(2);

  /** How a code is classified: its kind, and whether a later retry may succeed. */
  record Rule(FailureKind kind, boolean retryable, Duration retryAfter) {
    static Rule permanent(FailureKind kind) {
      return new Rule(kind, false, null);
    }

    static Rule retryable(FailureKind kind, Duration retryAfter) {
      return new Rule(kind, true, retryAfter);
    }
  }

  private static final Map<Integer, Rule> RULES = Map.ofEntries(
      Map.entry(-1, Rule.retryable(FailureKind.SERVER_ERROR, null)), // system busy: the caller's backoff
      Map.entry(45009, Rule.retryable(FailureKind.RATE_LIMITED, RATE_LIMIT_WAIT)),
      Map.entry(45033, Rule.retryable(FailureKind.RATE_LIMITED, CONCURRENCY_WAIT)),
      Map.entry(40058, Rule.permanent(FailureKind.TOO_LONG)), // "content exceed max length"
      Map.entry(40008, Rule.permanent(FailureKind.BAD_REQUEST)), // invalid msgtype
      Map.entry(40007, Rule.permanent(FailureKind.BAD_REQUEST)), // invalid media_id (not sent by us)
      Map.entry(44004, Rule.permanent(FailureKind.BAD_REQUEST)), // empty content
      Map.entry(93000, Rule.permanent(FailureKind.INVALID_ROBOT))); // wrong or removed key

  private static final Rule UNKNOWN = Rule.permanent(FailureKind.UNKNOWN);
  private static final Rule BAD_JSON = Rule.permanent(FailureKind.BAD_REQUEST);
  static final String WRONG_JSON = "wrong json format";

  private WeComErrors() {}

  /**
   * The rule for a non-zero {@code errcode}. An unknown code is permanent {@link FailureKind#UNKNOWN}:
   * never mistaken for success, never retried blindly.
   */
  static Rule rule(int errcode, String errmsg) {
    Rule rule = RULES.get(errcode);
    if (rule != null) {
      return rule;
    }
    String msg = errmsg == null ? "" : errmsg.toLowerCase(Locale.ROOT);
    return msg.contains(WRONG_JSON) ? BAD_JSON : UNKNOWN;
  }

  /** The result for a non-zero {@code errcode}; {@code detail} must already be redacted. */
  static SendResult classify(int errcode, String errmsg, String detail) {
    Rule rule = rule(errcode, errmsg);
    String code = Integer.toString(errcode);
    return rule.retryable()
        ? new SendResult.Retryable(rule.kind(), code, detail, rule.retryAfter())
        : new SendResult.Permanent(rule.kind(), code, detail);
  }

  /** The codes with a fixed rule, for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return RULES;
  }
}
