package io.github.alertrouter.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.ErrorTable;
import io.github.alertrouter.spi.render.ErrorTable.Rule;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * DingTalk's answers (docs/platforms.md §1.1, §1.6): the codes and what each means for delivery,
 * the one place a code is given a {@link FailureKind} and a retry class, and the webhook protocol
 * core's {@link WebhookClient} sends with ({@link #PROTOCOL}): success is an answer whose
 * {@code errcode} is 0, never a bare HTTP 200; each request is signed afresh with the context's
 * clock when the robot has a secret; no result carries the token or secret. Stateless and
 * thread-safe.
 */
final class DingTalkErrors {
  /**
   * How long DingTalk throttles a robot that sent more than 20 messages in a minute. The doc
   * gives no shorter figure, and a retry inside the penalty is refused again, so this is the wait.
   */
  static final Duration RATE_LIMIT_PENALTY = Duration.ofMinutes(10);

  /** The security check's code; its errmsg tells the four causes apart. */
  static final int SECURITY_CHECK = 310000;

  // "ip 1.2.3.4 not in whitelist": a whole word, so "description" or "zip" cannot match
  private static final Pattern IP = Pattern.compile("\\bip\\b|whitelist|白名单");

  /** Every code with its rule; 310000 is split by {@code errmsg}; other codes are permanent unknown. */
  static final ErrorTable TABLE = ErrorTable.of(Map.ofEntries(
      Map.entry(-1, Rule.retryable(FailureKind.SERVER_ERROR)), // system busy
      Map.entry(410100, Rule.retryable(FailureKind.RATE_LIMITED, RATE_LIMIT_PENALTY)), // documented
      Map.entry(130101, Rule.retryable(FailureKind.RATE_LIMITED, RATE_LIMIT_PENALTY)), // legacy, observed
      Map.entry(400013, Rule.permanent(FailureKind.INVALID_ROBOT)), // group dissolved
      Map.entry(400101, Rule.permanent(FailureKind.INVALID_ROBOT)), // access_token does not exist
      Map.entry(300001, Rule.permanent(FailureKind.INVALID_ROBOT)),
      Map.entry(300005, Rule.permanent(FailureKind.INVALID_ROBOT)), // "token is not exist"
      Map.entry(400102, Rule.permanent(FailureKind.INVALID_ROBOT)), // robot disabled
      Map.entry(400106, Rule.permanent(FailureKind.INVALID_ROBOT)), // robot does not exist
      Map.entry(400105, Rule.permanent(FailureKind.BAD_REQUEST)), // unsupported msgtype
      Map.entry(40035, Rule.permanent(FailureKind.BAD_REQUEST)), // missing access_token / bad parameter
      Map.entry(43002, Rule.permanent(FailureKind.BAD_REQUEST)), // must POST
      Map.entry(43004, Rule.permanent(FailureKind.BAD_REQUEST)), // wrong Content-Type
      Map.entry(430101, Rule.permanent(FailureKind.CONTENT_REJECTED)), // unsafe link
      Map.entry(430102, Rule.permanent(FailureKind.CONTENT_REJECTED)), // unsafe text
      Map.entry(430103, Rule.permanent(FailureKind.CONTENT_REJECTED)), // unsafe image
      Map.entry(430104, Rule.permanent(FailureKind.CONTENT_REJECTED)), // unsafe content
      Map.entry(460101, Rule.permanent(FailureKind.TOO_LONG)),
      Map.entry(101002, Rule.permanent(FailureKind.TOO_LONG)), // older deployments
      // a monthly/edition quota: waiting minutes does not help, so the dispatcher should not retry
      Map.entry(90030, Rule.permanent(FailureKind.QUOTA_EXCEEDED))))
      .byMessage(SECURITY_CHECK, msg -> Rule.permanent(securityKind(msg)));

  /** What is DingTalk's own; the rest is {@link WebhookClient}'s. */
  static final WebhookProtocol PROTOCOL =
      WebhookProtocol.of("DingTalk", Answer.fields("errcode", "errmsg"), TABLE)
          // re-signed per request on the injected clock: DingTalk refuses timestamps an hour off
          .signingUrl((webhook, secret, clock) -> DingTalkSigner.sign(webhook, secret.reveal(), clock.millis()))
          .otherAnswer(DingTalkErrors::gateway);

  private DingTalkErrors() {}

  /** The anti-abuse gateway's {"status":1111,"wait":5,"punish":"deny"}: wait is in seconds. */
  private static SendResult gateway(JsonNode body, String text, UnaryOperator<String> detail) {
    if (!body.path("wait").canConvertToInt() || !body.has("status")) {
      return null;
    }
    return new SendResult.Retryable(FailureKind.RATE_LIMITED, "status " + body.path("status").asText(),
        detail.apply(text), Duration.ofSeconds(Math.max(0, body.get("wait").asInt())));
  }

  /** The result for a non-zero {@code errcode}; {@code detail} must already be redacted. */
  static SendResult classify(int errcode, String errmsg, String detail) {
    return TABLE.classify(errcode, errmsg, detail);
  }

  /** The codes with a fixed rule (310000 aside), for tests that cover every row. */
  static Map<Integer, Rule> rules() {
    return TABLE.rules();
  }

  /** {@code msg} is lower-cased. */
  private static FailureKind securityKind(String msg) {
    if (msg.contains("keyword") || msg.contains("关键词")) {
      return FailureKind.KEYWORD_REJECTED;
    }
    if (msg.contains("sign") || msg.contains("timestamp") || msg.contains("签名") || msg.contains("时间戳")) {
      return FailureKind.SIGNATURE_REJECTED;
    }
    if (IP.matcher(msg).find()) {
      return FailureKind.IP_REJECTED;
    }
    // a security cause DingTalk has not documented: still permanent, and named as unknown
    return FailureKind.UNKNOWN;
  }
}
