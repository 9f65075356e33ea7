package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in text: a heading with keyword, status marker and counts; the group, policy, reason
 * (and digest size); one block per alert; "…and N more alerts"; links; unresolved names; and the
 * @tokens on the last line. Blocks and the lines inside them are separated by blank lines because
 * DingTalk's handling of single newlines is unverified (docs/platforms.md §1.7). Every untrusted value arrives escaped (see {@link AlertFacts}).
 */
record MarkdownLayout(MessageFacts facts) implements Layout {
  @Override
  public String text(Page<AlertFacts> page) {
    List<String> blocks = new ArrayList<>();
    blocks.add(heading(page));
    blocks.add(about());
    if (page.isPart()) {
      blocks.add("**Part " + page.part() + "/" + page.parts() + "**");
    }
    List<AlertFacts> firing = AlertFacts.firing(page.items());
    List<AlertFacts> resolved = AlertFacts.resolved(page.items());
    if (!firing.isEmpty() && !resolved.isEmpty()) {
      blocks.add("**Firing**");
    }
    firing.forEach(a -> blocks.add(alert(a)));
    if (!firing.isEmpty() && !resolved.isEmpty()) {
      blocks.add("**Resolved**");
    }
    resolved.forEach(a -> blocks.add(alert(a)));
    blocks.add(page.moreLine());
    blocks.add(facts.linkLine());
    if (page.carriesMentions()) {
      blocks.add(facts.mentions().unresolvedText());
      blocks.add(facts.tokenLine());
    }
    return String.join("\n\n", blocks.stream().filter(b -> !b.isEmpty()).toList());
  }

  private String heading(Page<AlertFacts> page) {
    return "### " + facts.about().heading();
  }

  private String about() {
    return String.join("\n\n", facts.about().aboutLines("**"));
  }

  /** One alert: marker, name and severity; summary; description; key labels; times and source. */
  static String alert(AlertFacts a) {
    List<String> lines = new ArrayList<>();
    String head = (a.resolved() ? NotificationFacts.RESOLVED_MARK : NotificationFacts.FIRING_MARK)
        + " **" + (a.name().isEmpty() ? "alert" : a.name()) + "**"
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · resolved after " + a.duration() : "");
    lines.add(head);
    lines.add(a.summary());
    lines.add(a.description());
    lines.add(String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList()));
    String when = a.startsAt().isEmpty() ? "" : "started " + a.startsAt();
    if (a.resolved() && !a.endsAt().isEmpty()) {
      when += (when.isEmpty() ? "" : " · ") + "ended " + a.endsAt();
    }
    String source = Links.source(a.generatorURL());
    lines.add(when.isEmpty() || source.isEmpty() ? when + source : when + " · " + source);
    // a blank line between lines too: whether DingTalk breaks on a single newline is unverified
    return String.join("\n\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }
}
