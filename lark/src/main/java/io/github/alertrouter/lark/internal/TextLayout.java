package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@code text} message: no markup, so the built-in look is plain lines (title first, links as
 * {@code Runbook: https://…}, which clients turn into links) ending with the
 * {@code <at user_id="…">Name</at>} tags. Alert text arrives with {@code < > &} made full-width
 * ({@link Dialect#TEXT}), so the only tags are ours. A policy template replaces the lines between
 * the title and the tags.
 */
final class TextLayout implements Layout {
  private final MessageFacts facts;
  private final String firstAlertName;
  private final Function<Page<AlertFacts>, String> template;

  TextLayout(MessageFacts facts, String firstAlertName, Function<Page<AlertFacts>, String> template) {
    this.facts = facts;
    this.firstAlertName = firstAlertName;
    this.template = template;
  }

  @Override
  public String body(Page<AlertFacts> page) {
    List<String> tags = page.carriesMentions() ? facts.mentions().textTagList() : List.of();
    String content;
    if (template != null) {
      content = MentionMarkup.withTags(template.apply(page), tags);
    } else {
      List<String> lines = new ArrayList<>();
      lines.add(facts.title(page, firstAlertName));
      lines.add(facts.about().heading());
      lines.addAll(facts.about().aboutLines(""));
      for (AlertFacts a : page.items()) {
        lines.add("");
        lines.add(alert(a));
      }
      if (!page.moreLine().isEmpty()) {
        lines.add("");
        lines.add(page.moreLine());
      }
      for (NotificationLink l : facts.about().links()) {
        lines.add(MessageFacts.linkTitle(l) + ": " + l.url());
      }
      if (page.carriesMentions()) {
        lines.add(facts.mentions().unresolvedText(Dialect.TEXT));
        lines.add(String.join(" ", tags));
      }
      content = String.join("\n", lines.stream().filter(l -> l != null).toList()).strip();
    }
    ObjectNode root = LarkMessages.root(LarkMessages.TEXT);
    root.putObject("content").put("text", LarkMessages.clean(content));
    return LarkMessages.write(root);
  }

  static String alert(AlertFacts a) {
    List<String> lines = new ArrayList<>();
    lines.add((a.resolved() ? NotificationFacts.RESOLVED_MARK : NotificationFacts.FIRING_MARK) + " "
        + (a.name().isEmpty() ? "alert" : a.name())
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · resolved after " + a.duration() : ""));
    lines.add(a.summary());
    lines.add(a.description());
    lines.add(String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList()));
    lines.add(String.join(" · ", CardLayout.times(a, a.generatorURL().isEmpty() ? "" : "source: " + a.generatorURL())));
    return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }
}
