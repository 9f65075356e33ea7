package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.TextSafety;
import java.util.ArrayList;
import java.util.List;

/**
 * What every part of one notification's messages shares: status, counts, group, policy, reason,
 * digest size, links and mentions, with untrusted values escaped for the message's dialect.
 * Immutable.
 *
 * @param resolved whether every alert resolved (the "resolved" look)
 * @param firingCount alerts firing
 * @param resolvedCount alerts resolved
 * @param groupLabels the group's labels, escaped
 * @param policy the policy name, escaped
 * @param reason why it is sent
 * @param groups how many groups a digest merges (1 otherwise)
 * @param links trusted links, with escaped titles
 * @param mentions the mention plan
 * @param tokens the {@code <@userid>} tokens this message type writes in its content (markdown
 *     only; empty for text and markdown_v2, whose mentions travel in lists)
 */
record MessageFacts(
    boolean resolved, int firingCount, int resolvedCount, List<AlertFacts.Entry> groupLabels, String policy,
    String reason, int groups, List<NotificationLink> links, MentionMarkup mentions, List<String> tokens) {
  static final String FIRING_MARK = "🔥";
  static final String RESOLVED_MARK = "✅";
  private static final int MAX_TITLE_VALUES = 120;
  private static final int MAX_LINK_TITLE = 40;

  static MessageFacts of(Notification n, MentionMarkup mentions, List<String> tokens, WeComEscaper esc) {
    List<AlertFacts.Entry> group = new ArrayList<>();
    n.groupLabels().forEach((name, value) -> group.add(AlertFacts.Entry.label(name, value, esc)));
    List<NotificationLink> links = n.links().stream()
        .map(l -> new NotificationLink(l.kind(), esc.inline(l.title(), MAX_LINK_TITLE), l.url())).toList();
    return new MessageFacts(n.isResolved(), n.firing().size(), n.resolved().size(), List.copyOf(group),
        esc.inline(n.policy(), AlertFacts.MAX_NAME), n.reasonText(), n.groups(), links, mentions,
        List.copyOf(tokens));
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

  /** The group's values ({@code HighLatency payments}), else the first alert's name. */
  String subject(String firstAlertName) {
    String values = String.join(" ", groupLabels.stream().map(AlertFacts.Entry::value).toList());
    return TextSafety.cut(values.isEmpty() ? firstAlertName : values, MAX_TITLE_VALUES);
  }

  /**
   * One line naming the notification, for the follow-up text that carries mentions:
   * {@code 🔥 FIRING:3 HighLatency payments}. Escaped values only, so safe in any dialect.
   */
  String title(String firstAlertName) {
    String subject = subject(firstAlertName);
    return statusLine() + (subject.isEmpty() ? "" : " " + subject);
  }

  /** {@code alertname=HighLatency, service=payments}. */
  String groupText() {
    return String.join(", ", groupLabels.stream().map(e -> e.name() + "=" + e.value()).toList());
  }

  /** {@code [Runbook](url) · [Silence](url)}, or {@code ""}. */
  String markdownLinkLine() {
    return String.join(" · ", links.stream().map(l -> Links.markdown(l.title(), l.url())).toList());
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
