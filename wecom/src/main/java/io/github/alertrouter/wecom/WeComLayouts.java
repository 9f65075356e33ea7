package io.github.alertrouter.wecom;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.ByteBudget;
import io.github.alertrouter.spi.render.LayoutText;
import io.github.alertrouter.spi.render.Look;
import io.github.alertrouter.spi.render.MessageRenderer;
import io.github.alertrouter.spi.render.NotificationFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.TextSafety;
import io.github.alertrouter.spi.render.Wording;
import io.github.alertrouter.wecom.WeComDialect.Mentions;
import io.github.alertrouter.wecom.WeComOptions.MentionMode;
import io.github.alertrouter.wecom.WeComOptions.MsgType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders notifications and notices as WeCom messages. Thread-safe; holds only the
 * compiled-template cache.
 *
 * <p>Which message carries which mention (each mention is carried exactly once):
 * <table>
 *   <caption>Mentions by message type</caption>
 *   <tr><th>msgType</th><th>userid</th><th>mobile, everyone</th></tr>
 *   <tr><td>markdown (default)</td><td>{@code <@userid>} in the (first) markdown content</td>
 *       <td>a follow-up {@code text} right after it: {@code mentioned_mobile_list}, and
 *       {@code "@all"} in {@code mentioned_list}</td></tr>
 *   <tr><td>markdown + {@code mentionMode: single}</td><td colspan="2">when a mobile or everyone is
 *       mentioned: the whole notification as {@code text} messages (below); otherwise as markdown</td></tr>
 *   <tr><td>text</td><td colspan="2">the (first) text message's {@code mentioned_list} (userids,
 *       {@code "@all"}) and {@code mentioned_mobile_list}; no tokens in the content</td></tr>
 *   <tr><td>markdown_v2</td><td colspan="2">a follow-up {@code text} after the first markdown_v2
 *       message with every mention in its lists (markdown_v2 has no @ at all)</td></tr>
 * </table>
 * A follow-up's content is the notification's one-line title ({@code 🔥 FIRING:3 DiskFull}): WeCom
 * likely refuses an empty text with 44004. Unresolved mentions are named in the first content.
 *
 * <p>A content that cannot show every alert in full adds the counts per severity, alertname and
 * top label values to its meta lines ({@link NotificationFacts#countLines}, within a quarter of the
 * limit), and says the severities of the alerts it leaves out; a digest too big to show in full
 * lists its alerts one line each ({@link AlertFacts#compactLine}), so that even 4096 bytes name
 * a few dozen.
 *
 * <p>The built-in markdown content (for {@code markdown} and, without colours or tokens,
 * {@code markdown_v2}) uses only the tiny dialect of docs/platforms.md §3.7: a heading, bold,
 * links, quotes and {@code <font color>}: {@code warning} (orange-red) for what fires,
 * {@code info} (green) for what resolved, {@code comment} (grey) for meta (group, policy, reason,
 * labels, times). markdown_v2 has no colour: the same words without {@code <font>}, which it
 * would show literally. Blocks are separated by a blank line, lines inside a block by one newline
 * (WeCom keeps single newlines). The built-in {@code text} content has the same facts in plain
 * lines (links as {@code Runbook: url}, which clients link). Every untrusted value arrives escaped
 * for the content's dialect (see {@link AlertFacts}).
 *
 * <p>A policy's template ({@code notifyRule.templates.wecom}) replaces the content. Its values are
 * core's {@link TemplateContext}, escaped for the content's dialect, and WeCom's own (there is no
 * {@code keyword}):
 * <pre>
 * colour            "warning" while anything fires, else "info": {@code <font color="{{colour}}">}
 * source            (of each alert) "[source](url)" in markdown, the URL in text, or ""
 * linkLine          "[Runbook](url) · ..." (text: "Runbook: url" lines)
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the "&lt;@userid&gt;" tokens (markdown only); "" in parts after the first
 * </pre>
 * Two things a template cannot lose: the "…and N more alerts" line when it leaves alerts out and
 * does not print {@code {{more}}}, and any {@code <@userid>} token it omits (appended on a last
 * line). Unresolved names are the template's choice: they are reported to listeners either way.
 */
final class WeComLayouts implements MessageRenderer<WeComOptions> {
  static final String WARNING = "warning";
  static final String INFO = "info";
  static final String COMMENT = "comment";
  private static final int MAX_NOTICE_LINE = 300;

  /**
   * The messages for one request, each content within its type's limit.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  @Override
  public List<OutboundMessage> render(RenderRequest request, WeComOptions options, Template template) {
    Notification n = request.notification();
    Mentions plan = Mentions.of(request.mentions(), WeComDialect.MARKDOWN, request.wording());
    MsgType type = options.msgType();
    if (type == MsgType.MARKDOWN && plan.needsLists() && options.mentionMode() == MentionMode.SINGLE) {
      type = MsgType.TEXT;
    }
    boolean markdown = type != MsgType.TEXT;
    WeComDialect dialect = markdown ? WeComDialect.MARKDOWN : WeComDialect.TEXT;
    if (!markdown) {
      plan = Mentions.of(request.mentions(), dialect, request.wording());
    }
    Facts facts = new Facts(NotificationFacts.of(n, null, dialect, request.wording()), plan,
        type == MsgType.MARKDOWN ? plan.tokens() : List.of(), markdown, type == MsgType.MARKDOWN);
    ByteBudget budget = WeComDialect.budget(type);
    Layout layout = markdown ? (page, look) -> facts.markdown(page, look, budget.summaryBytes())
        : (page, look) -> facts.text(page, look, budget.summaryBytes());
    // a digest too big to show in full lists its alerts one line each, after the counts
    List<Function<Page<AlertFacts>, String>> looks = template != null ? List.of(templateText(template, facts))
        : Look.of(n).stream().<Function<Page<AlertFacts>, String>>map(look -> page -> layout.render(page, look)).toList();
    List<AlertFacts> alerts = budget.alerts(n, request.displayZone(), dialect);
    List<Paging.Fitted> contents = budget.fit(alerts, request.overflow(), request.maxAlerts(), looks);

    String title = facts.title(alerts.isEmpty() ? "" : alerts.get(0).name());
    List<OutboundMessage> out = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      boolean first = i == 0;
      String content = contents.get(i).body();
      int omitted = contents.get(i).omitted();
      switch (type) {
        case TEXT -> out.add(text(content, first ? plan.everything() : Mentions.Lists.NONE, omitted));
        case MARKDOWN -> {
          out.add(new OutboundMessage(WeComDialect.MARKDOWN_TYPE, WeComDialect.markdown(WeComDialect.MARKDOWN_TYPE, content),
              first ? plan.userIdMentions() : List.of(), omitted));
          if (first && plan.needsLists()) {
            out.add(text(title, plan.beyondMarkdown(), 0));
          }
        }
        case MARKDOWN_V2 -> {
          out.add(new OutboundMessage(WeComDialect.MARKDOWN_V2,
              WeComDialect.markdown(WeComDialect.MARKDOWN_V2, content), List.of(), omitted));
          if (first && !plan.everything().isEmpty()) {
            out.add(text(title, plan.everything(), 0));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Map<String, Object> templateContext(Notification sample) {
    Facts facts = new Facts(NotificationFacts.of(sample, null, WeComDialect.MARKDOWN),
        Mentions.of(List.of(), WeComDialect.MARKDOWN), List.of(), true, true);
    return context(facts, Page.whole(AlertFacts.all(sample, ZoneId.of("UTC"), WeComDialect.MARKDOWN, WeComDialect.MAX_TEXT)));
  }

  /**
   * A notice (an on-call handoff) as one {@code text} message: keyword and title, each line
   * escaped for the text dialect, unresolved people by name, and every mention — userid, mobile
   * or everyone — in the message's mention lists, which only text messages honour.
   */
  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    Notice notice = request.notice();
    Mentions plan = Mentions.of(notice.mentions(), WeComDialect.TEXT, Wording.of(request.robot()));
    List<String> lines = new ArrayList<>();
    String keyword = request.robot().keyword() == null ? "" : "[" + WeComDialect.TEXT.inline(request.robot().keyword()) + "] ";
    lines.add(keyword + WeComDialect.TEXT.inline(notice.title(), MAX_NOTICE_LINE));
    notice.lines().forEach(line -> lines.add(WeComDialect.TEXT.inline(line, MAX_NOTICE_LINE)));
    if (!plan.unresolved().isEmpty()) {
      lines.add(plan.unresolvedText());
    }
    return List.of(text(String.join("\n", lines), plan.everything(), 0));
  }

  /** A text message; {@code omittedAlerts} for a content that lists alerts, 0 for a mention follow-up. */
  private static OutboundMessage text(String content, Mentions.Lists lists, int omittedAlerts) {
    return new OutboundMessage(WeComDialect.TEXT_TYPE, WeComDialect.text(content, lists), lists.mentions(), omittedAlerts);
  }

  private static Function<Page<AlertFacts>, String> templateText(Template template, Facts facts) {
    return page -> {
      String text = template.text(context(facts, page), page, "\n\n");
      return page.carriesMentions() ? Mentions.withTokens(text, facts.tokens()) : text;
    };
  }

  /** The values a template sees for {@code page}, in markdown or text content. */
  private static Map<String, Object> context(Facts facts, Page<AlertFacts> page) {
    Map<String, Object> c = TemplateContext.of(facts.about(), page,
        a -> facts.markdown() ? a.markdownSource(facts.wording()) : a.generatorURL());
    c.put("colour", facts.about().resolved() ? INFO : WARNING);
    c.put("linkLine", facts.linkLines());
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText() : "");
    c.put("mentions", page.carriesMentions() ? String.join(" ", facts.tokens()) : "");
    return c;
  }

  /** The built-in markdown or text layout: a page in one {@link Look}. */
  @FunctionalInterface
  private interface Layout {
    String render(Page<AlertFacts> page, Look look);
  }

  /**
   * What every part of one notification's messages shares: the notification's facts, escaped for
   * the content's dialect (WeCom has no keyword), and what is WeCom's own. Immutable.
   *
   * @param about status, counts, group, policy, reason, digest size and links
   * @param mentions the mention plan
   * @param tokens the {@code <@userid>} tokens the content writes (markdown only; empty for text
   *     and markdown_v2, whose mentions travel in lists)
   * @param markdown whether the content is markdown (or markdown_v2) rather than text
   * @param colours whether {@code <font>} colours are written (markdown, not markdown_v2)
   */
  private record Facts(NotificationFacts about, Mentions mentions, List<String> tokens, boolean markdown,
      boolean colours) {
    Wording wording() {
      return about.wording();
    }

    /** The group's values ({@code HighLatency payments}), else the first alert's name. */
    String subject(String firstAlertName) {
      String values = about.groupValues();
      return TextSafety.cut(values.isEmpty() ? firstAlertName : values, NotificationFacts.MAX_TITLE_VALUES);
    }

    /**
     * One line naming the notification, for the follow-up text that carries mentions:
     * {@code 🔥 FIRING:3 HighLatency payments}. Escaped values only, so safe in any dialect.
     */
    String title(String firstAlertName) {
      return LayoutText.join(" ", about.statusLine(), subject(firstAlertName));
    }

    /** {@code [Runbook](url) · [Silence](url)} in markdown, {@code Runbook: url} lines in text, or {@code ""}. */
    String linkLines() {
      return markdown
          ? String.join(" · ", about.escapedLinks().stream().map(l -> LayoutText.markdownLink(l.title(), l.url())).toList())
          : String.join("\n", about.escapedLinks().stream().map(l -> l.title() + ": " + l.url()).toList());
    }

    /**
     * The built-in markdown content of {@code page}; a compact {@code look} (a digest too big to
     * show in full): one line per alert. The counts, when shown, are quoted meta lines.
     */
    String markdown(Page<AlertFacts> page, Look look, int summaryBytes) {
      List<String> meta = new ArrayList<>();
      Wording w = wording();
      if (!about.groupLabels().isEmpty()) {
        meta.add("> " + font(COMMENT, w.group() + " " + about.groupText()));
      }
      meta.add("> " + font(COMMENT, w.policy() + " " + about.policy() + " · " + w.reason() + " " + about.reason()));
      if (about.groups() > 1) {
        meta.add("> **" + w.digest() + "** " + w.mergesGroups(about.groups()));
      }
      about.countLines(page, look, "**", summaryBytes).forEach(l -> meta.add("> " + l));
      String status = font(about.resolved() ? INFO : WARNING, about.statusLine());
      String heading = "## " + LayoutText.join(" ", status, subject(firstName(page)), partMarker(page));
      return content(page, heading + "\n\n" + String.join("\n", meta),
          look.compact() ? a -> a.compactLine("**", WeComDialect.MARKDOWN, look, w) : this::markdownAlert, look.compact());
    }

    /** The built-in text content of {@code page}: mentions travel in the message's lists, not here. */
    String text(Page<AlertFacts> page, Look look, int summaryBytes) {
      List<String> head = new ArrayList<>();
      head.add(LayoutText.join(" ", title(firstName(page)), partMarker(page)));
      head.addAll(about.aboutLines(""));
      head.addAll(about.countLines(page, look, "", summaryBytes));
      return content(page, String.join("\n", head),
          look.compact() ? a -> a.compactLine("", WeComDialect.TEXT, look, wording()) : this::textAlert, look.compact());
    }

    /**
     * {@code head}, the alerts (firing first; {@code compact}: one line each, in one block),
     * "…and N more alerts" with their severities, the links, and on the page with the mentions the
     * unresolved names and the tokens (none in text, whose mentions are in lists).
     */
    private String content(Page<AlertFacts> page, String head, Function<AlertFacts, String> alert, boolean compact) {
      List<String> blocks = new ArrayList<>();
      blocks.add(head);
      if (compact) { // one block of lines: WeCom keeps single newlines
        blocks.add(String.join("\n", page.items().stream().map(alert).toList()));
      } else {
        AlertFacts.firing(page.items()).forEach(a -> blocks.add(alert.apply(a)));
        AlertFacts.resolved(page.items()).forEach(a -> blocks.add(alert.apply(a)));
      }
      blocks.add(about.moreLine(page));
      blocks.add(linkLines());
      if (page.carriesMentions()) {
        blocks.add(mentions.unresolvedText());
        blocks.add(String.join(" ", tokens));
      }
      return LayoutText.join("\n\n", blocks);
    }

    private static String firstName(Page<AlertFacts> page) {
      return page.items().isEmpty() ? "" : page.items().get(0).name();
    }

    /** One alert: coloured marker, name and severity; summary; description; key labels; times and source. */
    private String markdownAlert(AlertFacts a) {
      Wording w = wording();
      String marker = a.resolved() ? font(INFO, a.mark() + " " + w.resolved()) : font(WARNING, a.mark() + " " + w.firing());
      String labels = a.keyLabelLine();
      String when = String.join(" · ", a.times(w));
      return LayoutText.join("\n", a.headline(marker, "**", w.after(), w), a.summary(), a.description(),
          labels.isEmpty() ? "" : font(COMMENT, labels),
          LayoutText.join(" · ", when.isEmpty() ? "" : font(COMMENT, when), a.markdownSource(w)));
    }

    private String textAlert(AlertFacts a) {
      Wording w = wording();
      return LayoutText.join("\n", a.headline(a.mark() + " " + (a.resolved() ? w.resolved() : w.firing()), "", w.after(), w),
          a.summary(), a.description(), a.keyLabelLine(), String.join(" · ", a.times(w)),
          a.generatorURL().isEmpty() ? "" : w.source() + ": " + a.generatorURL());
    }

    private String font(String colour, String text) {
      return colours ? "<font color=\"" + colour + "\">" + text + "</font>" : text;
    }

    /** The part marker, {@code (1/3)}, or {@code ""}. */
    private static String partMarker(Page<?> page) {
      return page.isPart() ? "(" + page.part() + "/" + page.parts() + ")" : "";
    }
  }
}
