package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in {@code text} content: the same facts as {@link MarkdownLayout} in plain lines
 * (text renders no markup, so links are written as {@code Runbook: url}, which clients link).
 * Mentions travel in the message's lists, not in the content. Every untrusted value arrives escaped
 * for the text dialect.
 */
record TextLayout(MessageFacts facts) implements Layout {
  @Override
  public String text(Page<AlertFacts> page) {
    List<String> blocks = new ArrayList<>();
    String first = page.items().isEmpty() ? "" : page.items().get(0).name();
    String part = MessageFacts.partMarker(page);
    List<String> head = new ArrayList<>();
    head.add(facts.title(first) + (part.isEmpty() ? "" : " " + part));
    head.addAll(facts.about().aboutLines(""));
    blocks.add(String.join("\n", head));
    AlertFacts.firing(page.items()).forEach(a -> blocks.add(alert(a)));
    AlertFacts.resolved(page.items()).forEach(a -> blocks.add(alert(a)));
    blocks.add(page.moreLine());
    blocks.add(facts.textLinkLines());
    if (page.carriesMentions()) {
      blocks.add(facts.mentions().unresolvedText());
    }
    return String.join("\n\n", blocks.stream().filter(b -> !b.isEmpty()).toList());
  }

  private static String alert(AlertFacts a) {
    List<String> lines = new ArrayList<>();
    lines.add((a.resolved() ? NotificationFacts.RESOLVED_MARK + " RESOLVED " : NotificationFacts.FIRING_MARK + " FIRING ")
        + (a.name().isEmpty() ? "alert" : a.name())
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · after " + a.duration() : ""));
    lines.add(a.summary());
    lines.add(a.description());
    lines.add(String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList()));
    String when = a.startsAt().isEmpty() ? "" : "started " + a.startsAt();
    if (a.resolved() && !a.endsAt().isEmpty()) {
      when += (when.isEmpty() ? "" : " · ") + "ended " + a.endsAt();
    }
    lines.add(when);
    lines.add(a.generatorURL().isEmpty() ? "" : "source: " + a.generatorURL());
    return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }
}
