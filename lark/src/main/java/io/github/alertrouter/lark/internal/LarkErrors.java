package io.github.alertrouter.lark.internal;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.util.Locale;
import java.util.Map;

/**
 * Lark's answer codes (platforms.md §2.6) and what each means for delivery: the one place a code
 * is given a {@link FailureKind}, a retry class and, where the code alone says more than its
 * {@code msg}, a cause for the detail. 9499 is overloaded: "too many request" is a rate limit,
 * anything else ("Bad Request", "fail to parse content") a malformed body. Stateless and
 * thread-safe.
 *
 * <p>Sources beyond platforms.md: Lark's server-side error codes
 * (https://open.larksuite.com/document/ukTMukTMukTM/ugjM14COyUjL4ITN) for 11233, 11235 and 11247,
 * and the frequency-control guide
 * (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control) for 99991400.
 * Both document the app-bot OpenAPIs; that the custom-bot webhook answers these codes is
 * assumed, not documented.
 */
final class LarkErrors {
  /** The overloaded code; its {@code msg} decides. */
  static final int OVERLOADED = 9499;
  /** The group lets only admins @all ("this group is set to only admin can mention @All"). */
  static final int AT_ALL_FORBIDDEN = 11235;

  /**
   * How a code is classified: its kind, whether a later retry may succeed, and the cause put
   * before the platform's message in the detail ({@code null}: the message says enough).
   */
  record Rule(FailureKind kind, boolean retryable, String cause) {
    static Rule permanent(FailureKind kind) {
      return new Rule(kind, false, null);
    }

    static Rule retryable(FailureKind kind) {
      return new Rule(kind, true, null);
    }

    Rule because(String text) {
      return new Rule(kind, retryable, text);
    }
  }

  private static final Map<Integer, Rule> RULES = Map.ofEntries(
      // platform pressure (near :00 and :30) or over 5/s or 100/min: back off and retry
      Map.entry(11232, Rule.retryable(FailureKind.RATE_LIMITED)),
      // "create message chat trigger rate limit": the per-chat frequency control, same remedy
      Map.entry(11233, Rule.retryable(FailureKind.RATE_LIMITED)),
      // "internal send message trigger rate limit": frequency control on the server-side error
      // code page; the batch-message API page (ucDO1EjL3gTNx4yN4UTM) reads it as that API's daily
      // cap of 500,000, which a webhook does not use. Retrying is right for the first reading and
      // bounded by the retry policy for the second.
      Map.entry(11247, Rule.retryable(FailureKind.RATE_LIMITED)),
      // the open-platform gateway: HTTP 429 (older APIs: 400), "request trigger frequency limit"
      Map.entry(99991400, Rule.retryable(FailureKind.RATE_LIMITED)),
      // a group setting, not a malformed message: AtAllFallback re-sends without @all
      Map.entry(AT_ALL_FORBIDDEN, Rule.permanent(FailureKind.CONTENT_REJECTED)
          .because("group allows only admins to @all")),
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

  /**
   * The result for a non-zero code; {@code detail} must already be redacted. A rule's cause comes
   * first: {@code group allows only admins to @all: this group is set to only admin can mention @All}.
   */
  static SendResult classify(int code, String msg, String detail) {
    Rule rule = rule(code, msg);
    String text = Integer.toString(code);
    String full = rule.cause() == null ? detail : rule.cause() + ": " + detail;
    return rule.retryable()
        ? new SendResult.Retryable(rule.kind(), text, full, null)
        : new SendResult.Permanent(rule.kind(), text, full);
  }

  /** The codes with a fixed rule (9499 aside), for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return RULES;
  }
}
