package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The interactive card, in card JSON <b>1.0</b> ({@code elements} at the top, {@code lark_md}
 * text). Why not 2.0: a 2.0 card needs Feishu clients ≥ 7.20 (older ones show only the title and
 * an upgrade notice, which for an alert means losing its content) and the whole card is rejected
 * for any property 2.0 does not know, where 1.0 ignores it; we need nothing 2.0 adds (tables,
 * {@code <at ids=…>}). Layout: a header with the plain-text title and a colour
 * ({@link MessageFacts#COLOURS}), a {@code div} with keyword, status, group, policy and reason,
 * one {@code div} per alert, "…and N more alerts", an {@code action} row with a button per link,
 * and a last {@code div} with unresolved names and the {@code <at id=…></at>} tags. A policy
 * template replaces the text {@code div}s with one; buttons and mentions stay.
 */
final class CardLayout implements Layout {
  private final MessageFacts facts;
  private final String firstAlertName;
  private final Function<Page<AlertFacts>, String> template;

  CardLayout(MessageFacts facts, String firstAlertName, Function<Page<AlertFacts>, String> template) {
    this.facts = facts;
    this.firstAlertName = firstAlertName;
    this.template = template;
  }

  @Override
  public String body(Page<AlertFacts> page) {
    ObjectNode root = LarkMessages.root(LarkMessages.INTERACTIVE);
    ObjectNode card = root.putObject("card");
    card.putObject("config").put("wide_screen_mode", true);
    ObjectNode header = card.putObject("header");
    header.set("title", LarkMessages.plainText(facts.title(page, firstAlertName)));
    header.put("template", facts.colour());
    ArrayNode elements = card.putArray("elements");
    List<String> mentionTags = page.carriesMentions() ? facts.mentions().cardTagList() : List.of();
    if (template == null) {
      builtIn(elements, page);
    } else {
      String text = template.apply(page);
      LarkMessages.markdownDiv(elements, MentionMarkup.withTags(text, mentionTags));
      mentionTags = List.of();
    }
    buttons(elements, facts.about().links());
    if (page.carriesMentions()) {
      String tail = String.join("\n", List.of(facts.mentions().unresolvedText(LarkEscaper.Dialect.CARD),
          String.join(" ", mentionTags)).stream().filter(s -> !s.isEmpty()).toList());
      LarkMessages.markdownDiv(elements, template == null ? tail : "");
    }
    return LarkMessages.write(root);
  }

  private void builtIn(ArrayNode elements, Page<AlertFacts> page) {
    List<String> head = new ArrayList<>();
    head.add(facts.about().heading());
    head.addAll(facts.about().aboutLines("**"));
    if (page.isPart()) {
      head.add("**Part " + page.part() + "/" + page.parts() + "**");
    }
    LarkMessages.markdownDiv(elements, String.join("\n", head));
    List<AlertFacts> firing = AlertFacts.firing(page.items());
    List<AlertFacts> resolved = AlertFacts.resolved(page.items());
    boolean both = !firing.isEmpty() && !resolved.isEmpty();
    if (both) {
      elements.addObject().put("tag", "hr");
      LarkMessages.markdownDiv(elements, "**Firing**");
    }
    firing.forEach(a -> LarkMessages.markdownDiv(elements, alert(a)));
    if (both) {
      elements.addObject().put("tag", "hr");
      LarkMessages.markdownDiv(elements, "**Resolved**");
    }
    resolved.forEach(a -> LarkMessages.markdownDiv(elements, alert(a)));
    LarkMessages.markdownDiv(elements, page.moreLine());
  }

  private static void buttons(ArrayNode elements, List<NotificationLink> links) {
    if (links.isEmpty()) {
      return;
    }
    ArrayNode actions = elements.addObject().put("tag", "action").putArray("actions");
    for (int i = 0; i < links.size(); i++) {
      NotificationLink l = links.get(i);
      ObjectNode button = actions.addObject().put("tag", "button");
      button.set("text", LarkMessages.plainText(MessageFacts.linkTitle(l)));
      button.put("type", i == 0 ? "primary" : "default").put("url", l.url());
    }
  }

  /** One alert in {@code lark_md}: marker, name and severity; summary; description; key labels; times, source. */
  static String alert(AlertFacts a) {
    List<String> lines = new ArrayList<>();
    lines.add((a.resolved() ? NotificationFacts.RESOLVED_MARK : NotificationFacts.FIRING_MARK)
        + " **" + (a.name().isEmpty() ? "alert" : a.name()) + "**"
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · resolved after " + a.duration() : ""));
    lines.add(a.summary());
    lines.add(a.description());
    lines.add(String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList()));
    String source = a.generatorURL().isEmpty() ? "" : "[source](" + LarkMessages.markdownUrl(a.generatorURL()) + ")";
    lines.add(String.join(" · ", times(a, source)));
    return String.join("\n", lines.stream().filter(l -> !l.isEmpty()).toList());
  }

  /** {@code started … · ended … · extra}, empty parts left out. */
  static List<String> times(AlertFacts a, String extra) {
    List<String> parts = new ArrayList<>();
    if (!a.startsAt().isEmpty()) {
      parts.add("started " + a.startsAt());
    }
    if (a.resolved() && !a.endsAt().isEmpty()) {
      parts.add("ended " + a.endsAt());
    }
    if (!extra.isEmpty()) {
      parts.add(extra);
    }
    return parts;
  }
}
