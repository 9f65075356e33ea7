package io.github.alertrouter.spi.render;

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
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The sign → post → classify client of a JSON robot webhook, with the platform's parts from its
 * {@link WebhookProtocol}. Per request: the robot's webhook and the body are signed afresh when
 * the robot has a secret, the body is posted with {@link WebhookPost} (which turns an unusable URL
 * or no answer into a result), and the answer is classified:
 * <ol>
 *   <li>HTTP 5xx is a retryable {@link FailureKind#SERVER_ERROR}, HTTP 429 a retryable
 *       {@link FailureKind#RATE_LIMITED} (unless the protocol reads its code first);
 *   <li>a JSON object with a code: 0 with a success status is {@link SendResult.Sent}, any other
 *       code goes to the protocol's {@link ErrorTable};
 *   <li>an answer the protocol knows without a code ({@link WebhookProtocol#otherAnswer});
 *   <li>other HTTP 4xx is a permanent {@link FailureKind#BAD_REQUEST} (413:
 *       {@link FailureKind#TOO_LONG}); anything else is not the platform's answer, permanent
 *       {@link FailureKind#UNKNOWN}.
 * </ol>
 * A rate limit whose rule names no wait takes the one the answer's headers ask for
 * ({@link WebhookProtocol#askedWait}). Success is never a bare HTTP 200, unless the protocol
 * answers {@link WebhookProtocol#byStatus by status}, which replaces the steps above.
 *
 * <p>Every detail is the robot's credentials redacted ({@link AnswerDetails}), then shortened, so
 * no result carries the webhook token or the secret. Thread-safe; never throws for a platform or
 * network failure.
 */
public final class WebhookClient implements RobotClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Robot robot;
  private final ClientContext context;
  private final WebhookProtocol protocol;

  /**
   * A client that posts to {@code robot}'s webhook through {@code context}'s transport.
   *
   * @throws NullPointerException if an argument is null
   */
  public WebhookClient(Robot robot, ClientContext context, WebhookProtocol protocol) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.context = Objects.requireNonNull(context, "context");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
  }

  /** Posts the message's body: {@link #post}. */
  @Override
  public SendResult send(OutboundMessage message) {
    return post(message.body());
  }

  /** Signs {@code body} and the webhook when the robot has a secret, posts it, and classifies the answer. */
  public SendResult post(String body) {
    String url = robot.webhook().reveal();
    Map<String, String> headers = Map.of();
    if (robot.secret() != null && !robot.secret().isEmpty()) {
      url = protocol.urlSigner.sign(url, robot.secret(), context.clock());
      body = protocol.bodySigner.sign(body, robot.secret(), context.clock());
      headers = protocol.headerSigner.sign(body, robot.secret(), context.clock());
    }
    return WebhookPost.post(url, headers, body, context, this::detail, this::classify);
  }

  /** The result for one answer of the webhook, as the class comment lists. */
  public SendResult classify(Transport.Response response) {
    SendResult result = classifyAnswer(response);
    if (result instanceof SendResult.Retryable r && r.kind() == FailureKind.RATE_LIMITED && r.retryAfter() == null) {
      // a 429, or a code whose rule leaves the wait to the answer: honour the wait it names
      Duration wait = protocol.askedWait.apply(response);
      return wait == null ? r : new SendResult.Retryable(r.kind(), r.code(), r.detail(), wait);
    }
    return result;
  }

  private SendResult classifyAnswer(Transport.Response response) {
    int status = response.status();
    String text = response.body() == null ? "" : response.body();
    String httpCode = "HTTP " + status;
    if (protocol.byStatus) {
      return byStatus(response, httpCode, text);
    }
    JsonNode body = parseObject(text);
    WebhookProtocol.Answer answer = body == null ? null : protocol.reader.read(body, text);
    if (answer != null && protocol.codeFirst) {
      if (status == 429) {
        // the gateway throttling, whatever it wraps; a code it names is the better one to show
        return new SendResult.Retryable(FailureKind.RATE_LIMITED,
            answer.code() != 0 ? Integer.toString(answer.code()) : httpCode, detail(answer.detail()), null);
      }
      if (answer.code() == 0 && status < 400) {
        return SendResult.sent();
      }
      if (answer.code() != 0) {
        SendResult coded = codeResult(answer);
        // a gateway's 5xx around a permanent-looking code is still the server failing: below
        if (status < 500 || coded instanceof SendResult.Retryable) {
          return coded;
        }
      }
    }
    if (status >= 500) {
      return new SendResult.Retryable(FailureKind.SERVER_ERROR, httpCode, detail(text), null);
    }
    if (status == 429) {
      return new SendResult.Retryable(FailureKind.RATE_LIMITED, httpCode, detail(text), null);
    }
    if (answer != null && !protocol.codeFirst) {
      if (answer.code() == 0 && status / 100 == 2) {
        return SendResult.sent();
      }
      if (answer.code() != 0) {
        return codeResult(answer);
      }
    }
    SendResult known = body == null ? null : protocol.otherAnswer.classify(body, text, this::detail);
    if (known != null) {
      return known;
    }
    if (status / 100 == 4) {
      return new SendResult.Permanent(status == 413 ? FailureKind.TOO_LONG : FailureKind.BAD_REQUEST, httpCode,
          detail(text));
    }
    return new SendResult.Permanent(FailureKind.UNKNOWN, httpCode,
        detail("not a " + protocol.name + " answer: " + text));
  }

  /** {@link WebhookProtocol#byStatus}: the HTTP status is the whole answer. */
  private SendResult byStatus(Transport.Response response, String httpCode, String text) {
    int status = response.status();
    if (status / 100 == 2) {
      return SendResult.sent();
    }
    if (status == 429 || status / 100 == 5) {
      return new SendResult.Retryable(status == 429 ? FailureKind.RATE_LIMITED : FailureKind.SERVER_ERROR,
          httpCode, detail(text), response.retryAfter().orElse(null));
    }
    FailureKind kind = switch (status) {
      case 401, 403 -> FailureKind.SIGNATURE_REJECTED;
      case 404, 410 -> FailureKind.INVALID_ROBOT;
      case 413 -> FailureKind.TOO_LONG;
      default -> status / 100 == 4 ? FailureKind.BAD_REQUEST : FailureKind.UNKNOWN;
    };
    return new SendResult.Permanent(kind, httpCode, detail(text));
  }

  private SendResult codeResult(WebhookProtocol.Answer answer) {
    return protocol.errors.classify(answer.code(), answer.message(), detail(answer.detail()));
  }

  /** {@code text} as a result's detail: the robot's credentials redacted, then shortened. */
  private String detail(String text) {
    return AnswerDetails.of(text, robot, protocol.bareCredential.apply(robot));
  }

  private static JsonNode parseObject(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
