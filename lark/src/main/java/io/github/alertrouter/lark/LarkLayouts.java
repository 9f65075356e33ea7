package io.github.alertrouter.lark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.LarkIdentities.Mentions;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.LayoutText;
import io.github.alertrouter.spi.render.Look;
import io.github.alertrouter.spi.render.MessageRenderer;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.Severity;
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.Wording;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders notifications as Lark messages of the robot's {@code msgType}, each escaped for its
 * {@link LarkDialect} and within its budget; mentions travel in the first message only. Notices
 * are text messages. Thread-safe; holds only the compiled-template cache.
 * <ul>
 *   <li><b>interactive</b>: a card in JSON <b>1.0</b> ({@code elements} at the top,
 *       {@code lark_md} text). Why not 2.0: a 2.0 card needs Feishu clients ≥ 7.20 (older ones
 *       show only the title and an upgrade notice, which for an alert means losing its content)
 *       and the whole card is rejected for any property 2.0 does not know, where 1.0 ignores it;
 *       we need nothing 2.0 adds. A header with the plain-text title and a colour
 *       ({@link #COLOURS}), a {@code div} with keyword, status, group, policy and reason, one
 *       {@code div} per alert, "…and N more alerts", an {@code action} row with a button per
 *       link, and a last {@code div} with unresolved names and the {@code <at id=…></at>} tags.
 *   <li><b>post</b> (rich text, {@code zh_cn}): structure is the escaping: every untrusted value
 *       is only ever the {@code text} of a {@code {"tag":"text"}} element, which Lark never
 *       parses; links are {@code a} elements; mentions are {@code at} elements in the last
 *       paragraph.
 *   <li><b>text</b>: no markup, so plain lines (title first, links as {@code Runbook: https://…},
 *       which clients turn into links) ending with the {@code <at user_id="…">Name</at>} tags;
 *       alert text has {@code < > &} full-width, so the only tags are ours.
 * </ul>
 *
 * <p>A message that cannot show every alert in full adds the counts per severity, alertname and
 * top label values under the reason ({@link NotificationFacts#countLines}), and says the severities
 * of the alerts it leaves out; a digest too big to show in full lists its alerts one line each
 * ({@link AlertFacts#compactLine}: one {@code div} of lines in a card, a paragraph each in a post).
 *
 * <p>A policy's template replaces the card's text {@code div}s, the post's paragraphs (one per
 * line) or the text lines between title and tags; the title, buttons, links and mentions stay
 * built-in (missing tags are appended), and so does "…and N more alerts" when it leaves alerts
 * out. Its values are core's {@link TemplateContext}, escaped for the dialect, and Lark's own:
 * <pre>
 * keyword           the robot's keyword, or ""
 * source            (of each alert) "[source](url)" in cards, the URL otherwise, or ""
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the @ tags of a card or text message ("" for post, whose at elements are
 *                   always added after the template's text; "" in parts after the first)
 * </pre>
 */
final class LarkLayouts implements MessageRenderer<LarkOptions> {
  /**
   * Header colours by {@link Severity} rank. The most severe firing alert decides; unknown or
   * missing severities count as warnings (something fires, nobody said how bad).
   */
  static final Map<Integer, String> COLOURS =
      Map.of(Severity.CRITICAL, "red", Severity.WARNING, "orange", Severity.INFO, "blue");
  static final String RESOLVED_COLOUR = "green";
  private static final int MAX_NOTICE_LINE = 500;

  /**
   * The messages for one request.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  @Override
  public List<OutboundMessage> render(RenderRequest request, LarkOptions options, Template template) {
    Notification n = request.notification();
    LarkDialect dialect = LarkDialect.of(options.msgType());
    Mentions plan = Mentions.of(request.mentions(), request.wording());
    List<AlertFacts> alerts = LarkDialect.BUDGET.alerts(n, request.displayZone(), dialect);
    String keyword = request.robot().keyword() == null ? "" : request.robot().keyword();
    String first = n.alertCount() == 0 ? "" : LarkDialect.TEXT.inline(firstName(n), AlertFacts.MAX_NAME);
    Message builtIn = Message.of(n, keyword, dialect, plan, first, request.wording());
    Message m = template == null ? builtIn : builtIn.withTemplate(templateText(template, builtIn, keyword));
    Layout layout = switch (options.msgType()) {
      case INTERACTIVE -> m::card;
      case POST -> m::post;
      case TEXT -> m::text;
    };
    // a digest too big to show in full lists its alerts one line each, after the counts
    List<Function<Page<AlertFacts>, String>> looks =
        Look.of(n).stream().<Function<Page<AlertFacts>, String>>map(look -> page -> layout.render(page, look)).toList();
    List<Paging.Fitted> bodies = LarkDialect.BUDGET.fit(alerts, request.overflow(), request.maxAlerts(), looks);
    List<OutboundMessage> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Paging.Fitted fitted = bodies.get(i);
      out.add(new OutboundMessage(options.msgType().wireName(), fitted.body(), i == 0 ? plan.resolved() : List.of(),
          fitted.omitted()));
    }
    return List.copyOf(out);
  }

  @Override
  public Map<String, Object> templateContext(Notification sample) {
    Message m = Message.of(sample, "keyword", LarkDialect.CARD, Mentions.of(List.of()), "", Wording.DEFAULT);
    return context(m, Page.whole(LarkDialect.BUDGET.alerts(sample, ZoneId.of("UTC"), LarkDialect.CARD)));
  }

  /**
   * A notice (an on-call handoff) as one {@code text} message: keyword and title, each line
   * escaped for the text dialect, unresolved people by name, and {@code <at user_id=…>} tags. A
   * text message, not a card: a handoff is a sentence, and an {@code @all} in a card would make
   * the whole notice fail in a group that forbids it.
   */
  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    Notice notice = request.notice();
    String keyword = request.robot().keyword() == null ? "" : "[" + LarkDialect.TEXT.inline(request.robot().keyword(), 40) + "] ";
    Mentions plan = Mentions.of(notice.mentions(), Wording.of(request.robot()));
    List<String> lines = new ArrayList<>();
    lines.add(keyword + LarkDialect.TEXT.inline(notice.title(), MAX_NOTICE_LINE));
    notice.lines().forEach(line -> lines.add(LarkDialect.TEXT.inline(line, MAX_NOTICE_LINE)));
    String unresolved = plan.unresolvedText(LarkDialect.TEXT);
    if (!unresolved.isEmpty()) {
      lines.add(unresolved);
    }
    return List.of(new OutboundMessage(LarkDialect.MSG_TEXT,
        textBody(Mentions.withTags(String.join("\n", lines), plan.textTagList())), plan.resolved()));
  }

  /** Green when resolved, else the colour of the most severe firing alert ({@link Severity} of its raw label). */
  static String colour(boolean resolved, List<Alert> firing) {
    if (resolved) {
      return RESOLVED_COLOUR;
    }
    int best = firing.stream().mapToInt(a -> Severity.rank(a.label("severity"))).min().orElse(Severity.WARNING);
    return COLOURS.get(best);
  }

  /**
   * A policy's template as the text of a card's markdown, the post's paragraphs or the text
   * message, with the keyword first when it left it out (Lark checks text and title values for it).
   */
  private static Function<Page<AlertFacts>, String> templateText(Template template, Message m, String keyword) {
    return page -> {
      String text = template.text(context(m, page), page, "\n");
      return keyword.isEmpty() || text.contains(keyword) ? text : "[" + keyword + "] " + text;
    };
  }

  private static Map<String, Object> context(Message m, Page<AlertFacts> page) {
    LarkDialect d = m.dialect();
    Map<String, Object> c = TemplateContext.of(m.about(), page,
        a -> d == LarkDialect.CARD ? a.markdownSource(m.wording()) : a.generatorURL());
    c.put("keyword", m.about().keyword());
    c.put("unresolved", page.carriesMentions() ? m.mentions().unresolvedText(d) : "");
    c.put("mentions", page.carriesMentions() && d != LarkDialect.POST ? m.mentions().tags(d) : "");
    return c;
  }

  private static String firstName(Notification n) {
    Alert a = n.firing().isEmpty() ? n.resolved().get(0) : n.firing().get(0);
    return a.label("alertname");
  }

  private static String textBody(String content) {
    ObjectNode root = LarkDialect.root(LarkDialect.MSG_TEXT);
    root.putObject("content").put("text", LarkDialect.clean(content));
    return LarkDialect.write(root);
  }

  /** One of a {@link Message}'s three layouts: a page in one {@link Look}. */
  @FunctionalInterface
  private interface Layout {
    String render(Page<AlertFacts> page, Look look);
  }

  /**
   * What every part of one notification's messages shares, and the three layouts over it. Immutable.
   *
   * @param about status, counts, group, policy, reason, keyword and links, escaped for {@code dialect}
   * @param dialect how the message's body text is read
   * @param titleValues the group's label values for the title, escaped for plain text
   * @param colour the card header's {@code template} colour
   * @param mentions the mention plan
   * @param firstAlertName the first alert's name for the title, escaped for plain text
   * @param template a policy template's text for a page, or {@code null} for the built-in look
   */
  private record Message(NotificationFacts about, LarkDialect dialect, String titleValues, String colour,
      Mentions mentions, String firstAlertName, Function<Page<AlertFacts>, String> template) {
    /** The built-in look of {@code n}'s messages. */
    static Message of(Notification n, String keyword, LarkDialect dialect, Mentions mentions, String firstAlertName,
        Wording wording) {
      String values = LarkDialect.TEXT.inline(String.join(" ", n.groupLabels().values()), NotificationFacts.MAX_TITLE_VALUES);
      return new Message(NotificationFacts.of(n, keyword, dialect, wording), dialect, values, LarkLayouts.colour(n.isResolved(), n.firing()),
          mentions, firstAlertName, null);
    }

    Wording wording() {
      return about.wording();
    }

    Message withTemplate(Function<Page<AlertFacts>, String> text) {
      return new Message(about, dialect, titleValues, colour, mentions, firstAlertName, text);
    }

    /** The plain-text title: {@code [alert] [FIRING:3] HighLatency payments (1/3)}. */
    String title(Page<AlertFacts> page) {
      return about.title(page, titleValues.isEmpty() ? firstAlertName : titleValues);
    }

    String card(Page<AlertFacts> page, Look look) {
      ObjectNode root = LarkDialect.root(LarkDialect.MSG_INTERACTIVE);
      ObjectNode card = root.putObject("card");
      card.putObject("config").put("wide_screen_mode", true);
      ObjectNode header = card.putObject("header");
      header.set("title", LarkDialect.plainText(title(page)));
      header.put("template", colour);
      ArrayNode elements = card.putArray("elements");
      List<String> tags = page.carriesMentions() ? mentions.cardTagList() : List.of();
      if (template == null) {
        cardText(elements, page, look);
      } else {
        LarkDialect.markdownDiv(elements, Mentions.withTags(template.apply(page), tags));
      }
      List<NotificationLink> links = about.links();
      ArrayNode actions = links.isEmpty() ? null : elements.addObject().put("tag", "action").putArray("actions");
      for (int i = 0; i < links.size(); i++) {
        ObjectNode button = actions.addObject().put("tag", "button");
        button.set("text", LarkDialect.plainText(linkTitle(links.get(i))));
        button.put("type", i == 0 ? "primary" : "default").put("url", links.get(i).url());
      }
      if (page.carriesMentions() && template == null) {
        LarkDialect.markdownDiv(elements,
            LayoutText.join("\n", mentions.unresolvedText(LarkDialect.CARD), String.join(" ", tags)));
      }
      return LarkDialect.write(root);
    }

    private void cardText(ArrayNode elements, Page<AlertFacts> page, Look look) {
      List<String> head = new ArrayList<>();
      head.add(about.heading());
      head.addAll(about.aboutLines("**"));
      head.addAll(about.countLines(page, look, "**", LarkDialect.BUDGET.summaryBytes()));
      if (page.isPart()) {
        head.add("**" + about.partLine(page) + "**");
      }
      LarkDialect.markdownDiv(elements, String.join("\n", head));
      List<AlertFacts> firing = AlertFacts.firing(page.items());
      List<AlertFacts> resolved = AlertFacts.resolved(page.items());
      boolean both = !firing.isEmpty() && !resolved.isEmpty();
      if (both) {
        elements.addObject().put("tag", "hr");
        LarkDialect.markdownDiv(elements, "**" + wording().firingHeader() + "**");
      }
      alertDivs(elements, firing, look);
      if (both) {
        elements.addObject().put("tag", "hr");
        LarkDialect.markdownDiv(elements, "**" + wording().resolvedHeader() + "**");
      }
      alertDivs(elements, resolved, look);
      LarkDialect.markdownDiv(elements, about.moreLine(page));
    }

    /** A div per alert, or for a compact look one div of lines: a div costs more than most lines. */
    private void alertDivs(ArrayNode elements, List<AlertFacts> alerts, Look look) {
      if (look.compact()) {
        List<String> lines = alerts.stream().map(a -> a.compactLine("**", dialect, look, wording())).toList();
        LarkDialect.markdownDiv(elements, String.join("\n", lines));
      } else {
        alerts.forEach(a -> LarkDialect.markdownDiv(elements, alertLines(a, "**", a.markdownSource(wording()), wording())));
      }
    }

    String post(Page<AlertFacts> page, Look look) {
      ObjectNode root = LarkDialect.root(LarkDialect.MSG_POST);
      ObjectNode zh = root.putObject("content").putObject("post").putObject("zh_cn");
      zh.put("title", LarkDialect.clean(title(page)));
      ArrayNode content = zh.putArray("content");
      if (template != null) {
        template.apply(page).lines().filter(l -> !l.isBlank()).forEach(l -> paragraph(content, l));
      } else {
        paragraph(content, about.heading());
        about.aboutLines("").forEach(l -> paragraph(content, l));
        about.countLines(page, look, "", LarkDialect.BUDGET.summaryBytes()).forEach(l -> paragraph(content, l));
        paragraph(content, about.partLine(page));
        if (look.compact()) {
          page.items().forEach(a -> paragraph(content, a.compactLine("", dialect, look, wording())));
        } else {
          page.items().forEach(a -> postAlert(content, a, wording()));
        }
        paragraph(content, about.moreLine(page));
      }
      if (!about.links().isEmpty()) {
        ArrayNode p = content.addArray();
        for (int i = 0; i < about.links().size(); i++) {
          if (i > 0) {
            LarkDialect.text(p, " · ");
          }
          LarkDialect.link(p, linkTitle(about.links().get(i)), about.links().get(i).url());
        }
      }
      if (page.carriesMentions()) {
        mentions.unresolvedText(LarkDialect.POST).lines().forEach(u -> paragraph(content, u));
        if (!mentions.people().isEmpty() || mentions.atAll()) {
          ArrayNode p = content.addArray();
          mentions.people().forEach((id, name) -> LarkDialect.at(p, id, Mentions.postName(name)));
          if (mentions.atAll()) {
            LarkDialect.at(p, Mentions.ALL, Mentions.ALL_NAME);
          }
        }
      }
      return LarkDialect.write(root);
    }

    private static void postAlert(ArrayNode content, AlertFacts a, Wording w) {
      paragraph(content, a.headline(a.mark(), "", w.resolvedAfter(), w));
      paragraph(content, a.summary());
      a.description().lines().forEach(l -> paragraph(content, l));
      paragraph(content, a.keyLabelLine());
      List<String> times = a.times(w);
      if (!times.isEmpty() || !a.generatorURL().isEmpty()) {
        ArrayNode p = content.addArray();
        if (!times.isEmpty()) {
          LarkDialect.text(p, String.join(" · ", times) + (a.generatorURL().isEmpty() ? "" : " · "));
        }
        if (!a.generatorURL().isEmpty()) {
          LarkDialect.link(p, w.source(), a.generatorURL());
        }
      }
    }

    private static void paragraph(ArrayNode content, String text) {
      if (!text.isEmpty()) {
        LarkDialect.text(content.addArray(), text);
      }
    }

    String text(Page<AlertFacts> page, Look look) {
      List<String> tags = page.carriesMentions() ? mentions.textTagList() : List.of();
      if (template != null) {
        return textBody(Mentions.withTags(template.apply(page), tags));
      }
      List<String> lines = new ArrayList<>();
      lines.add(title(page));
      lines.add(about.heading());
      lines.addAll(about.aboutLines(""));
      lines.addAll(about.countLines(page, look, "", LarkDialect.BUDGET.summaryBytes()));
      if (look.compact() && !page.items().isEmpty()) {
        lines.add("");
      }
      for (AlertFacts a : page.items()) {
        if (look.compact()) {
          lines.add(a.compactLine("", dialect, look, wording()));
        } else {
          lines.add("");
          lines.add(alertLines(a, "", a.generatorURL().isEmpty() ? "" : wording().source() + ": " + a.generatorURL(),
              wording()));
        }
      }
      if (page.omitted() > 0) {
        lines.add("");
        lines.add(about.moreLine(page));
      }
      about.links().forEach(l -> lines.add(linkTitle(l) + ": " + l.url()));
      if (page.carriesMentions()) {
        lines.add(mentions.unresolvedText(LarkDialect.TEXT));
        lines.add(String.join(" ", tags));
      }
      return textBody(String.join("\n", lines).strip());
    }

    /** One alert as lines: marker, name and severity; summary; description; key labels; times and source. */
    private static String alertLines(AlertFacts a, String bold, String source, Wording w) {
      List<String> times = new ArrayList<>(a.times(w));
      times.add(source);
      return LayoutText.join("\n", a.headline(a.mark(), bold, w.resolvedAfter(), w), a.summary(), a.description(),
          a.keyLabelLine(), LayoutText.join(" · ", times));
    }

    /** A link title as plain text. */
    private static String linkTitle(NotificationLink link) {
      return LarkDialect.TEXT.inline(link.title(), NotificationFacts.MAX_LINK_TITLE);
    }
  }
}
