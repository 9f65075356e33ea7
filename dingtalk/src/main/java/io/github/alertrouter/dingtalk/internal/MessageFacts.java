package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * What every part of one notification's messages shares: status, counts, group, policy, reason,
 * keyword, links and mentions, with untrusted values escaped. Immutable.
 *
 * @param resolved whether every alert resolved (the "resolved" look)
 * @param firingCount alerts firing
 * @param resolvedCount alerts resolved
 * @param groupLabels the group's labels, escaped
 * @param policy the policy name, escaped
 * @param reason why it is sent
 * @param groups how many groups a digest merges (1 otherwise)
 * @param keyword the robot's keyword verbatim (trusted config; it must match exactly), or {@code ""}
 * @param links trusted links
 * @param linksInText whether links are written in the text (markdown) or are buttons (action card)
 * @param mentions the mention plan
 * @param tokens the @tokens this message type writes in its text
 */
record MessageFacts(
    boolean resolved, int firingCount, int resolvedCount, List<AlertFacts.Entry> groupLabels, String policy,
    String reason, int groups, String keyword, List<NotificationLink> links, boolean linksInText,
    MentionMarkup mentions, List<String> tokens) {
  static final String FIRING_MARK = "🔥";
  static final String RESOLVED_MARK = "✅";
  private static final int MAX_TITLE_VALUES = 120;

  static MessageFacts of(Notification n, String keyword, boolean linksInText, MentionMarkup mentions, List<String> tokens) {
    List<AlertFacts.Entry> group = new ArrayList<>();
    n.groupLabels().forEach((name, value) -> group.add(AlertFacts.Entry.label(name, value, DingTalkEscaper.MARKDOWN)));
    return new MessageFacts(n.isResolved(), n.firing().size(), n.resolved().size(), List.copyOf(group),
        DingTalkEscaper.inline(n.policy(), AlertFacts.MAX_NAME), n.reasonText(), n.groups(),
        keyword == null ? "" : keyword, n.links(), linksInText, mentions, List.copyOf(tokens));
  }

  /** {@code firing} or {@code resolved}. */
  String status() {
    return resolved ? "resolved" : "firing";
  }

  /** {@code 🔥 FIRING:3}, {@code 🔥 FIRING:2 · ✅ RESOLVED:1}, {@code ✅ RESOLVED:2}. */
  String statusLine() {
    if (resolved) {
      return RESOLVED_MARK + " RESOLVED:" + resolvedCount;
    }
    return FIRING_MARK + " FIRING:" + firingCount + (resolvedCount == 0 ? "" : " · " + RESOLVED_MARK + " RESOLVED:" + resolvedCount);
  }

  /**
   * The message title, shown in notifications and the chat list: {@code [alert] [FIRING:3]
   * HighLatency payments (1/3)}.
   */
  String title(Page<AlertFacts> page, String firstAlertName) {
    StringBuilder t = new StringBuilder();
    if (!keyword.isEmpty()) {
      t.append('[').append(keyword).append("] ");
    }
    t.append(resolved ? "[RESOLVED:" + resolvedCount + "]" : "[FIRING:" + firingCount + "]");
    String values = String.join(" ", groupLabels.stream().map(AlertFacts.Entry::value).toList());
    String shown = values.isEmpty() ? firstAlertName : values;
    if (!shown.isEmpty()) {
      t.append(' ').append(DingTalkEscaper.cut(shown, MAX_TITLE_VALUES));
    }
    if (page.isPart()) {
      t.append(" (").append(page.part()).append('/').append(page.parts()).append(')');
    }
    return t.toString();
  }

  /** {@code alertname=HighLatency, service=payments}. */
  String groupText() {
    return String.join(", ", groupLabels.stream().map(e -> e.name() + "=" + e.value()).toList());
  }

  /** {@code [Runbook](url) · [Silence](url)} for markdown, or {@code ""}. */
  String linkLine() {
    if (!linksInText) {
      return "";
    }
    return String.join(" · ", links.stream()
        .map(l -> "[" + DingTalkEscaper.inline(l.title(), 40) + "](" + Links.forMarkdown(l.url()) + ")").toList());
  }

  /** The @tokens as one line, or {@code ""}. */
  String tokenLine() {
    return String.join(" ", tokens);
  }
}
