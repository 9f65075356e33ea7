package io.github.alertrouter.spi.render;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every message of one notification shares, whatever the platform: status, counts, group,
 * policy, reason, digest size, keyword and links, with untrusted values made inert by the message
 * dialect's {@link Escaper}. A platform adds what is its own (mention markup, colours) beside it.
 * Immutable and thread-safe.
 *
 * @param escaper the message dialect's escaper
 * @param resolved whether every alert resolved (the "resolved" look)
 * @param firingCount alerts firing
 * @param resolvedCount alerts resolved
 * @param groupLabels the group's labels, escaped, without the internal ones ({@code __…})
 * @param policy the policy name, escaped, within {@link AlertFacts#MAX_NAME}
 * @param reason why it is sent ({@code first notification}), escaped, within {@link #MAX_REASON}
 * @param groups how many groups a digest merges (1 otherwise)
 * @param keyword the robot's keyword verbatim (trusted config: it must match exactly), or {@code ""}
 * @param links the trusted links, titles as the notification has them (see {@link #escapedLinks})
 * @param counts its alerts counted by severity, alertname and label value, keys escaped
 * @param wording the language of the built-in words (the robot's {@code locale})
 */
public record NotificationFacts(
    Escaper escaper, boolean resolved, int firingCount, int resolvedCount, List<AlertFacts.Entry> groupLabels,
    String policy, String reason, int groups, String keyword, List<NotificationLink> links, AlertCounts counts,
    Wording wording) {
  /** Marks a firing alert or status. */
  public static final String FIRING_MARK = "🔥";
  /** Marks a resolved alert or status. */
  public static final String RESOLVED_MARK = "✅";
  /** Longest link title, in escaped units. */
  public static final int MAX_LINK_TITLE = 40;
  /** Longest reason (with who acknowledged, or which escalation step), in escaped units. */
  public static final int MAX_REASON = 200;
  /** Longest run of group values in a title, in escaped units. */
  public static final int MAX_TITLE_VALUES = 120;

  /**
   * Copies the lists and turns a {@code null} keyword into {@code ""}.
   *
   * @throws NullPointerException if {@code escaper}, {@code counts}, {@code wording} or a list is null
   */
  public NotificationFacts {
    Objects.requireNonNull(escaper, "escaper");
    groupLabels = List.copyOf(groupLabels);
    links = List.copyOf(links);
    keyword = keyword == null ? "" : keyword;
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(wording, "wording");
  }

  /**
   * The facts of {@code n} for a message escaped by {@code escaper}, in {@link Wording#DEFAULT}.
   *
   * @param keyword the robot's keyword, or {@code null} (or {@code ""}) for none
   */
  public static NotificationFacts of(Notification n, String keyword, Escaper escaper) {
    return of(n, keyword, escaper, Wording.DEFAULT);
  }

  /**
   * The facts of {@code n} for a message escaped by {@code escaper}, its reason and built-in link
   * titles in {@code wording}.
   *
   * @param keyword the robot's keyword, or {@code null} (or {@code ""}) for none
   */
  public static NotificationFacts of(Notification n, String keyword, Escaper escaper, Wording wording) {
    List<AlertFacts.Entry> group = new ArrayList<>();
    n.groupLabels().forEach((name, value) -> {
      if (!AlertFacts.internal(name)) {
        group.add(AlertFacts.Entry.label(name, value, escaper));
      }
    });
    List<NotificationLink> links = n.links().stream()
        .map(l -> new NotificationLink(l.kind(), wording.linkTitle(l), l.url())).toList();
    return new NotificationFacts(escaper, n.isResolved(), n.firing().size(), n.resolved().size(), group,
        escaper.inline(n.policy(), AlertFacts.MAX_NAME),
        // who acknowledged is what someone typed on the claim page: text like any alert value
        escaper.inline(wording.reason(n.reason(), n.reasonDetail()), MAX_REASON), n.groups(),
        keyword, links, AlertCounts.of(n, escaper), wording);
  }

  /** {@code firing} or {@code resolved}. */
  public String status() {
    return resolved ? "resolved" : "firing";
  }

  /**
   * {@code 🔥 FIRING:3}, {@code 🔥 FIRING:2 · ✅ RESOLVED:1}, {@code ✅ RESOLVED:2}; the status
   * words in {@link #wording} ({@code 🔥 告警:3}).
   */
  public String statusLine() {
    String resolvedPart = RESOLVED_MARK + " " + wording.resolved() + ":" + resolvedCount;
    if (resolved) {
      return resolvedPart;
    }
    return FIRING_MARK + " " + wording.firing() + ":" + firingCount + (resolvedCount == 0 ? "" : " · " + resolvedPart);
  }

  /** The group's escaped values, {@code HighLatency payments}, or {@code ""}. */
  public String groupValues() {
    return String.join(" ", groupLabels.stream().map(AlertFacts.Entry::value).toList());
  }

  /** {@code alertname=HighLatency, service=payments}. */
  public String groupText() {
    return String.join(", ", groupLabels.stream().map(e -> e.name() + "=" + e.value()).toList());
  }

  /** The keyword in brackets and a blank, {@code [alert] }, or {@code ""}. */
  public String keywordPrefix() {
    return keyword.isEmpty() ? "" : "[" + keyword + "] ";
  }

  /** Keyword, status and group values on one line: {@code [alert] 🔥 FIRING:3 · HighLatency payments}. */
  public String heading() {
    String group = groupValues();
    return keywordPrefix() + statusLine() + (group.isEmpty() ? "" : " · " + group);
  }

  /**
   * The title a chat list shows: {@code [alert] [FIRING:3] HighLatency payments (1/3)}.
   *
   * @param subject what the notification is about, already escaped for the title (usually the
   *     group's values, else the first alert's name), or {@code ""}
   */
  public String title(Page<?> page, String subject) {
    StringBuilder t = new StringBuilder(keywordPrefix());
    t.append(resolved ? "[" + wording.resolved() + ":" + resolvedCount + "]" : "[" + wording.firing() + ":" + firingCount + "]");
    if (!subject.isEmpty()) {
      t.append(' ').append(subject);
    }
    if (page.isPart()) {
      t.append(" (").append(page.part()).append('/').append(page.parts()).append(')');
    }
    return t.toString();
  }

  /** Group, policy, reason and digest size, one per line, each label between {@code bold} markers. */
  public List<String> aboutLines(String bold) {
    List<String> lines = new ArrayList<>();
    if (!groupLabels.isEmpty()) {
      lines.add(bold + wording.group() + bold + " " + groupText());
    }
    lines.add(bold + wording.policy() + bold + " " + policy + " · " + bold + wording.reason() + bold + " " + reason);
    if (groups > 1) {
      lines.add(bold + wording.digest() + bold + " " + wording.mergesGroups(groups));
    }
    return lines;
  }

  /**
   * The counts summary ({@link AlertCounts#lines}) on the pages that need it, else empty: the
   * first page of a compact listing (a digest too big to show in full), and every page that leaves
   * alerts out, so that a reader learns the whole storm's counts whatever was named. It is part of
   * what a page always writes, so fitting cuts alerts, never the counts.
   *
   * @param look how the page lists its alerts
   * @param maxBytes the most the lines may take ({@link ByteBudget#summaryBytes})
   */
  public List<String> countLines(Page<?> page, Look look, String bold, int maxBytes) {
    boolean shown = look.compact() ? page.part() == 1 : page.omitted() > 0;
    return shown ? counts.lines(bold, maxBytes, wording) : List.of();
  }

  /**
   * The page's "…and N more alerts" line with the severities of those left out,
   * {@code …and 9854 more alerts (2787 critical · 5999 warning · 995 info)}, or {@code ""}.
   */
  public String moreLine(Page<?> page) {
    String more = plainMoreLine(page);
    String remainder = more.isEmpty() ? "" : counts.remainder(page.omitted(), wording);
    return remainder.isEmpty() ? more : more + " (" + remainder + ")";
  }

  /** The page's "…and N more alerts" line in {@link #wording} ({@link Wording#more}), or {@code ""}. */
  public String plainMoreLine(Page<?> page) {
    return page.omitted() == 0 ? "" : wording.more(page.omitted());
  }

  /** The heading over the alerts of {@code part} of a split notification, {@code Part 1/3}, or {@code ""}. */
  public String partLine(Page<?> page) {
    return page.isPart() ? wording.part(page.part(), page.parts()) : "";
  }

  /** The links with their titles escaped, within {@link #MAX_LINK_TITLE}; URLs are trusted and kept. */
  public List<NotificationLink> escapedLinks() {
    return links.stream()
        .map(l -> new NotificationLink(l.kind(), escaper.inline(l.title(), MAX_LINK_TITLE), l.url())).toList();
  }
}
