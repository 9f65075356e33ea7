package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.Templates;
import io.github.alertrouter.wecom.WeComOptions.MentionMode;
import io.github.alertrouter.wecom.WeComOptions.MsgType;
import io.github.alertrouter.wecom.WeComOptions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders notifications as WeCom messages. Internal: use {@code WeComProvider.render}.
 * Thread-safe; holds only the compiled-template cache.
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
 */
public final class WeComRenderer {
  private final Templates templates = new Templates("WeCom");

  /**
   * The messages for one request, each content within its type's limit.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  public List<OutboundMessage> render(RenderRequest request) {
    WeComOptions options = WeComOptions.of(request.robot());
    Notification n = request.notification();
    MentionMarkup plan = MentionMarkup.of(request.mentions(), WeComEscaper.MARKDOWN);
    MsgType type = options.msgType();
    if (type == MsgType.MARKDOWN && plan.needsLists() && options.mentionMode() == MentionMode.SINGLE) {
      type = MsgType.TEXT;
    }
    boolean markdown = type != MsgType.TEXT;
    WeComEscaper escaper = markdown ? WeComEscaper.MARKDOWN : WeComEscaper.TEXT;
    if (!markdown) {
      plan = MentionMarkup.of(request.mentions(), escaper);
    }
    MessageFacts facts = MessageFacts.of(n, plan, type == MsgType.MARKDOWN ? plan.tokens() : List.of(), escaper);
    Layout layout = request.template() != null
        ? new TemplateLayout(templates.compile(request.template()), facts, markdown)
        : markdown ? new MarkdownLayout(facts, type == MsgType.MARKDOWN) : new TextLayout(facts);
    List<AlertFacts> alerts = views(n, request.displayZone(), escaper);
    List<Paging.Fitted> contents = MessageBudget.fit(alerts, request.overflow(), layout::text, type.maxContentBytes());

    String title = facts.title(alerts.isEmpty() ? "" : alerts.get(0).name());
    List<OutboundMessage> out = new ArrayList<>();
    for (int i = 0; i < contents.size(); i++) {
      boolean first = i == 0;
      String content = contents.get(i).body();
      int omitted = contents.get(i).omitted();
      switch (type) {
        case TEXT -> {
          MentionMarkup.Lists lists = first ? plan.everything() : MentionMarkup.Lists.NONE;
          out.add(text(content, lists, omitted));
        }
        case MARKDOWN -> {
          out.add(new OutboundMessage(WeComMessages.MARKDOWN, WeComMessages.markdown(WeComMessages.MARKDOWN, content),
              first ? plan.userIdMentions() : List.of(), omitted));
          if (first && plan.needsLists()) {
            out.add(text(title, plan.beyondMarkdown(), 0));
          }
        }
        case MARKDOWN_V2 -> {
          out.add(new OutboundMessage(WeComMessages.MARKDOWN_V2,
              WeComMessages.markdown(WeComMessages.MARKDOWN_V2, content), List.of(), omitted));
          if (first && !plan.everything().isEmpty()) {
            out.add(text(title, plan.everything(), 0));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** Problems with a template: syntax errors, and names the context does not have. */
  public List<String> checkTemplate(String template) {
    Notification sample = TemplateContext.sampleNotification();
    MessageFacts facts = MessageFacts.of(sample, MentionMarkup.of(List.of(), WeComEscaper.MARKDOWN), List.of(),
        WeComEscaper.MARKDOWN);
    Page<AlertFacts> page = Page.whole(views(sample, ZoneId.of("UTC"), WeComEscaper.MARKDOWN));
    return templates.check(template, TemplateLayout.context(facts, page, true));
  }

  /** A text message; {@code omittedAlerts} for a content that lists alerts, 0 for a mention follow-up. */
  private static OutboundMessage text(String content, MentionMarkup.Lists lists, int omittedAlerts) {
    return new OutboundMessage(WeComMessages.TEXT,
        WeComMessages.text(content, lists.mentionedList(), lists.mentionedMobileList()), lists.mentions(),
        omittedAlerts);
  }

  static List<AlertFacts> views(Notification n, ZoneId zone, WeComEscaper escaper) {
    return AlertFacts.all(n, zone, escaper, MessageBudget.MAX_TEXT);
  }
}
