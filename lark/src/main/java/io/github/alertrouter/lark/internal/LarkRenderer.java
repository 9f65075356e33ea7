package io.github.alertrouter.lark.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.LarkOptions;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import io.github.alertrouter.spi.render.Templates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders notifications as Lark messages of the robot's {@code msgType}: an interactive card
 * ({@link CardLayout}), a post ({@link PostLayout}) or text ({@link TextLayout}), each escaped for
 * its dialect and within {@link MessageBudget}. Mentions travel in the first message only.
 * Internal: use {@code LarkProvider.render}. Thread-safe; holds only the compiled-template cache.
 */
public final class LarkRenderer {
  private final Templates templates = new Templates("Lark");

  /**
   * The messages for one request.
   *
   * @throws IllegalArgumentException when the template or a robot option is invalid
   */
  public List<OutboundMessage> render(RenderRequest request) {
    LarkOptions options = LarkOptions.of(request.robot());
    Notification n = request.notification();
    Dialect dialect = dialect(options.msgType());
    MentionMarkup plan = MentionMarkup.of(request.mentions());
    List<AlertFacts> alerts = views(n, request.displayZone(), dialect);
    String keyword = request.robot().keyword() == null ? "" : request.robot().keyword();
    MessageFacts facts = MessageFacts.of(n, keyword, dialect, plan);
    Function<Page<AlertFacts>, String> template = request.template() == null ? null
        : Layout.withKeyword(templateText(templates.compile(request.template()), facts), keyword);
    String first = n.alertCount() == 0 ? "" : Dialect.TEXT.inline(firstName(n), AlertFacts.MAX_NAME);
    Layout layout = switch (options.msgType()) {
      case INTERACTIVE -> new CardLayout(facts, first, template);
      case POST -> new PostLayout(facts, first, template);
      case TEXT -> new TextLayout(facts, first, template);
    };
    List<Paging.Fitted> bodies = MessageBudget.fit(alerts, request.overflow(), layout::body);
    List<OutboundMessage> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Paging.Fitted fitted = bodies.get(i);
      out.add(new OutboundMessage(options.msgType().wireName(), fitted.body(), i == 0 ? plan.resolved() : List.of(),
          fitted.omitted()));
    }
    return List.copyOf(out);
  }

  /** Problems with a template: syntax errors, and names the context does not have. */
  public List<String> checkTemplate(String template) {
    Notification sample = TemplateContext.sampleNotification();
    MessageFacts facts = MessageFacts.of(sample, "keyword", Dialect.CARD, MentionMarkup.of(List.of()));
    return templates.check(template, context(facts, Page.whole(views(sample, ZoneId.of("UTC"), Dialect.CARD))));
  }

  /**
   * A policy's template as the text of a card's markdown, the post's paragraphs or the text message;
   * "…and N more alerts" is appended when it left it out. The title, buttons and mentions stay
   * built-in (missing mention tags are appended, see {@link MentionMarkup#withTags}).
   */
  private static Function<Page<AlertFacts>, String> templateText(Template template, MessageFacts facts) {
    return page -> template.text(context(facts, page), page, "\n");
  }

  /**
   * The values a template sees: core's {@link TemplateContext}, escaped for the dialect, and Lark's own:
   * <pre>
   * keyword           the robot's keyword, or ""
   * source            (of each alert) "[source](url)" in cards, the URL otherwise, or ""
   * unresolved        people who cannot be @-ed, by name, with the reason
   * mentions          the @ tags of a card or text message ("" for post, whose at elements are
   *                   always added after the template's text; "" in parts after the first)
   * </pre>
   */
  private static Map<String, Object> context(MessageFacts facts, Page<AlertFacts> page) {
    Dialect d = facts.dialect();
    Map<String, Object> c = TemplateContext.of(facts.about(), page, a -> a.generatorURL().isEmpty() ? ""
        : d == Dialect.CARD ? "[source](" + LarkMessages.markdownUrl(a.generatorURL()) + ")" : a.generatorURL());
    c.put("keyword", facts.about().keyword());
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText(d) : "");
    c.put("mentions", page.carriesMentions() && d != Dialect.POST ? facts.mentions().tags(d) : "");
    return c;
  }

  static Dialect dialect(LarkOptions.MsgType type) {
    return switch (type) {
      case INTERACTIVE -> Dialect.CARD;
      case POST -> Dialect.POST;
      case TEXT -> Dialect.TEXT;
    };
  }

  private static String firstName(Notification n) {
    Alert a = n.firing().isEmpty() ? n.resolved().get(0) : n.firing().get(0);
    return a.label("alertname");
  }

  static List<AlertFacts> views(Notification n, ZoneId zone, Dialect dialect) {
    return AlertFacts.all(n, zone, dialect, MessageBudget.MAX_TEXT);
  }
}
