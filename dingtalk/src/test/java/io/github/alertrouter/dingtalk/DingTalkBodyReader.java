package io.github.alertrouter.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DingTalk's webhook message types as the simulator reads them (docs/platforms.md §1.2, §1.3): the
 * fields each type needs, the text a reader sees, and the mentions that fire. Stateless.
 */
final class DingTalkBodyReader {
  static final Set<String> TYPES = Set.of("text", "markdown", "actionCard", "link", "feedCard");

  // DingTalk userIds and mobiles are ASCII word characters plus - and .; the tokens end there
  private static final Pattern AT_TOKEN = Pattern.compile("@([A-Za-z0-9_.\\-]+)");

  private DingTalkBodyReader() {}

  /** What is wrong with the body's shape for its type, or {@code null} when it is fine. */
  static String shapeProblem(String type, JsonNode body) {
    switch (type) {
      case "text":
        return required(body, "text", "content");
      case "markdown":
        return firstOf(required(body, "markdown", "title"), required(body, "markdown", "text"));
      case "actionCard": {
        String problem = firstOf(required(body, "actionCard", "title"), required(body, "actionCard", "text"));
        if (problem != null) {
          return problem;
        }
        JsonNode card = body.get("actionCard");
        if (card.has("btns")) {
          return buttonsProblem(card.get("btns"));
        }
        return firstOf(required(body, "actionCard", "singleTitle"), required(body, "actionCard", "singleURL"));
      }
      case "link":
        return firstOf(required(body, "link", "title"), required(body, "link", "text"),
            required(body, "link", "messageUrl"));
      case "feedCard": {
        JsonNode links = body.path("feedCard").path("links");
        if (!links.isArray() || links.isEmpty()) {
          return "feedCard.links must be a non-empty array";
        }
        for (int i = 0; i < links.size(); i++) {
          String problem = firstOf(text(links.get(i), "title", "feedCard.links[" + i + "]"),
              text(links.get(i), "messageURL", "feedCard.links[" + i + "]"));
          if (problem != null) {
            return problem;
          }
        }
        return null;
      }
      default:
        throw new IllegalArgumentException("not a DingTalk type: " + type);
    }
  }

  /** Problems with the {@code at} object, or {@code null}. */
  static String atProblem(JsonNode body) {
    JsonNode at = body.get("at");
    if (at == null || at.isNull()) {
      return null;
    }
    if (!at.isObject()) {
      return "at must be an object";
    }
    for (String list : List.of("atMobiles", "atUserIds")) {
      JsonNode values = at.get(list);
      if (values != null && !values.isNull()) {
        if (!values.isArray()) {
          return "at." + list + " must be an array";
        }
        for (JsonNode value : values) {
          if (!value.isTextual()) {
            return "at." + list + " must hold strings";
          }
        }
      }
    }
    JsonNode all = at.get("isAtAll");
    return all == null || all.isNull() || all.isBoolean() ? null : "at.isAtAll must be a boolean";
  }

  /**
   * The text the chat shows: text {@code content}; markdown {@code text} (its title appears only
   * in the notification list); actionCard {@code text} and button titles; link title and text;
   * feedCard link titles.
   */
  static String visibleText(String type, JsonNode body) {
    List<String> parts = new ArrayList<>();
    switch (type) {
      case "text" -> parts.add(body.path("text").path("content").asText());
      case "markdown" -> parts.add(body.path("markdown").path("text").asText());
      case "actionCard" -> {
        JsonNode card = body.path("actionCard");
        parts.add(card.path("text").asText());
        if (card.has("btns")) {
          card.get("btns").forEach(button -> parts.add(button.path("title").asText()));
        } else {
          parts.add(card.path("singleTitle").asText());
        }
      }
      case "link" -> {
        parts.add(body.path("link").path("title").asText());
        parts.add(body.path("link").path("text").asText());
      }
      case "feedCard" -> body.path("feedCard").path("links").forEach(link -> parts.add(link.path("title").asText()));
      default -> throw new IllegalArgumentException("not a DingTalk type: " + type);
    }
    return String.join("\n", parts);
  }

  /**
   * The mentions that notify someone: for text and markdown, an {@code atMobiles}/{@code atUserIds}
   * entry whose {@code @value} is also written in the visible text, and everyone for
   * {@code isAtAll}. An {@code @token} with no matching entry notifies nobody; other types notify
   * nobody.
   */
  static Set<String> mentions(String type, JsonNode body, String text) {
    Set<String> fired = new LinkedHashSet<>();
    if (!type.equals("text") && !type.equals("markdown")) {
      return fired;
    }
    JsonNode at = body.path("at");
    at.path("atMobiles").forEach(m -> {
      if (text.contains("@" + m.asText())) {
        fired.add("mobile:" + m.asText());
      }
    });
    at.path("atUserIds").forEach(u -> {
      if (text.contains("@" + u.asText())) {
        fired.add("userId:" + u.asText());
      }
    });
    if (at.path("isAtAll").asBoolean(false)) {
      fired.add("all");
    }
    return fired;
  }

  /** actionCard {@code @userId} tokens: the doc says to write them, but lists no {@code at} field. */
  static Set<String> unverifiedMentions(String type, String text) {
    Set<String> tokens = new LinkedHashSet<>();
    if (type.equals("actionCard")) {
      Matcher m = AT_TOKEN.matcher(text);
      while (m.find()) {
        tokens.add("userId:" + m.group(1));
      }
    }
    return tokens;
  }

  private static String buttonsProblem(JsonNode buttons) {
    if (!buttons.isArray() || buttons.isEmpty()) {
      return "actionCard.btns must be a non-empty array";
    }
    for (int i = 0; i < buttons.size(); i++) {
      String where = "actionCard.btns[" + i + "]";
      String problem = firstOf(text(buttons.get(i), "title", where), text(buttons.get(i), "actionURL", where));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String required(JsonNode body, String object, String field) {
    JsonNode node = body.get(object);
    if (node == null || !node.isObject()) {
      return object + " must be an object";
    }
    return text(node, field, object);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty()
        ? null
        : where + "." + field + " must be a non-empty string";
  }

  private static String firstOf(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
