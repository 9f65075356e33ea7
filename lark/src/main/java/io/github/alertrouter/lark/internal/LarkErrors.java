package io.github.alertrouter.lark.internal;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.util.Locale;
import java.util.Map;

/**
 * Lark's answer codes (platforms.md §2.6) and what each means for delivery: the one place a code
 * is given a {@link FailureKind} and a retry class. 9499 is overloaded: "too many request" is a
 * rate limit, anything else ("Bad Request", "fail to parse content") a malformed body. Stateless
 * and thread-safe.
 */
final class LarkErrors {
  /** The overloaded code; its {@code msg} decides. */
  static final int OVERLOADED = 9499;

  /** How a code is classified: its kind, and whether a later retry may succeed. */
  record Rule(FailureKind kind, boolean retryable) {
    static Rule permanent(FailureKind kind) {
      return new Rule(kind, false);
    }

    static Rule retryable(FailureKind kind) {
      return new Rule(kind, true);
    }
  }

  private static final Map<Integer, Rule> RULES = Map.ofEntries(
      // platform pressure (near :00 and :30) or over 5/s or 100/min: back off and retry
      Map.entry(11232, Rule.retryable(FailureKind.RATE_LIMITED)),
      Map.entry(19001, Rule.permanent(FailureKind.INVALID_ROBOT)), // webhook token invalid: bot removed
      Map.entry(19002, Rule.permanent(FailureKind.BAD_REQUEST)), // unknown msg_type
      Map.entry(19021, Rule.permanent(FailureKind.SIGNATURE_REJECTED)), // fix the secret or the clock
      Map.entry(19022, Rule.permanent(FailureKind.IP_REJECTED)),
      Map.entry(19024, Rule.permanent(FailureKind.KEYWORD_REJECTED)),
      Map.entry(19036, Rule.permanent(FailureKind.TOO_LONG)), // card over 30 KB: render smaller
      Map.entry(11310, Rule.permanent(FailureKind.BAD_REQUEST))); // too many tables in a card

  private static final Rule UNKNOWN = Rule.permanent(FailureKind.UNKNOWN);

  private LarkErrors() {}

  /** The rule for a non-zero code; unknown codes are permanent {@link FailureKind#UNKNOWN}, never success. */
  static Rule rule(int code, String msg) {
    if (code == OVERLOADED) {
      String m = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
      return m.contains("too many request") ? Rule.retryable(FailureKind.RATE_LIMITED)
          : Rule.permanent(FailureKind.BAD_REQUEST);
    }
    return RULES.getOrDefault(code, UNKNOWN);
  }

  /** The result for a non-zero code; {@code detail} must already be redacted. */
  static SendResult classify(int code, String msg, String detail) {
    Rule rule = rule(code, msg);
    String text = Integer.toString(code);
    return rule.retryable()
        ? new SendResult.Retryable(rule.kind(), text, detail, null)
        : new SendResult.Permanent(rule.kind(), text, detail);
  }

  /** The codes with a fixed rule (9499 aside), for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return RULES;
  }
}
