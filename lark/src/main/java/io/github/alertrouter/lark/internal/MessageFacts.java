package io.github.alertrouter.lark.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every part of one notification's messages shares: status, counts, group, policy, reason,
 * keyword, links, header colour and mentions, with untrusted values escaped for the message's
 * dialect (and, for the title, which is plain text everywhere, for {@link Dialect#TEXT}). Immutable.
 *
 * @param dialect how the message's body text is read
 * @param resolved whether every alert resolved (the "resolved" look)
 * @param firingCount alerts firing
 * @param resolvedCount alerts resolved
 * @param groupLabels the group's labels, escaped for {@code dialect}
 * @param titleValues the group's label values for the title, escaped for plain text
 * @param policy the policy name, escaped
 * @param reason why it is sent
 * @param groups how many groups a digest merges (1 otherwise)
 * @param keyword the robot's keyword verbatim (trusted config: it must match exactly), or {@code ""}
 * @param links trusted links
 * @param colour the card header's {@code template} colour
 * @param mentions the mention plan
 */
record MessageFacts(
    Dialect dialect, boolean resolved, int firingCount, int resolvedCount, List<AlertFacts.Entry> groupLabels,
    String titleValues, String policy, String reason, int groups, String keyword, List<NotificationLink> links,
    String colour, MentionMarkup mentions) {
  static final String FIRING_MARK = "🔥";
  static final String RESOLVED_MARK = "✅";
  private static final int MAX_TITLE_VALUES = 120;

  /**
   * Header colours. The most severe firing alert decides; unknown or missing severities count as
   * warnings (something fires, nobody said how bad).
   */
  static final Map<String, String> COLOURS = Map.ofEntries(
      Map.entry("critical", "red"), Map.entry("fatal", "red"), Map.entry("error", "red"),
      Map.entry("high", "red"), Map.entry("p0", "red"), Map.entry("p1", "red"),
      Map.entry("warning", "orange"), Map.entry("warn", "orange"), Map.entry("medium", "orange"),
      Map.entry("p2", "orange"),
      Map.entry("info", "blue"), Map.entry("low", "blue"), Map.entry("none", "blue"), Map.entry("p3", "blue"),
      Map.entry("p4", "blue"));
  static final String RESOLVED_COLOUR = "green";
  static final String UNKNOWN_COLOUR = "orange";
  private static final List<String> RANK = List.of("red", "orange", "blue");

  static MessageFacts of(Notification n, String keyword, Dialect dialect, MentionMarkup mentions) {
    List<AlertFacts.Entry> group = new ArrayList<>();
    n.groupLabels().forEach((name, value) -> group.add(AlertFacts.Entry.label(name, value, dialect)));
    String values = Dialect.TEXT.inline(String.join(" ", n.groupLabels().values()), MAX_TITLE_VALUES);
    return new MessageFacts(dialect, n.isResolved(), n.firing().size(), n.resolved().size(), List.copyOf(group),
        values, dialect.inline(n.policy(), AlertFacts.MAX_NAME), n.reasonText(), n.groups(),
        keyword == null ? "" : keyword, n.links(), colour(n.isResolved(), n.firing()), mentions);
  }

  /** Green when resolved, else the colour of the most severe firing alert (by its raw label). */
  static String colour(boolean resolved, List<Alert> firing) {
    if (resolved) {
      return RESOLVED_COLOUR;
    }
    int best = RANK.size();
    for (Alert a : firing) {
      String severity = a.label("severity");
      String c = COLOURS.getOrDefault(severity == null ? "" : severity.strip().toLowerCase(Locale.ROOT), UNKNOWN_COLOUR);
      best = Math.min(best, RANK.indexOf(c));
    }
    return best == RANK.size() ? UNKNOWN_COLOUR : RANK.get(best);
  }

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

  /** The plain-text title: {@code [alert] [FIRING:3] HighLatency payments (1/3)}. */
  String title(Page<AlertFacts> page, String firstAlertName) {
    StringBuilder t = new StringBuilder();
    if (!keyword.isEmpty()) {
      t.append('[').append(keyword).append("] ");
    }
    t.append(resolved ? "[RESOLVED:" + resolvedCount + "]" : "[FIRING:" + firingCount + "]");
    String shown = titleValues.isEmpty() ? firstAlertName : titleValues;
    if (!shown.isEmpty()) {
      t.append(' ').append(shown);
    }
    if (page.isPart()) {
      t.append(" (").append(page.part()).append('/').append(page.parts()).append(')');
    }
    return t.toString();
  }

  /** The first line of the body: keyword (Lark's keyword check reads text values), status and group. */
  String heading() {
    String group = String.join(" ", groupLabels.stream().map(AlertFacts.Entry::value).toList());
    return (keyword.isEmpty() ? "" : "[" + keyword + "] ") + statusLine() + (group.isEmpty() ? "" : " · " + group);
  }

  /** {@code alertname=HighLatency, service=payments}. */
  String groupText() {
    return String.join(", ", groupLabels.stream().map(e -> e.name() + "=" + e.value()).toList());
  }

  /** Group, policy, reason and digest size, one per line, labelled with {@code bold} markers. */
  List<String> aboutLines(String bold) {
    List<String> lines = new ArrayList<>();
    if (!groupLabels.isEmpty()) {
      lines.add(bold + "Group:" + bold + " " + groupText());
    }
    lines.add(bold + "Policy:" + bold + " " + policy + " · " + bold + "Reason:" + bold + " " + reason);
    if (groups > 1) {
      lines.add(bold + "Digest:" + bold + " merges " + groups + " groups");
    }
    return lines;
  }

  /** A link title as plain text. */
  static String linkTitle(NotificationLink link) {
    return Dialect.TEXT.inline(link.title(), 40);
  }
}
