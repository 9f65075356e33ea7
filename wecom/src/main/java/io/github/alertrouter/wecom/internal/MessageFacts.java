package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.TextSafety;
import java.util.List;

/**
 * What every part of one notification's WeCom messages shares: the notification's facts, escaped
 * for the message's dialect (WeCom has no keyword), and what is WeCom's own: the mentions and the
 * tokens the content writes. Immutable.
 *
 * @param about status, counts, group, policy, reason, digest size and links
 * @param mentions the mention plan
 * @param tokens the {@code <@userid>} tokens this message type writes in its content (markdown
 *     only; empty for text and markdown_v2, whose mentions travel in lists)
 */
record MessageFacts(NotificationFacts about, MentionMarkup mentions, List<String> tokens) {
  static MessageFacts of(Notification n, MentionMarkup mentions, List<String> tokens, WeComEscaper esc) {
    return new MessageFacts(NotificationFacts.of(n, null, esc), mentions, List.copyOf(tokens));
  }

  /** The group's values ({@code HighLatency payments}), else the first alert's name. */
  String subject(String firstAlertName) {
    String values = about.groupValues();
    return TextSafety.cut(values.isEmpty() ? firstAlertName : values, NotificationFacts.MAX_TITLE_VALUES);
  }

  /**
   * One line naming the notification, for the follow-up text that carries mentions:
   * {@code 🔥 FIRING:3 HighLatency payments}. Escaped values only, so safe in any dialect.
   */
  String title(String firstAlertName) {
    String subject = subject(firstAlertName);
    return about.statusLine() + (subject.isEmpty() ? "" : " " + subject);
  }

  /** {@code [Runbook](url) · [Silence](url)}, or {@code ""}. */
  String markdownLinkLine() {
    return String.join(" · ", about.escapedLinks().stream().map(l -> Links.markdown(l.title(), l.url())).toList());
  }

  /** {@code Runbook: url} lines, or {@code ""}. */
  String textLinkLines() {
    return String.join("\n", about.escapedLinks().stream().map(l -> l.title() + ": " + l.url()).toList());
  }

  /** The {@code <@userid>} tokens as one line, or {@code ""}. */
  String tokenLine() {
    return String.join(" ", tokens);
  }

  /** The part marker, {@code (1/3)}, or {@code ""}. */
  static String partMarker(Page<?> page) {
    return page.isPart() ? "(" + page.part() + "/" + page.parts() + ")" : "";
  }
}
