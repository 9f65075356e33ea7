package io.github.alertrouter.lark;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.ErrorTable;
import io.github.alertrouter.spi.render.ErrorTable.Rule;
import java.util.Map;

/**
 * Lark's answer codes (docs/platforms.md §2.6) and what each means for delivery: the one place a code
 * is given a {@link FailureKind}, a retry class and, where the code alone says more than its
 * {@code msg}, a cause for the detail. Two codes are overloaded and their {@code msg} decides:
 * 9499 "too many request" is a rate limit, anything else ("Bad Request", "fail to parse content")
 * a malformed body; 11246 "Service Internal Error" is a server failure, anything else a message
 * Lark could not build. Stateless and thread-safe.
 *
 * <p>Sources beyond docs/platforms.md: Lark's server-side error codes
 * (https://open.larksuite.com/document/ukTMukTMukTM/ugjM14COyUjL4ITN) for 11233, 11235, 11246,
 * 11247, 11248 and 11312, with Feishu's edition of that page
 * (https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code) for 11246's
 * "Service Internal Error", and the frequency-control guide
 * (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control) for 99991400.
 * They document the app-bot OpenAPIs; that the custom-bot webhook answers these codes is
 * assumed, not documented.
 */
final class LarkErrors {
  /** The overloaded rate-limit or bad-request code; its {@code msg} decides. */
  static final int OVERLOADED = 9499;
  /** The group lets only admins @all ("this group is set to only admin can mention @All"). */
  static final int AT_ALL_FORBIDDEN = 11235;
  /** The other overloaded code, "create message content fail"; its {@code msg} decides. */
  static final int CONTENT_NOT_CREATED = 11246;
  /** The cause of {@value #AT_ALL_FORBIDDEN}, as a detail and as why a sent message's @all did not fire. */
  static final String ADMINS_ONLY_AT_ALL = "group allows only admins to @all";

  /** Every code with its rule; 9499 and 11246 are split by {@code msg}; other codes are permanent unknown. */
  static final ErrorTable TABLE = ErrorTable.of(Map.ofEntries(
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
      // a group setting, not a malformed message: LarkClient re-sends without @all
      Map.entry(AT_ALL_FORBIDDEN, Rule.permanent(FailureKind.CONTENT_REJECTED).because(ADMINS_ONLY_AT_ALL)),
      // "message is sensitive": "when the content of the message is sensitive, sending will
      // fail" (server-side error codes). Moderation: the same text fails again, @all or not
      Map.entry(11248, Rule.permanent(FailureKind.CONTENT_REJECTED).because("Lark found the content sensitive")),
      // "messages do not pass the audit, please check the content of message" (server-side error
      // codes; the batch-message API page: "Bot messages do not pass the audit")
      Map.entry(11312, Rule.permanent(FailureKind.CONTENT_REJECTED).because("the content failed Lark's audit")),
      Map.entry(19001, Rule.permanent(FailureKind.INVALID_ROBOT)), // webhook token invalid: bot removed
      Map.entry(19002, Rule.permanent(FailureKind.BAD_REQUEST)), // unknown msg_type
      Map.entry(19021, Rule.permanent(FailureKind.SIGNATURE_REJECTED)), // fix the secret or the clock
      Map.entry(19022, Rule.permanent(FailureKind.IP_REJECTED)),
      Map.entry(19024, Rule.permanent(FailureKind.KEYWORD_REJECTED)),
      Map.entry(19036, Rule.permanent(FailureKind.TOO_LONG)), // card over 30 KB: render smaller
      Map.entry(11310, Rule.permanent(FailureKind.BAD_REQUEST)))) // too many tables in a card
      .byMessage(OVERLOADED, m -> m.contains("too many request") ? Rule.retryable(FailureKind.RATE_LIMITED)
          : Rule.permanent(FailureKind.BAD_REQUEST))
      // "create message content fail": Feishu's page says "Service Internal Error" is a system
      // error worth a retry, and any other msg names what is wrong with the message (card
      // errors have sub-codes). That is a message Lark cannot build, not one moderation refused,
      // so BAD_REQUEST, which also leaves it to the @all fallback: a card that @s everyone in a
      // group that forbids it "fails", with a code the bot doc does not give
      .byMessage(CONTENT_NOT_CREATED, m -> m.contains("service internal error")
          ? Rule.retryable(FailureKind.SERVER_ERROR)
          : Rule.permanent(FailureKind.BAD_REQUEST).because("Lark could not create the message content"));

  private LarkErrors() {}

  /**
   * The result for a non-zero code; {@code detail} must already be redacted. A rule's cause comes
   * first: {@code group allows only admins to @all: this group is set to only admin can mention @All}.
   */
  static SendResult classify(int code, String msg, String detail) {
    return TABLE.classify(code, msg, detail);
  }

  /** The codes with a fixed rule (9499 and 11246 aside), for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return TABLE.rules();
  }
}
