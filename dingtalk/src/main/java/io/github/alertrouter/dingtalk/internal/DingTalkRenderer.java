package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.dingtalk.DingTalkOptions;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.Templates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders notifications as DingTalk messages: markdown by default, or an action card with a
 * button per link. Internal: use {@code DingTalkProvider.render}. Thread-safe; holds only the
 * compiled-template cache.
 *
 * <p>Action cards have no documented {@code at} field, so a card writes only {@code @userId}
 * tokens (what the doc shows) and, when anyone is mentioned, is followed by a small {@code text}
 * message with the keyword, the title, every @token and the {@code at} object: the second
 * message is what notifies people, including those known only by mobile. A card without links
 * would have no button, so it falls back to markdown.
 */
public final class DingTalkRenderer {
  private final Templates templates = new Templates("DingTalk");

  /**
   * The messages for one request, each within {@link MessageBudget#MAX_BODY_BYTES}.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  public List<OutboundMessage> render(RenderRequest request) {
    DingTalkOptions options = DingTalkOptions.of(request.robot());
    Notification n = request.notification();
    MentionMarkup plan = MentionMarkup.of(request.mentions());
    boolean card = options.msgType() == DingTalkOptions.MsgType.ACTION_CARD && !n.links().isEmpty();
    MessageFacts facts = MessageFacts.of(
        n, request.robot().keyword(), !card, plan, card ? plan.userIdTokens() : plan.tokens());
    Layout layout = request.template() == null
        ? new MarkdownLayout(facts)
        : new TemplateLayout(templates.compile(request.template()), facts);
    List<AlertFacts> alerts = views(n, request.displayZone());
    String firstName = alerts.isEmpty() ? "" : alerts.get(0).name();
    Function<Page<AlertFacts>, String> body = card
        ? page -> DingTalkMessages.actionCard(
            facts.title(page, firstName), layout.text(page), options.btnOrientation(), n.links())
        : page -> DingTalkMessages.markdown(
            facts.title(page, firstName), layout.text(page), page.carriesMentions() ? plan : null);

    List<OutboundMessage> out = new ArrayList<>();
    List<Paging.Fitted> bodies = MessageBudget.fit(alerts, request.overflow(), body);
    for (int i = 0; i < bodies.size(); i++) {
      Paging.Fitted fitted = bodies.get(i);
      if (card) {
        out.add(new OutboundMessage(DingTalkMessages.ACTION_CARD, fitted.body(), List.of(), fitted.omitted()));
        if (i == 0 && plan.hasResolved()) {
          String content = facts.title(Page.whole(alerts), firstName) + "\n" + String.join(" ", plan.tokens());
          out.add(new OutboundMessage(DingTalkMessages.TEXT, DingTalkMessages.mentionText(content, plan), plan.resolved()));
        }
      } else {
        out.add(new OutboundMessage(DingTalkMessages.MARKDOWN, fitted.body(), i == 0 ? plan.resolved() : List.of(),
            fitted.omitted()));
      }
    }
    return List.copyOf(out);
  }

  /** Problems with a template: syntax errors, and names the context does not have. */
  public List<String> checkTemplate(String template) {
    Notification sample = TemplateContext.sampleNotification();
    MessageFacts facts = MessageFacts.of(sample, "keyword", true, MentionMarkup.of(List.of()), List.of());
    return templates.check(template, TemplateLayout.context(facts, Page.whole(views(sample, ZoneId.of("UTC")))));
  }

  static List<AlertFacts> views(Notification n, ZoneId zone) {
    return AlertFacts.all(n, zone, DingTalkEscaper.MARKDOWN, MessageBudget.MAX_TEXT);
  }
}
