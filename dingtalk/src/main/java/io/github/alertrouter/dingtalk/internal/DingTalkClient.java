package io.github.alertrouter.dingtalk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Sends messages to one DingTalk robot: posts the body as UTF-8 JSON, signs each request afresh
 * with the context's clock when the robot has a secret, and classifies the answer. Success is an
 * answer whose {@code errcode} is 0, never a bare HTTP 200. Thread-safe; never throws for a
 * platform or network failure; no result or exception carries the token or secret.
 */
public final class DingTalkClient implements RobotClient {
  /** What is DingTalk's own; the rest is {@link WebhookClient}'s (docs/platforms.md §1.1, §1.6). */
  private static final WebhookProtocol PROTOCOL =
      WebhookProtocol.of("DingTalk", Answer.fields("errcode", "errmsg"), DingTalkErrors.TABLE)
          // re-signed per request on the injected clock: DingTalk refuses timestamps an hour off
          .signingUrl((webhook, secret, clock) -> DingTalkSigner.sign(webhook, secret.reveal(), clock.millis()))
          .otherAnswer(DingTalkClient::gateway);

  private final WebhookClient client;

  public DingTalkClient(Robot robot, ClientContext context) {
    this.client = new WebhookClient(robot, context, PROTOCOL);
  }

  @Override
  public SendResult send(OutboundMessage message) {
    return client.send(message);
  }

  /** The anti-abuse gateway's {"status":1111,"wait":5,"punish":"deny"}: wait is in seconds. */
  private static SendResult gateway(JsonNode body, String text, UnaryOperator<String> detail) {
    if (!body.path("wait").canConvertToInt() || !body.has("status")) {
      return null;
    }
    return new SendResult.Retryable(FailureKind.RATE_LIMITED, "status " + body.path("status").asText(),
        detail.apply(text), Duration.ofSeconds(Math.max(0, body.get("wait").asInt())));
  }
}
