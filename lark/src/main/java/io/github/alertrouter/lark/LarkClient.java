package io.github.alertrouter.lark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.TextSafety;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * (below). Thread-safe; never throws for a platform or network failure; no result carries the token
 * or secret.
 *
 * <p><b>@all</b> must not cost the alert. A card carrying {@code <at id=all></at>} fails
 * <b>whole</b> when the group owner has not allowed @all (docs/platforms.md §2.3); text and post
 * presumably too. So when a message that planned @all is refused, it is sent once more with every
 * @all replaced by the plain text {@value #AT_ALL_REPLACEMENT}, and the second answer is the result.
 *
 * <p><b>Which answer counts as "@all refused"</b>, for a message whose mentions include everyone:
 * first {@value LarkErrors#AT_ALL_FORBIDDEN} ("this group is set to only admin can
 * mention @All"), Lark's server-side code for exactly this and what this module's test fixture {@code LarkSimulator}
 * answers. What the custom-bot webhook answers is not documented, so any permanent
 * {@link FailureKind#BAD_REQUEST} or {@link FailureKind#UNKNOWN} answer counts too. Refusals
 * that cannot be about @all (signature, keyword, IP, token, size, rate limits, server errors, and
 * moderation: {@link FailureKind#CONTENT_REJECTED} other than 11235, such as 11248 "message is
 * sensitive" or 11312 "messages do not pass the audit", which the same text without @all would
 * get again) are returned as they are. A genuinely malformed message costs one extra request and
 * still fails.
 *
 * <p>When the re-sent message is accepted, the result is a {@link SendResult.Sent} that withholds
 * the message's @all mentions and says why, so the delivery is not reported as having paged
 * everyone. When it fails as well, its result says that @all was dropped and why, so the failure
 * names both causes.
 *
 * <p>Only tags the renderer wrote are touched: a card's {@code lark_md} contents, a text
 * message's text and a post's {@code at} elements. Alert text cannot contain the tags there (it is
 * entity-escaped or full-width), and a post's {@code text} elements are never rewritten.
 */
final class LarkClient implements RobotClient {
  /** What is Lark's own; the rest is {@link WebhookClient}'s (docs/platforms.md §2.1, §2.4, §2.6). */
  private static final WebhookProtocol PROTOCOL = WebhookProtocol.of("Lark", LarkClient::answer, LarkErrors.TABLE)
      .signingBody(LarkClient::signed)
      .askedWait(LarkClient::askedWait)
      .codeFirst();

  static final String AT_ALL_REPLACEMENT = "@all (not allowed in this group)";
  private static final int FIRST_DETAIL_CHARS = 120;
  private static final Pattern TEXT_ALL = Pattern.compile("<at user_id=\"all\">[^<]*</at>");

  private final WebhookClient client;

  LarkClient(Robot robot, ClientContext context) {
    this.client = new WebhookClient(robot, context, PROTOCOL);
  }

  @Override
  public SendResult send(OutboundMessage message) {
    ObjectNode body = parseObject(message.body());
    if (body == null) {
      return new SendResult.Permanent(FailureKind.BAD_REQUEST, "body", "the message body is not a JSON object");
    }
    SendResult first = post(body);
    if (!atAllFallbackApplies(message, first)) {
      return first;
    }
    ObjectNode without = withoutAtAll(body);
    return without == null ? first : explainAtAllFallback(message, first, post(without));
  }

  private SendResult post(ObjectNode body) {
    return client.post(LarkDialect.write(body));
  }

  SendResult classify(Transport.Response response) {
    return client.classify(response);
  }

  private static ObjectNode parseObject(String text) {
    try {
      JsonNode node = LarkDialect.JSON.readTree(text);
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
    return LarkDialect.write(parseObject(body)
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

  /** Whether {@code first} is a refusal worth retrying without @all. */
  static boolean atAllFallbackApplies(OutboundMessage message, SendResult first) {
    return first instanceof SendResult.Permanent p && refusesAtAll(p)
        && message.mentions().stream().anyMatch(Mention::isAll);
  }

  private static boolean refusesAtAll(SendResult.Permanent p) {
    // CONTENT_REJECTED other than 11235 (11248, 11312) is left out: moderation refused the text
    return isAtAllCode(p) || p.kind() == FailureKind.BAD_REQUEST || p.kind() == FailureKind.UNKNOWN;
  }

  private static boolean isAtAllCode(SendResult.Permanent p) {
    return p.code().equals(Integer.toString(LarkErrors.AT_ALL_FORBIDDEN));
  }

  /**
   * The result of {@code message} once re-sent without @all: {@code second}, the re-sent message's
   * answer, told in the light of {@code first}, the refusal that {@link #atAllFallbackApplies}. Sent withholds
   * the @all mentions; a failure's detail is prefixed with what happened first.
   */
  static SendResult explainAtAllFallback(OutboundMessage message, SendResult first, SendResult second) {
    SendResult.Permanent refusal = (SendResult.Permanent) first;
    // the first answer is cut shorter: the second one is why the message failed in the end
    String firstAnswer = refusal.code() + " (" + TextSafety.snippet(refusal.detail(), FIRST_DETAIL_CHARS) + ")";
    String before = "re-sent without @all after " + firstAnswer + "; then: ";
    if (second instanceof SendResult.Permanent p) {
      return new SendResult.Permanent(p.kind(), p.code(), before + p.detail());
    }
    if (second instanceof SendResult.Retryable r) {
      return new SendResult.Retryable(r.kind(), r.code(), before + r.detail(), r.retryAfter());
    }
    List<Mention> all = message.mentions().stream().filter(Mention::isAll).toList();
    return new SendResult.Sent(all, isAtAllCode(refusal) ? LarkErrors.ADMINS_ONLY_AT_ALL + " (" + refusal.code() + ")"
        : "refused with @all, accepted without it: " + firstAnswer);
  }

  /** {@code body} without any @all, or {@code null} when it has none. */
  static ObjectNode withoutAtAll(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    boolean changed = switch (copy.path("msg_type").asText()) {
      case LarkDialect.MSG_INTERACTIVE -> cardContents(copy.path("card"));
      case LarkDialect.MSG_TEXT -> textContent(copy.path("content"));
      case LarkDialect.MSG_POST -> postElements(copy.path("content").path("post"));
      default -> false;
    };
    return changed ? copy : null;
  }

  private static boolean cardContents(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      if ("lark_md".equals(o.path("tag").asText()) && o.path("content").isTextual()) {
        String before = o.get("content").asText();
        String after = before.replace(LarkIdentities.Mentions.CARD_ALL, AT_ALL_REPLACEMENT);
        o.put("content", after);
        changed = !after.equals(before);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        changed |= cardContents(it.next().getValue());
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        changed |= cardContents(child);
      }
    }
    return changed;
  }

  private static boolean textContent(JsonNode content) {
    if (content instanceof ObjectNode o && o.path("text").isTextual()) {
      String before = o.get("text").asText();
      String after = TEXT_ALL.matcher(before).replaceAll(AT_ALL_REPLACEMENT);
      o.put("text", after);
      return !after.equals(before);
    }
    return false;
  }

  private static boolean postElements(JsonNode post) {
    boolean changed = false;
    for (JsonNode language : post) {
      for (JsonNode paragraph : language.path("content")) {
        if (paragraph instanceof ArrayNode p) {
          for (int i = 0; i < p.size(); i++) {
            JsonNode e = p.get(i);
            if ("at".equals(e.path("tag").asText()) && "all".equals(e.path("user_id").asText())) {
              ObjectNode text = p.objectNode().put("tag", "text");
              text.set("text", TextNode.valueOf(AT_ALL_REPLACEMENT));
              p.set(i, text);
              changed = true;
            }
          }
        }
      }
    }
    return changed;
  }
}
