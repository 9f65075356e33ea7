package io.github.alertrouter.notify;

import io.github.alertrouter.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trusted link attached to a notification (a button in an action card, a link in markdown).
 * Links come from the router (its action URLs) or from an alert's {@code runbook_url} annotation
 * when it is an {@code http(s)} URL; renderers never escape or rewrite them. Immutable.
 *
 * @param kind what the link does
 * @param title button or link text
 * @param url absolute {@code http} or {@code https} URL
 */
public record NotificationLink(Kind kind, String title, String url) {
  /** What a link does. */
  public enum Kind {
    /** The alert's {@code runbook_url}. */
    RUNBOOK,
    /** A signed action link that silences the group for a while. */
    SILENCE,
    /** A signed action link that claims the group, holding its unacknowledged escalation steps. */
    ACKNOWLEDGE,
    /** A signed action link that marks the group resolved by hand. */
    RESOLVE,
    /** The alert's {@code generatorURL}: where it came from. */
    SOURCE,
    /** The link with which a chat member binds their mobile number to be @-ed. */
    BIND
  }

  /**
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL ({@link #isHttpUrl})
   * @throws NullPointerException if {@code kind} or {@code title} is null
   */
  public NotificationLink {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    if (!isHttpUrl(url)) {
      throw new IllegalArgumentException("link url must be an absolute http(s) URL, but was \"" + url + "\"");
    }
  }

  /**
   * The links a group's alerts give: a runbook button from the first alert with an http(s)
   * {@code runbook_url} annotation, and a source link from the first http(s) generator URL.
   */
  public static List<NotificationLink> fromAlerts(List<Alert> alerts) {
    List<NotificationLink> links = new ArrayList<>();
    alerts.stream().map(a -> a.annotations().get("runbook_url")).filter(NotificationLink::isHttpUrl).findFirst()
        .ifPresent(url -> links.add(new NotificationLink(Kind.RUNBOOK, "Runbook", url)));
    alerts.stream().map(Alert::generatorURL).filter(NotificationLink::isHttpUrl).findFirst()
        .ifPresent(url -> links.add(new NotificationLink(Kind.SOURCE, "Source", url)));
    return List.copyOf(links);
  }

  /** Whether {@code text} is an absolute {@code http}/{@code https} URL without spaces or controls. */
  public static boolean isHttpUrl(String text) {
    if (text == null || !(text.startsWith("https://") || text.startsWith("http://"))) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\') {
        return false;
      }
    }
    int host = text.indexOf("//") + 2;
    return host < text.length() && text.charAt(host) != '/';
  }
}
