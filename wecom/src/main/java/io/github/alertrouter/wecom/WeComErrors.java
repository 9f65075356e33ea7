package io.github.alertrouter.wecom;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.ErrorTable;
import io.github.alertrouter.spi.render.ErrorTable.Rule;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;
import java.time.Duration;
import java.util.Map;

/**
 * WeCom's answer codes (docs/platforms.md §3.6) and what each means for delivery: the one place a code
 * is given a {@link FailureKind} and a retry class. WeCom asks callers to branch on
 * {@code errcode}; the one exception is invalid JSON, known only by "wrong json format" in
 * {@code errmsg}.
 *
 * <p>And the webhook protocol core's {@link WebhookClient} sends with ({@link #PROTOCOL},
 * docs/platforms.md §3.1): the webhook's {@code ?key=} is the only credential (WeCom has no
 * signing); success is an answer whose {@code errcode} is 0, never a bare HTTP 200; no result
 * carries the key. WeCom's errmsg ends in "more info at
 * https://open.work.weixin.qq.com/devtool/query?e=CODE", which is kept: it names the code's help
 * page and holds no secret. Stateless and thread-safe.
 */
final class WeComErrors {
  /**
   * How long to wait after 45009 (20 messages per minute): until the minute has passed. Whether
   * WeCom's window is sliding or fixed is unverified; a full minute is right for both.
   */
  static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(60);
  /** How long to wait after 45033 (too many concurrent calls): they end within a request's time. */
  static final Duration CONCURRENCY_WAIT = Duration.ofSeconds(2);
  static final String WRONG_JSON = "wrong json format";

  private static final Rule BAD_JSON = Rule.permanent(FailureKind.BAD_REQUEST);

  /** Every code with its rule; any other code is malformed JSON when errmsg says so, else permanent unknown. */
  static final ErrorTable TABLE = ErrorTable.of(Map.ofEntries(
      Map.entry(-1, Rule.retryable(FailureKind.SERVER_ERROR)), // system busy: the caller's backoff
      Map.entry(45009, Rule.retryable(FailureKind.RATE_LIMITED, RATE_LIMIT_WAIT)),
      Map.entry(45033, Rule.retryable(FailureKind.RATE_LIMITED, CONCURRENCY_WAIT)),
      Map.entry(40058, Rule.permanent(FailureKind.TOO_LONG)), // "content exceed max length"
      Map.entry(40008, Rule.permanent(FailureKind.BAD_REQUEST)), // invalid msgtype
      Map.entry(40007, Rule.permanent(FailureKind.BAD_REQUEST)), // invalid media_id (not sent by us)
      Map.entry(44004, Rule.permanent(FailureKind.BAD_REQUEST)), // empty content
      Map.entry(93000, Rule.permanent(FailureKind.INVALID_ROBOT)))) // wrong or removed key
      .unlisted(msg -> msg.contains(WRONG_JSON) ? BAD_JSON : ErrorTable.UNKNOWN);

  /**
   * What is WeCom's own; the rest is {@link WebhookClient}'s. The bare key is redacted too, in case
   * an answer echoes it without {@code key=} before it; WeCom documents no wait header, so a 429
   * is left to the dispatcher's backoff.
   */
  static final WebhookProtocol PROTOCOL =
      WebhookProtocol.of("WeCom", Answer.fields("errcode", "errmsg"), TABLE)
          .redacting(robot -> {
            String key = WeComOptions.key(robot.webhook().reveal());
            return key != null && key.length() >= WeComOptions.MIN_KEY_LENGTH ? key : null;
          })
          .askedWait(response -> null);

  private WeComErrors() {}

  /** The result for a non-zero {@code errcode}; {@code detail} must already be redacted. */
  static SendResult classify(int errcode, String errmsg, String detail) {
    return TABLE.classify(errcode, errmsg, detail);
  }

  /** The codes with a fixed rule, for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return TABLE.rules();
  }
}
