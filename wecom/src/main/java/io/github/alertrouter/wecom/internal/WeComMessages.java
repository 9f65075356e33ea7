package io.github.alertrouter.wecom.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.TextSafety;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * WeCom webhook bodies (docs/platforms.md §3.2), serialized with Jackson. Contents lose any lone
 * surrogate (a template's literal text can hold one), which UTF-8 cannot encode. Stateless and
 * thread-safe.
 */
final class WeComMessages {
  static final String MARKDOWN = "markdown";
  static final String MARKDOWN_V2 = "markdown_v2";
  static final String TEXT = "text";

  private WeComMessages() {}

  /** {@code {"msgtype":type,type:{"content":…}}} for {@code markdown} or {@code markdown_v2}. */
  static String markdown(String type, String content) {
    ObjectNode root = JsonBodies.object().put("msgtype", type);
    root.putObject(type).put("content", clean(content));
    return JsonBodies.write(root);
  }

  /**
   * A text message; the lists are written only when non-empty. {@code "@all"} in
   * {@code mentioned_list} mentions everyone.
   */
  static String text(String content, List<String> mentionedList, List<String> mentionedMobileList) {
    ObjectNode root = JsonBodies.object().put("msgtype", TEXT);
    ObjectNode text = root.putObject(TEXT).put("content", clean(content));
    if (!mentionedList.isEmpty()) {
      mentionedList.forEach(text.putArray("mentioned_list")::add);
    }
    if (!mentionedMobileList.isEmpty()) {
      mentionedMobileList.forEach(text.putArray("mentioned_mobile_list")::add);
    }
    return JsonBodies.write(root);
  }

  /** Content size as WeCom counts it: UTF-8 bytes of the decoded string, not of its JSON form. */
  static int bytes(String content) {
    return clean(content).getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String clean(String s) {
    return TextSafety.repairSurrogates(s);
  }
}
