package io.github.alertrouter.dingtalk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Sends messages to one DingTalk robot: posts the body as UTF-8 JSON, signs each request afresh
 * with the context's clock when the robot has a secret, and classifies the answer. Success is an
 * answer whose {@code errcode} is 0, never a bare HTTP 200. Thread-safe; never throws for a
 * platform or network failure; no result or exception carries the token or secret.
 */
public final class DingTalkClient implements RobotClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Robot robot;
  private final ClientContext context;

  public DingTalkClient(Robot robot, ClientContext context) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public SendResult send(OutboundMessage message) {
    return WebhookPost.post(url(), message.body(), context, this::detail, this::classify);
  }

  private String url() {
    String webhook = robot.webhook().reveal();
    if (robot.secret() == null || robot.secret().isEmpty()) {
      return webhook;
    }
    // re-signed per request on the injected clock: DingTalk refuses timestamps an hour off
    return DingTalkSigner.sign(webhook, robot.secret().reveal(), context.clock().millis());
  }

  SendResult classify(Transport.Response response) {
    int status = response.status();
    String body = response.body() == null ? "" : response.body();
    String httpCode = "HTTP " + status;
    if (status >= 500) {
      return new SendResult.Retryable(FailureKind.SERVER_ERROR, httpCode, detail(body), null);
    }
    if (status == 429) {
      return new SendResult.Retryable(FailureKind.RATE_LIMITED, httpCode, detail(body),
          response.retryAfter().orElse(null));
    }
    JsonNode answer = parse(body);
    if (answer != null && answer.path("errcode").canConvertToInt()) {
      int errcode = answer.get("errcode").asInt();
      String errmsg = answer.path("errmsg").asText("");
      if (errcode == 0 && status / 100 == 2) {
        return SendResult.sent();
      }
      if (errcode != 0) {
        return DingTalkErrors.classify(errcode, errmsg, detail(errmsg));
      }
    }
    if (answer != null && answer.path("wait").canConvertToInt() && answer.has("status")) {
      // the anti-abuse gateway's {"status":1111,"wait":5,"punish":"deny"}: wait is in seconds
      return new SendResult.Retryable(
          FailureKind.RATE_LIMITED, "status " + answer.path("status").asText(), detail(body),
          Duration.ofSeconds(Math.max(0, answer.get("wait").asInt())));
    }
    if (status / 100 == 4) {
      return permanent(status == 413 ? FailureKind.TOO_LONG : FailureKind.BAD_REQUEST, httpCode, body);
    }
    return permanent(FailureKind.UNKNOWN, httpCode, "not a DingTalk answer: " + body);
  }

  private SendResult permanent(FailureKind kind, String code, String detail) {
    return new SendResult.Permanent(kind, code, detail(detail));
  }

  private String detail(String text) {
    return AnswerDetails.of(text, robot);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

}
