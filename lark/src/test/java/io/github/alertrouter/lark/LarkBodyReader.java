package io.github.alertrouter.lark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lark's webhook message types as {@link LarkSimulator} reads them (docs/platforms.md §2.2, §2.3): the
 * shape each type needs, the text a reader sees, and the mentions that fire. Stateless.
 */
final class LarkBodyReader {
  static final Set<String> TYPES = Set.of("text", "post", "interactive", "share_chat", "image");

  // card: <at id=X></at> and 2.0's <at ids=a,b></at>; text: <at user_id="X">Name</at>
  private static final Pattern CARD_AT = Pattern.compile("<at ids?=\"?([A-Za-z0-9_.,\\-]+)\"?\\s*>");
  private static final Pattern TEXT_AT = Pattern.compile("<at user_id=\"([^\"]*)\"\\s*>");
  private static final Pattern ENTITY = Pattern.compile("&#(\\d{1,7});");

  private LarkBodyReader() {}

  /** What is wrong with the body's shape for its type, or {@code null} when it is fine. */
  static String shapeProblem(String type, JsonNode body) {
    switch (type) {
      case "text":
        return body.path("content").path("text").isTextual() ? null : "text needs content.text";
      case "post": {
        JsonNode post = body.path("content").path("post");
        JsonNode lang = post.has("zh_cn") ? post.get("zh_cn") : post.get("en_us");
        if (lang == null || !lang.path("content").isArray()) {
          return "post needs content.post.zh_cn or en_us with a content array";
        }
        for (JsonNode paragraph : lang.get("content")) {
          if (!paragraph.isArray()) {
            return "post paragraphs must be arrays";
          }
          for (JsonNode e : paragraph) {
            String problem = elementProblem(e);
            if (problem != null) {
              return problem;
            }
          }
        }
        return null;
      }
      case "interactive":
        return body.path("card").isObject() ? null : "interactive needs a card object";
      case "share_chat":
        return body.path("content").path("share_chat_id").isTextual() ? null : "share_chat needs content.share_chat_id";
      default:
        return body.path("content").path("image_key").isTextual() ? null : "image needs content.image_key";
    }
  }

  private static String elementProblem(JsonNode e) {
    switch (e.path("tag").asText()) {
      case "text":
        return e.path("text").isTextual() ? null : "post text element needs text";
      case "a":
        String href = e.path("href").asText("");
        return e.path("text").isTextual() && (href.startsWith("http://") || href.startsWith("https://"))
            ? null : "post a element needs text and an http(s) href";
      case "at":
        return e.path("user_id").isTextual() ? null : "post at element needs user_id";
      case "img":
        return e.path("image_key").isTextual() ? null : "post img element needs image_key";
      default:
        return "unknown post tag " + e.path("tag");
    }
  }

  /**
   * The text a reader sees: title and text values, card entities decoded, each on its own line.
   * These are also the values Lark's keyword check reads (text and title values, never hrefs).
   */
  static String visibleText(String type, JsonNode body) {
    List<String> parts = new ArrayList<>();
    switch (type) {
      case "text" -> parts.add(body.path("content").path("text").asText());
      case "post" -> body.path("content").path("post").forEach(lang -> {
        parts.add(lang.path("title").asText(""));
        lang.path("content").forEach(p -> {
          StringBuilder line = new StringBuilder();
          p.forEach(e -> line.append(e.has("text") ? e.get("text").asText()
              : e.has("user_name") ? "@" + e.get("user_name").asText() : ""));
          parts.add(line.toString());
        });
      });
      case "interactive" -> cardTexts(body.path("card"), parts);
      default -> { }
    }
    return String.join("\n", parts.stream().filter(s -> !s.isEmpty()).toList());
  }

  private static void cardTexts(JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode content = node.get("content");
      if (content != null && content.isTextual()) {
        out.add(decode(content.asText()));
      }
      node.fields().forEachRemaining(f -> cardTexts(f.getValue(), out));
    } else if (node.isArray()) {
      node.forEach(n -> cardTexts(n, out));
    }
  }

  /** Numeric entities decoded, as the card renderer shows them. */
  static String decode(String markdown) {
    Matcher m = ENTITY.matcher(markdown);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group()));
    }
    return m.appendTail(out).toString();
  }

  /**
   * The mentions that fire: card {@code <at id=…>} / {@code <at ids=…>} in markdown contents
   * (plain_text is never parsed, entities are text); text {@code <at user_id="…">}; post
   * {@code at} elements. {@code all} fires {@code "all"}, an id starting {@code ou_} fires
   * {@code "openId:…"}, any other {@code "userId:…"}.
   */
  static Set<String> mentions(String type, JsonNode body) {
    Set<String> fired = new LinkedHashSet<>();
    switch (type) {
      case "text" -> find(TEXT_AT, body.path("content").path("text").asText(), fired);
      case "post" -> body.path("content").path("post").forEach(lang -> lang.path("content").forEach(p -> p.forEach(e -> {
        if ("at".equals(e.path("tag").asText())) {
          fired.add(mention(e.path("user_id").asText()));
        }
      })));
      case "interactive" -> markdown(body.path("card"), fired);
      default -> { }
    }
    return fired;
  }

  /** Whether the message @s everyone. */
  static boolean mentionsAll(String type, JsonNode body) {
    return mentions(type, body).contains("all");
  }

  private static void markdown(JsonNode node, Set<String> fired) {
    if (node.isObject()) {
      String tag = node.path("tag").asText();
      if ((tag.equals("lark_md") || tag.equals("markdown")) && node.path("content").isTextual()) {
        find(CARD_AT, node.get("content").asText(), fired);
      }
      node.fields().forEachRemaining(f -> markdown(f.getValue(), fired));
    } else if (node.isArray()) {
      node.forEach(n -> markdown(n, fired));
    }
  }

  private static void find(Pattern pattern, String text, Set<String> fired) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (String id : m.group(1).split(",")) {
        if (!id.isBlank()) {
          fired.add(mention(id.strip()));
        }
      }
    }
  }

  private static String mention(String id) {
    return id.equals("all") ? "all" : id.startsWith("ou_") ? "openId:" + id : "userId:" + id;
  }
}
