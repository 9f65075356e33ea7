package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code post} (rich text) message in {@code zh_cn}: a title, then paragraphs of elements.
 * Structure is the escaping here: every untrusted value is only ever the {@code text} of a
 * {@code {"tag":"text"}} element, which Lark never parses; links are {@code a} elements with
 * trusted URLs; mentions are {@code at} elements in the last paragraph. A policy template's
 * output becomes text paragraphs (one per line); links and mentions stay structural.
 */
final class PostLayout implements Layout {
  private final MessageFacts facts;
  private final String firstAlertName;
  private final Function<Page<AlertFacts>, String> template;

  PostLayout(MessageFacts facts, String firstAlertName, Function<Page<AlertFacts>, String> template) {
    this.facts = facts;
    this.firstAlertName = firstAlertName;
    this.template = template;
  }

  @Override
  public String body(Page<AlertFacts> page) {
    ObjectNode root = LarkMessages.root(LarkMessages.POST);
    ObjectNode zh = root.putObject("content").putObject("post").putObject("zh_cn");
    zh.put("title", LarkMessages.clean(facts.title(page, firstAlertName)));
    ArrayNode content = zh.putArray("content");
    if (template != null) {
      template.apply(page).lines().filter(l -> !l.isBlank()).forEach(l -> paragraph(content, l));
    } else {
      paragraph(content, facts.about().heading());
      facts.about().aboutLines("").forEach(l -> paragraph(content, l));
      if (page.isPart()) {
        paragraph(content, "Part " + page.part() + "/" + page.parts());
      }
      page.items().forEach(a -> alert(content, a));
      paragraph(content, page.moreLine());
    }
    links(content, facts.about().links());
    if (page.carriesMentions()) {
      facts.mentions().unresolvedText(LarkEscaper.Dialect.POST).lines().forEach(u -> paragraph(content, u));
      MentionMarkup plan = facts.mentions();
      if (!plan.people().isEmpty() || plan.atAll()) {
        ArrayNode p = content.addArray();
        for (Map.Entry<String, String> e : plan.people().entrySet()) {
          LarkMessages.at(p, e.getKey(), MentionMarkup.postName(e.getValue()));
        }
        if (plan.atAll()) {
          LarkMessages.at(p, MentionMarkup.ALL, MentionMarkup.ALL_NAME);
        }
      }
    }
    return LarkMessages.write(root);
  }

  private static void paragraph(ArrayNode content, String text) {
    if (!text.isEmpty()) {
      LarkMessages.text(content.addArray(), text);
    }
  }

  private static void alert(ArrayNode content, AlertFacts a) {
    paragraph(content, (a.resolved() ? NotificationFacts.RESOLVED_MARK : NotificationFacts.FIRING_MARK) + " "
        + (a.name().isEmpty() ? "alert" : a.name())
        + (a.severity().isEmpty() ? "" : " · " + a.severity())
        + (a.resolved() && !a.duration().isEmpty() ? " · resolved after " + a.duration() : ""));
    paragraph(content, a.summary());
    a.description().lines().forEach(l -> paragraph(content, l));
    paragraph(content, String.join(" · ", a.keyLabels().stream().map(e -> e.name() + "=" + e.value()).toList()));
    List<String> times = CardLayout.times(a, "");
    if (!times.isEmpty() || !a.generatorURL().isEmpty()) {
      ArrayNode p = content.addArray();
      if (!times.isEmpty()) {
        LarkMessages.text(p, String.join(" · ", times) + (a.generatorURL().isEmpty() ? "" : " · "));
      }
      if (!a.generatorURL().isEmpty()) {
        LarkMessages.link(p, "source", a.generatorURL());
      }
    }
  }

  private static void links(ArrayNode content, List<NotificationLink> links) {
    if (links.isEmpty()) {
      return;
    }
    ArrayNode p = content.addArray();
    List<NotificationLink> all = new ArrayList<>(links);
    for (int i = 0; i < all.size(); i++) {
      if (i > 0) {
        LarkMessages.text(p, " · ");
      }
      LarkMessages.link(p, MessageFacts.linkTitle(all.get(i)), all.get(i).url());
    }
  }
}
