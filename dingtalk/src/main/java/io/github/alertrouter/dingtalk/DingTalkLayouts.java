package io.github.alertrouter.dingtalk;

import io.github.alertrouter.dingtalk.DingTalkDialect.Mentions;
import io.github.alertrouter.notify.Notification;
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
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.Wording;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders notifications and notices as DingTalk messages: markdown by default, or an action card
 * with a button per link. Thread-safe; holds only the compiled-template cache.
 *
 * <p>The built-in text: a heading with keyword, status marker and counts; the group, policy,
 * reason (and digest size); when not every alert is shown in full, the counts per severity,
 * alertname and top label values ({@link NotificationFacts#countLines}); one block per alert, or
 * for a digest too big to show in full one line per alert ({@link AlertFacts#compactLine});
 * "…and N more alerts" with their severities; links; unresolved names; and the @tokens on the
 * last line. Blocks and the lines inside them are separated by blank lines
 * because DingTalk's handling of single newlines is unverified (docs/platforms.md §1.7). Every
 * untrusted value arrives escaped (see {@link AlertFacts}).
 *
 * <p>A policy's (or the robot's) template replaces the text; the title stays built-in unless a Go
 * template has a {@code title}. Its values are core's
 * {@link TemplateContext}, escaped by {@link DingTalkDialect}, and DingTalk's own:
 * <pre>
 * keyword           the robot's keyword, or ""
 * source            (of each alert) "[source](url)" or ""
 * linkLine          "[Runbook](url) · ..." (markdown only)
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the @tokens ("@13800000001 @manager7"); "" in parts after the first
 * </pre>
 * Two things a template cannot lose: when it leaves alerts out and does not print
 * {@code {{more}}}, the "…and N more alerts" line is appended; when it omits any @token, the
 * missing tokens are appended on a last line.
 *
 * <p>Action cards have no documented {@code at} field, so a card writes only {@code @userId}
 * tokens (what the doc shows) and, when anyone is mentioned, is followed by a small {@code text}
 * message with the keyword, the title, every @token and the {@code at} object: the second
 * message is what notifies people, including those known only by mobile. A card without links
 * would have no button, so it falls back to markdown.
 */
final class DingTalkLayouts implements MessageRenderer<DingTalkOptions> {
  private static final int MAX_NOTICE_LINE = 500;

  /**
   * The messages for one request, each within {@link DingTalkDialect#MAX_BODY_BYTES}.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  @Override
  public List<OutboundMessage> render(RenderRequest request, DingTalkOptions options, Template template) {
    Notification n = request.notification();
    Mentions plan = Mentions.of(request.mentions(), request.wording());
    boolean card = options.msgType() == DingTalkOptions.MsgType.ACTION_CARD && !n.links().isEmpty();
    Facts facts = Facts.of(n, request.robot().keyword(), !card, plan, card ? plan.userIdTokens() : plan.tokens(),
        request.wording());
    // a digest too big to show in full lists its alerts one line each, after the counts
    List<Function<Page<AlertFacts>, String>> texts = template != null ? List.of(templateText(template, facts))
        : Look.of(n).stream().<Function<Page<AlertFacts>, String>>map(look -> page -> facts.markdown(page, look)).toList();
    List<AlertFacts> alerts = DingTalkDialect.BUDGET.alerts(n, request.displayZone(), DingTalkDialect.MARKDOWN);
    String firstName = alerts.isEmpty() ? "" : alerts.get(0).name();
    // a Go template may have its own title (prometheus-webhook-dingtalk's message.title)
    boolean titled = template != null && template.hasTitle();
    Function<Page<AlertFacts>, String> title = page -> {
      String own = titled ? template.title(context(facts, page), page) : null;
      return own != null ? own : facts.title(page, firstName);
    };
    Function<Function<Page<AlertFacts>, String>, Function<Page<AlertFacts>, String>> body = text -> card
        ? page -> DingTalkDialect.actionCard(
            title.apply(page), text.apply(page), options.btnOrientation(), facts.about().links())
        : page -> DingTalkDialect.markdown(
            title.apply(page), text.apply(page), page.carriesMentions() ? plan : null);
    List<Function<Page<AlertFacts>, String>> looks = texts.stream().map(body).toList();

    List<OutboundMessage> out = new ArrayList<>();
    List<Paging.Fitted> bodies = DingTalkDialect.BUDGET.fit(alerts, request.overflow(), request.maxAlerts(), looks);
    for (int i = 0; i < bodies.size(); i++) {
      Paging.Fitted fitted = bodies.get(i);
      if (card) {
        out.add(new OutboundMessage(DingTalkDialect.ACTION_CARD, fitted.body(), List.of(), fitted.omitted()));
        if (i == 0 && plan.hasResolved()) {
          String content = facts.title(Page.whole(alerts), firstName) + "\n" + String.join(" ", plan.tokens());
          out.add(new OutboundMessage(DingTalkDialect.TEXT, DingTalkDialect.mentionText(content, plan), plan.resolved()));
        }
      } else {
        out.add(new OutboundMessage(DingTalkDialect.MARKDOWN_TYPE, fitted.body(),
            i == 0 ? plan.resolved() : List.of(), fitted.omitted()));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean usesTitles() {
    return true;
  }

  @Override
  public Map<String, Object> templateContext(Notification sample) {
    Facts facts = Facts.of(sample, "keyword", true, Mentions.of(List.of()), List.of(), Wording.DEFAULT);
    return context(facts, Page.whole(DingTalkDialect.BUDGET.alerts(sample, ZoneId.of("UTC"), DingTalkDialect.MARKDOWN)));
  }

  /**
   * A notice (an on-call handoff) as one markdown message: the keyword and title as a heading,
   * each line escaped like alert text (names come from configuration, still not markup),
   * unresolved people by name, and the @tokens with the {@code at} object, as for alerts. Notices
   * are a few lines, far below the byte limit; each line is still bounded.
   */
  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    Notice notice = request.notice();
    String keyword = request.robot().keyword() == null ? "" : "[" + DingTalkDialect.inline(request.robot().keyword()) + "] ";
    String title = keyword + DingTalkDialect.inline(notice.title(), MAX_NOTICE_LINE);
    Mentions plan = Mentions.of(notice.mentions(), Wording.of(request.robot()));
    List<String> blocks = new ArrayList<>();
    blocks.add("### " + title);
    notice.lines().forEach(line -> blocks.add(DingTalkDialect.inline(line, MAX_NOTICE_LINE)));
    if (!plan.unresolved().isEmpty()) {
      blocks.add(plan.unresolvedText());
    }
    String text = Mentions.withTokens(String.join("\n\n", blocks), plan.tokens());
    return List.of(new OutboundMessage(DingTalkDialect.MARKDOWN_TYPE, DingTalkDialect.markdown(title, text, plan),
        notice.mentions()));
  }

  private static Function<Page<AlertFacts>, String> templateText(Template template, Facts facts) {
    return page -> {
      String text = template.text(context(facts, page), page, "\n\n");
      return page.carriesMentions() ? Mentions.withTokens(text, facts.tokens()) : text;
    };
  }

  /** The values a template sees for {@code page}. */
  private static Map<String, Object> context(Facts facts, Page<AlertFacts> page) {
    Map<String, Object> c = TemplateContext.of(facts.about(), page, a -> a.markdownSource(facts.wording()));
    c.put("keyword", facts.about().keyword());
    c.put("linkLine", facts.linkLine());
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText() : "");
    c.put("mentions", page.carriesMentions() ? facts.tokenLine() : "");
    return c;
  }

  /**
   * What every part of one notification's messages shares: the notification's facts (escaped for
   * markdown), and what is DingTalk's own: where links go and the mention tokens. Immutable.
   *
   * @param about status, counts, group, policy, reason, keyword and links
   * @param linksInText whether links are written in the text (markdown) or are buttons (action card)
   * @param mentions the mention plan
   * @param tokens the @tokens this message type writes in its text
   */
  private record Facts(NotificationFacts about, boolean linksInText, Mentions mentions, List<String> tokens) {
    static Facts of(Notification n, String keyword, boolean linksInText, Mentions mentions, List<String> tokens,
        Wording wording) {
      return new Facts(NotificationFacts.of(n, keyword, DingTalkDialect.MARKDOWN, wording), linksInText, mentions,
          List.copyOf(tokens));
    }

    Wording wording() {
      return about.wording();
    }

    /** The title the chat list shows: {@code [alert] [FIRING:3] HighLatency payments (1/3)}. */
    String title(Page<AlertFacts> page, String firstAlertName) {
      String values = about.groupValues();
      String shown = values.isEmpty() ? firstAlertName : values;
      return about.title(page, DingTalkDialect.MARKDOWN.cut(shown, NotificationFacts.MAX_TITLE_VALUES));
    }

    /** {@code [Runbook](url) · [Silence](url)} for markdown, or {@code ""}. */
    String linkLine() {
      return !linksInText ? "" : String.join(" · ", about.escapedLinks().stream()
          .map(l -> LayoutText.markdownLink(l.title(), l.url())).toList());
    }

    /** The @tokens as one line, or {@code ""}. */
    String tokenLine() {
      return String.join(" ", tokens);
    }

    /**
     * The built-in markdown text of {@code page}; mentions included when the page carries them.
     * A compact {@code look} (a digest too big to show in full): the counts, then one line per alert.
     */
    String markdown(Page<AlertFacts> page, Look look) {
      List<String> blocks = new ArrayList<>();
      blocks.add("### " + about.heading());
      List<String> head = new ArrayList<>(about.aboutLines("**"));
      head.addAll(about.countLines(page, look, "**", DingTalkDialect.BUDGET.summaryBytes()));
      blocks.add(String.join("\n\n", head));
      if (page.isPart()) {
        blocks.add("**" + about.partLine(page) + "**");
      }
      List<AlertFacts> firing = AlertFacts.firing(page.items());
      List<AlertFacts> resolved = AlertFacts.resolved(page.items());
      boolean both = !firing.isEmpty() && !resolved.isEmpty();
      Wording w = wording();
      blocks.add(both ? "**" + w.firingHeader() + "**" : "");
      Function<AlertFacts, String> alert =
          look.compact() ? a -> a.compactLine("**", DingTalkDialect.MARKDOWN, look, w) : a -> alert(a, w);
      firing.forEach(a -> blocks.add(alert.apply(a)));
      blocks.add(both ? "**" + w.resolvedHeader() + "**" : "");
      resolved.forEach(a -> blocks.add(alert.apply(a)));
      blocks.add(about.moreLine(page));
      blocks.add(linkLine());
      if (page.carriesMentions()) {
        blocks.add(mentions.unresolvedText());
        blocks.add(tokenLine());
      }
      return LayoutText.join("\n\n", blocks);
    }

    /** One alert: marker, name and severity; summary; description; key labels; times and source. */
    private static String alert(AlertFacts a, Wording w) {
      List<String> times = new ArrayList<>(a.times(w));
      times.add(a.markdownSource(w));
      // a blank line between lines too: whether DingTalk breaks on a single newline is unverified
      return LayoutText.join("\n\n", a.headline(a.mark(), "**", w.resolvedAfter(), w), a.summary(), a.description(),
          a.keyLabelLine(), LayoutText.join(" · ", times));
    }
  }
}
