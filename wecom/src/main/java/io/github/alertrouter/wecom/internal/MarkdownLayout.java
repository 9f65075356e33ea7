package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in markdown content, for {@code markdown} and (without colours or tokens)
 * {@code markdown_v2}. Only the tiny dialect of docs/platforms.md §3.7 is used: a heading, bold,
 * links, quotes and {@code <font color>}:
 *
 * <ul>
 *   <li>{@code warning} (orange-red) for what fires: the status of a firing notification and each
 *       firing alert's marker;
 *   <li>{@code info} (green) for what resolved;
 *   <li>{@code comment} (grey) for meta: group, policy, reason, labels, times.
 * </ul>
 * markdown_v2 has no colour: the same words without {@code <font>}, which it would show literally.
 * Blocks are separated by a blank line, lines inside a block by one newline (WeCom keeps single
 * newlines). Every untrusted value arrives escaped (see {@link AlertFacts}).
 */
final class MarkdownLayout implements Layout {
  static final String WARNING = "warning";
  static final String INFO = "info";
  static final String COMMENT = "comment";

  private final MessageFacts facts;
  private final boolean colours;

  /** @param colours {@code true} for markdown, {@code false} for markdown_v2 */
  MarkdownLayout(MessageFacts facts, boolean colours) {
    this.facts = facts;
    this.colours = colours;
  }

  @Override
  public String text(Page<AlertFacts> page) {
    List<String> blocks = new ArrayList<>();
    String first = page.items().isEmpty() ? "" : page.items().get(0).name();
    blocks.add(heading(first, page));
    blocks.add(about());
    List<AlertFacts> firing = AlertFacts.firing(page.items());
    List<AlertFacts> resolved = AlertFacts.resolved(page.items());
    firing.forEach(a -> blocks.add(alert(a)));
    resolved.forEach(a -> blocks.add(alert(a)));
    blocks.add(page.moreLine());
    blocks.add(facts.markdownLinkLine());
    if (page.carriesMentions()) {
      blocks.add(facts.mentions().unresolvedText());
      blocks.add(facts.tokenLine());
    }
    return String.join("\n\n", blocks.stream().filter(b -> !b.isEmpty()).toList());
  }

  private String heading(String firstName, Page<AlertFacts> page) {
    String subject = facts.subject(firstName);
    String part = MessageFacts.partMarker(page);
    return "## " + font(facts.about().resolved() ? INFO : WARNING, facts.about().statusLine())
        + (subject.isEmpty() ? "" : " " + subject) + (part.isEmpty() ? "" : " " + part);
  }

  private String about() {
    List<String> lines = new ArrayList<>();
    if (!facts.about().groupLabels().isEmpty()) {
      lines.add("> " + font(COMMENT, "Group: " + facts.about().groupText()));
    }
    lines.add("> " + font(COMMENT, "Policy: " + facts.about().policy() + " · Reason: " + facts.about().reason()));
    if (facts.about().groups() > 1) {
      lines.add("> **Digest:** merges " + facts.about().groups() + " groups");
    }
    return String.join("\n", lines);
  }

  /** One alert: marker, name and severity; summary; description; key labels; times and source. */
  private String alert(AlertFacts a) {
    List<String> lines = new ArrayList<>();
    String marker = a.resolved()
        ? font(INFO, NotificationFacts.RESOLVED_MARK + " RESOLVED")
        : font(WARNING, NotificationFacts.FIRING_MARK + " FIRING");
    lines.add(marker + " **" + (a.name().isEmpty() ? "alert" : a.name()) + "**"
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · after " + a.duration() : ""));
    lines.add(a.summary());
    lines.add(a.description());
    String labels = String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList());
    lines.add(labels.isEmpty() ? "" : font(COMMENT, labels));
    String when = a.startsAt().isEmpty() ? "" : "started " + a.startsAt();
    if (a.resolved() && !a.endsAt().isEmpty()) {
      when += (when.isEmpty() ? "" : " · ") + "ended " + a.endsAt();
    }
    String source = Links.source(a.generatorURL());
    String timeLine = when.isEmpty() ? "" : font(COMMENT, when);
    lines.add(timeLine.isEmpty() || source.isEmpty() ? timeLine + source : timeLine + " · " + source);
    return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }

  private String font(String colour, String text) {
    return colours ? "<font color=\"" + colour + "\">" + text + "</font>" : text;
  }
}
