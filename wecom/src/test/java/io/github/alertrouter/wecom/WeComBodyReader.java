package io.github.alertrouter.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeCom's webhook message types as {@link WeComSimulator} reads them (docs/platforms.md §3.2, §3.3): the
 * fields each type needs, the text a reader sees, and the mentions that fire. Stateless.
 */
final class WeComBodyReader {
  static final Set<String> TYPES =
      Set.of("text", "markdown", "markdown_v2", "image", "news", "file", "voice", "template_card");
  /** {@code text.content} limit in UTF-8 bytes. */
  static final int MAX_TEXT_BYTES = 2048;
  /** {@code markdown.content} and {@code markdown_v2.content} limit in UTF-8 bytes. */
  static final int MAX_MARKDOWN_BYTES = 4096;

  // userids are letters, digits and _-@.; "<@ x>" with a blank is not a token
  private static final Pattern USER_TOKEN = Pattern.compile("<@([A-Za-z0-9_.@\\-]+)>");

  private WeComBodyReader() {}

  /** The checked content field of a text or markdown type, or {@code null} for other types. */
  static String content(String type, JsonNode body) {
    if (!type.equals("text") && !type.equals("markdown") && !type.equals("markdown_v2")) {
      return null;
    }
    JsonNode content = body.path(type).path("content");
    return content.isTextual() ? content.asText() : "";
  }

  /** The content limit of {@code type} in UTF-8 bytes. */
  static int maxBytes(String type) {
    return type.equals("text") ? MAX_TEXT_BYTES : MAX_MARKDOWN_BYTES;
  }

  static int bytes(String content) {
    return content.getBytes(StandardCharsets.UTF_8).length;
  }

  /** What is wrong with the shape of a body (besides its content), or {@code null}. */
  static String shapeProblem(String type, JsonNode body) {
    JsonNode part = body.get(type);
    if (part == null || !part.isObject()) {
      return type + " must be an object";
    }
    if (type.equals("text")) {
      for (String list : List.of("mentioned_list", "mentioned_mobile_list")) {
        JsonNode values = part.get(list);
        if (values != null && !values.isNull()) {
          if (!values.isArray()) {
            return "text." + list + " must be an array";
          }
          for (JsonNode v : values) {
            if (!v.isTextual()) {
              return "text." + list + " must hold strings";
            }
          }
        }
      }
    }
    return switch (type) {
      case "image" -> part.path("base64").isTextual() && part.path("md5").isTextual() ? null
          : "image needs base64 and md5";
      case "news" -> part.path("articles").isArray() && part.get("articles").size() >= 1
          && part.get("articles").size() <= 8 ? null : "news.articles must hold 1 to 8 articles";
      case "file", "voice" -> part.path("media_id").isTextual() ? null : type + ".media_id is required";
      case "template_card" -> part.path("card_type").isTextual() ? null : "template_card.card_type is required";
      default -> null;
    };
  }

  /** The text the chat shows: the content, news titles, a card's main title. */
  static String visibleText(String type, JsonNode body) {
    String content = content(type, body);
    if (content != null) {
      return content;
    }
    List<String> parts = new ArrayList<>();
    if (type.equals("news")) {
      body.path("news").path("articles").forEach(a -> parts.add(a.path("title").asText()));
    } else if (type.equals("template_card")) {
      parts.add(body.path("template_card").path("main_title").path("title").asText());
    }
    return String.join("\n", parts);
  }

  /**
   * The mentions that notify someone: text → {@code mentioned_list} entries ({@code "userId:…"}),
   * {@code mentioned_mobile_list} entries ({@code "mobile:…"}), {@code "@all"} in either →
   * {@code "all"}, plus {@code <@userid>} tokens in the content; markdown → only {@code <@userid>}
   * tokens (WeCom ignores the lists there); every other type → none.
   */
  static Set<String> mentions(String type, JsonNode body, String text) {
    Set<String> fired = new LinkedHashSet<>();
    if (type.equals("text")) {
      body.path("text").path("mentioned_list").forEach(
          v -> fired.add(v.asText().equals("@all") ? "all" : "userId:" + v.asText()));
      body.path("text").path("mentioned_mobile_list").forEach(
          v -> fired.add(v.asText().equals("@all") ? "all" : "mobile:" + v.asText()));
    }
    if (type.equals("text") || type.equals("markdown")) {
      Matcher m = USER_TOKEN.matcher(text);
      while (m.find()) {
        if (!m.group(1).equals("all")) {
          fired.add("userId:" + m.group(1));
        }
      }
    }
    return fired;
  }

  /** {@code <@all>} in text or markdown content: whether it notifies everyone is unverified. */
  static Set<String> unverifiedMentions(String type, String text) {
    return (type.equals("text") || type.equals("markdown")) && text.contains("<@all>") ? Set.of("all") : Set.of();
  }
}
