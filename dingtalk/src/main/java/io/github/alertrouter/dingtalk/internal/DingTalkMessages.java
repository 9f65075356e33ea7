package io.github.alertrouter.dingtalk.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.dingtalk.DingTalkOptions.ButtonOrientation;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.TextSafety;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DingTalk webhook bodies, serialized with Jackson so the byte budget counts JSON escaping
 * exactly. Titles and texts lose any lone surrogate (a template's literal text can hold one), which
 * UTF-8 cannot encode. Stateless and thread-safe.
 */
final class DingTalkMessages {
  static final String MARKDOWN = "markdown";
  static final String ACTION_CARD = "actionCard";
  static final String TEXT = "text";

  private DingTalkMessages() {}

  /** A markdown message; {@code at} is written when {@code mentions} is not {@code null}. */
  static String markdown(String title, String text, MentionMarkup mentions) {
    ObjectNode root = JsonBodies.object().put("msgtype", MARKDOWN);
    root.putObject(MARKDOWN).put("title", clean(title)).put("text", clean(text));
    if (mentions != null) {
      at(root, mentions);
    }
    return JsonBodies.write(root);
  }

  /**
   * An action card with a button per link: {@code singleTitle}/{@code singleURL} for one link,
   * {@code btns} for several. DingTalk documents no {@code at} for action cards.
   */
  static String actionCard(String title, String text, ButtonOrientation orientation, List<NotificationLink> links) {
    ObjectNode root = JsonBodies.object().put("msgtype", ACTION_CARD);
    ObjectNode card = root.putObject(ACTION_CARD).put("title", clean(title)).put("text", clean(text))
        .put("btnOrientation", orientation.wireValue());
    if (links.size() == 1) {
      card.put("singleTitle", clean(links.get(0).title())).put("singleURL", links.get(0).url());
    } else {
      ArrayNode buttons = card.putArray("btns");
      links.forEach(l -> buttons.addObject().put("title", clean(l.title())).put("actionURL", l.url()));
    }
    return JsonBodies.write(root);
  }

  /** A plain text message carrying {@code at}: the follow-up that makes an action card's mentions notify. */
  static String mentionText(String content, MentionMarkup mentions) {
    ObjectNode root = JsonBodies.object().put("msgtype", TEXT);
    root.putObject(TEXT).put("content", clean(content));
    at(root, mentions);
    return JsonBodies.write(root);
  }

  static int bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void at(ObjectNode root, MentionMarkup mentions) {
    ObjectNode at = root.putObject("at");
    mentions.mobiles().forEach(at.putArray("atMobiles")::add);
    mentions.userIds().forEach(at.putArray("atUserIds")::add);
    at.put("isAtAll", mentions.atAll());
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String clean(String s) {
    return TextSafety.repairSurrogates(s);
  }
}
