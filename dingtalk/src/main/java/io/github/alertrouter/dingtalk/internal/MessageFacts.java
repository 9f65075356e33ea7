package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.List;

/**
 * What every part of one notification's DingTalk messages shares: the notification's facts
 * (escaped for markdown), and what is DingTalk's own: where links go and the mention tokens.
 * Immutable.
 *
 * @param about status, counts, group, policy, reason, keyword and links
 * @param linksInText whether links are written in the text (markdown) or are buttons (action card)
 * @param mentions the mention plan
 * @param tokens the @tokens this message type writes in its text
 */
record MessageFacts(NotificationFacts about, boolean linksInText, MentionMarkup mentions, List<String> tokens) {
  static MessageFacts of(Notification n, String keyword, boolean linksInText, MentionMarkup mentions, List<String> tokens) {
    return new MessageFacts(NotificationFacts.of(n, keyword, DingTalkEscaper.MARKDOWN), linksInText, mentions,
        List.copyOf(tokens));
  }

  /**
   * The message title, shown in notifications and the chat list: {@code [alert] [FIRING:3]
   * HighLatency payments (1/3)}.
   */
  String title(Page<AlertFacts> page, String firstAlertName) {
    String values = about.groupValues();
    String shown = values.isEmpty() ? firstAlertName : values;
    return about.title(page, shown.isEmpty() ? "" : DingTalkEscaper.cut(shown, NotificationFacts.MAX_TITLE_VALUES));
  }

  /** {@code [Runbook](url) · [Silence](url)} for markdown, or {@code ""}. */
  String linkLine() {
    if (!linksInText) {
      return "";
    }
    return String.join(" · ", about.escapedLinks().stream()
        .map(l -> "[" + l.title() + "](" + Links.forMarkdown(l.url()) + ")").toList());
  }

  /** The @tokens as one line, or {@code ""}. */
  String tokenLine() {
    return String.join(" ", tokens);
  }
}
