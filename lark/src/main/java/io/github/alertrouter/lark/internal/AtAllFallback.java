package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.TextSafety;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * @all must not cost the alert. A card carrying {@code <at id=all></at>} fails <b>whole</b> when
 * the group owner has not allowed @all (docs/platforms.md §2.3); text and post presumably too. So when
 * a message that planned @all is refused, it is sent once more with every @all replaced by the
 * plain text {@value #REPLACEMENT}, and the second answer is the result.
 *
 * <p><b>Which answer counts as "@all refused"</b>, for a message whose mentions include everyone:
 * first {@value LarkErrors#AT_ALL_FORBIDDEN} ("this group is set to only admin can mention
 * @All"), Lark's server-side code for exactly this and what the testkit's {@code LarkSimulator}
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
 * entity-escaped or full-width), and a post's {@code text} elements are never rewritten. Stateless.
 */
final class AtAllFallback {
  static final String REPLACEMENT = "@all (not allowed in this group)";
  private static final int FIRST_DETAIL_CHARS = 120;
  private static final Pattern TEXT_ALL = Pattern.compile("<at user_id=\"all\">[^<]*</at>");

  private AtAllFallback() {}

  /** Whether {@code first} is a refusal worth retrying without @all. */
  static boolean applies(OutboundMessage message, SendResult first) {
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
   * answer, told in the light of {@code first}, the refusal that {@link #applies}. Sent withholds
   * the @all mentions; a failure's detail is prefixed with what happened first.
   */
  static SendResult explain(OutboundMessage message, SendResult first, SendResult second) {
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
  static ObjectNode strip(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    boolean changed = switch (copy.path("msg_type").asText()) {
      case LarkMessages.INTERACTIVE -> cardContents(copy.path("card"));
      case LarkMessages.TEXT -> textContent(copy.path("content"));
      case LarkMessages.POST -> postElements(copy.path("content").path("post"));
      default -> false;
    };
    return changed ? copy : null;
  }

  private static boolean cardContents(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      if ("lark_md".equals(o.path("tag").asText()) && o.path("content").isTextual()) {
        String before = o.get("content").asText();
        String after = before.replace(MentionMarkup.CARD_ALL, REPLACEMENT);
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
      String after = TEXT_ALL.matcher(before).replaceAll(REPLACEMENT);
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
              text.set("text", TextNode.valueOf(REPLACEMENT));
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
