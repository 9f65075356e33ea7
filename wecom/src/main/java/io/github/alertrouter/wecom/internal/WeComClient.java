package io.github.alertrouter.wecom.internal;

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
import java.util.Objects;

/**
 * Sends messages to one WeCom robot: posts the body as UTF-8 JSON to the webhook, whose
 * {@code ?key=} is the only credential (WeCom has no signing), and classifies the answer. Success
 * is an answer whose {@code errcode} is 0, never a bare HTTP 200. Thread-safe; never throws for a
 * platform or network failure; no result carries the key (details are redacted, then shortened).
 * WeCom's errmsg ends in "more info at https://open.work.weixin.qq.com/devtool/query?e=CODE",
 * which is kept: it names the code's help page and holds no secret.
 */
public final class WeComClient implements RobotClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Robot robot;
  private final ClientContext context;

  public WeComClient(Robot robot, ClientContext context) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public SendResult send(OutboundMessage message) {
    return WebhookPost.post(robot.webhook().reveal(), message.body(), context, this::detail, this::classify);
  }

  SendResult classify(Transport.Response response) {
    int status = response.status();
    String body = response.body() == null ? "" : response.body();
    String httpCode = "HTTP " + status;
    if (status >= 500) {
      return new SendResult.Retryable(FailureKind.SERVER_ERROR, httpCode, detail(body), null);
    }
    if (status == 429) {
      return new SendResult.Retryable(FailureKind.RATE_LIMITED, httpCode, detail(body), null);
    }
    JsonNode answer = parse(body);
    if (answer != null && answer.path("errcode").canConvertToInt()) {
      int errcode = answer.get("errcode").asInt();
      String errmsg = answer.path("errmsg").asText("");
      if (errcode == 0 && status / 100 == 2) {
        return SendResult.sent();
      }
      if (errcode != 0) {
        return WeComErrors.classify(errcode, errmsg, detail(errmsg));
      }
    }
    if (status / 100 == 4) {
      return permanent(status == 413 ? FailureKind.TOO_LONG : FailureKind.BAD_REQUEST, httpCode, body);
    }
    return permanent(FailureKind.UNKNOWN, httpCode, "not a WeCom answer: " + body);
  }

  private SendResult permanent(FailureKind kind, String code, String detail) {
    return new SendResult.Permanent(kind, code, detail(detail));
  }

  /** The bare key is redacted too, in case an answer echoes it without {@code key=} before it. */
  private String detail(String text) {
    String key = WeComRobots.key(robot.webhook().reveal());
    return AnswerDetails.of(text, robot, key != null && key.length() >= WeComRobots.MIN_KEY_LENGTH ? key : null);
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
