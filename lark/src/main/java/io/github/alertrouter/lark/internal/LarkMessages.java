package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.TextSafety;
import java.nio.charset.StandardCharsets;

/**
 * Lark webhook bodies, built as Jackson trees and serialized so the byte budget counts JSON
 * escaping exactly. Every text loses any lone surrogate (a template's literal text can hold one),
 * which UTF-8 cannot encode. Stateless and thread-safe.
 */
final class LarkMessages {
  static final String INTERACTIVE = "interactive";
  static final String POST = "post";
  static final String TEXT = "text";
  static final ObjectMapper JSON = new ObjectMapper();

  private LarkMessages() {}

  static ObjectNode root(String msgType) {
    return JSON.createObjectNode().put("msg_type", msgType);
  }

  /** {@code {"tag":"plain_text","content":…}}. */
  static ObjectNode plainText(String content) {
    return JSON.createObjectNode().put("tag", "plain_text").put("content", clean(content));
  }

  /** A card 1.0 {@code div} of {@code lark_md}. */
  static void markdownDiv(ArrayNode elements, String content) {
    if (!content.isEmpty()) {
      elements.addObject().put("tag", "div").putObject("text").put("tag", "lark_md").put("content", clean(content));
    }
  }

  /** A post {@code text} element. */
  static void text(ArrayNode paragraph, String text) {
    paragraph.addObject().put("tag", "text").put("text", clean(text));
  }

  /** A post {@code a} element; {@code href} is a trusted http(s) URL. */
  static void link(ArrayNode paragraph, String text, String href) {
    paragraph.addObject().put("tag", "a").put("text", clean(text)).put("href", href);
  }

  /** A post {@code at} element. */
  static void at(ArrayNode paragraph, String userId, String name) {
    ObjectNode at = paragraph.addObject().put("tag", "at").put("user_id", userId);
    if (name != null) {
      at.put("user_name", clean(name));
    }
  }

  static String write(ObjectNode root) {
    return JsonBodies.write(root);
  }

  static int bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code url} as a markdown link destination: parentheses percent-encoded so they cannot end it early. */
  static String markdownUrl(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String clean(String s) {
    return TextSafety.repairSurrogates(s);
  }
}
