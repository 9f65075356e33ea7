package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;
import java.time.Clock;
import java.time.Duration;

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
  /** What is Lark's own; the rest is {@link WebhookClient}'s (docs/platforms.md §2.1, §2.4, §2.6). */
  private static final WebhookProtocol PROTOCOL = WebhookProtocol.of("Lark", LarkClient::answer, LarkErrors.TABLE)
      .signingBody(LarkClient::signed)
      .askedWait(LarkClient::askedWait)
      .codeFirst();

  private final WebhookClient client;

  public LarkClient(Robot robot, ClientContext context) {
    this.client = new WebhookClient(robot, context, PROTOCOL);
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
    return client.post(LarkMessages.write(body));
  }

  SendResult classify(Transport.Response response) {
    return client.classify(response);
  }

  private static ObjectNode parseObject(String text) {
    try {
      JsonNode node = LarkMessages.JSON.readTree(text);
      return node instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** {@code code} and {@code msg}, or the legacy {@code StatusCode} and {@code StatusMessage} without {@code code}. */
  private static Answer answer(JsonNode body, String text) {
    boolean legacy = !body.has("code");
    JsonNode code = legacy ? body.get("StatusCode") : body.get("code");
    if (code == null || !code.canConvertToInt()) {
      return null;
    }
    String msg = body.path(legacy ? "StatusMessage" : "msg").asText("");
    return new Answer(code.asInt(), msg, msg.isEmpty() ? text : msg);
  }

  /** {@code body} with {@code timestamp} and {@code sign}, re-signed on every call. */
  private static String signed(String body, Secret secret, Clock clock) {
    long seconds = clock.instant().getEpochSecond();
    return LarkMessages.write(parseObject(body)
        .put("timestamp", Long.toString(seconds))
        .put("sign", LarkSigner.signature(secret.reveal(), seconds)));
  }

  /** {@code Retry-After}, else {@code x-ogw-ratelimit-reset}, in whole seconds; {@code null} for neither. */
  private static Duration askedWait(Transport.Response response) {
    return response.retryAfter().orElseGet(() -> response.header("x-ogw-ratelimit-reset").map(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }).orElse(null));
  }
}
