package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.dingtalk.DingTalkOptions;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private final TemplateLayout.Templates templates = new TemplateLayout.Templates();

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
    return TemplateLayout.Templates.check(template, SampleNotification.facts(), SampleNotification.page());
  }

  static List<AlertFacts> views(Notification n, ZoneId zone) {
    return AlertFacts.all(n, zone, DingTalkEscaper.MARKDOWN, MessageBudget.MAX_TEXT);
  }

  /** A notification with every context value filled, to find unknown names in a template. */
  private static final class SampleNotification {
    static MessageFacts facts() {
      return MessageFacts.of(notification(), "keyword", true, MentionMarkup.of(List.of()), List.of());
    }

    static Page<AlertFacts> page() {
      return Page.whole(views(notification(), ZoneId.of("UTC")));
    }

    private static Notification notification() {
      Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
      Alert firing = Alert.firing(Map.of("alertname", "Sample", "severity", "warning"))
          .annotation("summary", "s").annotation("description", "d").startsAt(t)
          .generatorURL("https://example.com/graph").build();
      Alert resolved = firing.resolvedAt(t.plusSeconds(60));
      return new Notification("policy", "{}:{}", new TreeMap<>(Map.of("alertname", "Sample")),
          NotifyReason.FIRST_NOTIFICATION, List.of(firing), List.of(resolved),
          List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://example.com/rb")),
          t, 1);
    }
  }
}
