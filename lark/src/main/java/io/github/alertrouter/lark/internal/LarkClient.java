package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.AnswerDetails;
import io.github.alertrouter.spi.render.WebhookPost;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends messages to one Lark robot: posts the body as UTF-8 JSON, adds {@code timestamp} and
 * {@code sign} to it afresh per request (seconds from the context's clock) when the robot has a
 * secret, and classifies the answer with {@link LarkErrors}. The body is parsed whatever the HTTP
 * status (9499 arrives with HTTP 400); success is {@code code == 0}, or the legacy
 * {@code StatusCode == 0} when {@code code} is absent, never a bare HTTP 200. HTTP 429 is a
 * retryable rate limit whatever the body says. A rate limit waits as long as the answer asks:
 * {@code Retry-After}, else the gateway's {@code x-ogw-ratelimit-reset} (seconds; documented at
 * https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control). A message with
 * @all that is refused is re-sent once without it, and then reports the @all as withheld
 * ({@link AtAllFallback}). Thread-safe; never
 * throws for a platform or network failure; no result carries the token or secret.
 */
public final class LarkClient implements RobotClient {

  private final Robot robot;
  private final ClientContext context;

  public LarkClient(Robot robot, ClientContext context) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public SendResult send(OutboundMessage message) {
    ObjectNode body = parseObject(message.body());
    if (body == null) {
      return new SendResult.Permanent(FailureKind.BAD_REQUEST, "body", "the message body is not a JSON object");
    }
    SendResult first = post(body);
    if (!AtAllFallback.applies(message, first)) {
      return first;
    }
    ObjectNode without = AtAllFallback.strip(body);
    return without == null ? first : AtAllFallback.explain(message, first, post(without));
  }

  private SendResult post(ObjectNode body) {
    return WebhookPost.post(robot.webhook().reveal(), LarkMessages.write(signed(body)), context, this::detail,
        this::classify);
  }

  /** {@code body} with {@code timestamp} and {@code sign} when the robot signs; re-signed on every call. */
  private ObjectNode signed(ObjectNode body) {
    if (robot.secret() == null || robot.secret().isEmpty()) {
      return body;
    }
    long seconds = context.clock().instant().getEpochSecond();
    return body.deepCopy()
        .put("timestamp", Long.toString(seconds))
        .put("sign", LarkSigner.signature(robot.secret().reveal(), seconds));
  }

  SendResult classify(Transport.Response response) {
    SendResult result = classifyAnswer(response);
    // whatever said "rate limited" (429, 11232, 9499 "too many request", 99991400), a wait the
    // answer names is honoured; the dispatcher keeps its own backoff when that is longer
    return result instanceof SendResult.Retryable r
        && r.kind() == FailureKind.RATE_LIMITED && r.retryAfter() == null
        ? new SendResult.Retryable(r.kind(), r.code(), r.detail(), retryAfter(response))
        : result;
  }

  private SendResult classifyAnswer(Transport.Response response) {
    int status = response.status();
    String text = response.body() == null ? "" : response.body();
    JsonNode answer = parseObject(text);
    JsonNode code = answer == null ? null : answer.has("code") ? answer.get("code") : answer.get("StatusCode");
    boolean hasCode = code != null && code.canConvertToInt();
    int value = hasCode ? code.asInt() : 0;
    String msg = !hasCode ? ""
        : answer.has("code") ? answer.path("msg").asText("") : answer.path("StatusMessage").asText("");
    if (status == 429) {
      // the body code comes second here: a 429 is the gateway throttling, whatever it wraps
      return new SendResult.Retryable(FailureKind.RATE_LIMITED, hasCode && value != 0 ? Integer.toString(value)
          : "HTTP 429", detail(msg.isEmpty() ? text : msg), null);
    }
    if (hasCode) {
      if (value == 0 && status < 400) {
        return SendResult.sent();
      }
      if (value != 0) {
        SendResult result = LarkErrors.classify(value, msg, detail(msg.isEmpty() ? text : msg));
        // a gateway's 5xx around a Lark code is still the server failing: worth a retry
        return status >= 500 && result instanceof SendResult.Permanent
            ? new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP " + status, detail(text), null)
            : result;
      }
    }
    String httpCode = "HTTP " + status;
    if (status >= 500) {
      return new SendResult.Retryable(FailureKind.SERVER_ERROR, httpCode, detail(text), null);
    }
    if (status / 100 == 4) {
      return permanent(status == 413 ? FailureKind.TOO_LONG : FailureKind.BAD_REQUEST, httpCode, text);
    }
    return permanent(FailureKind.UNKNOWN, httpCode, "not a Lark answer: " + text);
  }

  /** {@code Retry-After}, else {@code x-ogw-ratelimit-reset}, in whole seconds; {@code null} for neither. */
  private static Duration retryAfter(Transport.Response response) {
    return response.retryAfter().orElseGet(() -> response.header("x-ogw-ratelimit-reset").map(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }).orElse(null));
  }

  private SendResult permanent(FailureKind kind, String code, String detail) {
    return new SendResult.Permanent(kind, code, detail(detail));
  }

  private String detail(String text) {
    return AnswerDetails.of(text, robot);
  }

  private static ObjectNode parseObject(String text) {
    try {
      JsonNode node = LarkMessages.JSON.readTree(text);
      return node instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
