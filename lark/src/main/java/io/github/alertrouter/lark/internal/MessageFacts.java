package io.github.alertrouter.lark.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every part of one notification's Lark messages shares: the notification's facts, escaped
 * for the message's dialect, and what is Lark's own: the dialect, the title's values (the title is
 * plain text everywhere, so escaped for {@link Dialect#TEXT}), the header colour and the mentions.
 * Immutable.
 *
 * @param about status, counts, group, policy, reason, keyword and links
 * @param dialect how the message's body text is read
 * @param titleValues the group's label values for the title, escaped for plain text
 * @param colour the card header's {@code template} colour
 * @param mentions the mention plan
 */
record MessageFacts(NotificationFacts about, Dialect dialect, String titleValues, String colour, MentionMarkup mentions) {
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
    String values = Dialect.TEXT.inline(String.join(" ", n.groupLabels().values()), NotificationFacts.MAX_TITLE_VALUES);
    return new MessageFacts(NotificationFacts.of(n, keyword, dialect), dialect, values,
        colour(n.isResolved(), n.firing()), mentions);
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

  /** The plain-text title: {@code [alert] [FIRING:3] HighLatency payments (1/3)}. */
  String title(Page<AlertFacts> page, String firstAlertName) {
    return about.title(page, titleValues.isEmpty() ? firstAlertName : titleValues);
  }

  /** A link title as plain text. */
  static String linkTitle(NotificationLink link) {
    return Dialect.TEXT.inline(link.title(), NotificationFacts.MAX_LINK_TITLE);
  }
}
