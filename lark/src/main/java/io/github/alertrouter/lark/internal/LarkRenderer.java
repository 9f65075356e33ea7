package io.github.alertrouter.lark.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.LarkOptions;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
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
 * Renders notifications as Lark messages of the robot's {@code msgType}: an interactive card
 * ({@link CardLayout}), a post ({@link PostLayout}) or text ({@link TextLayout}), each escaped for
 * its dialect and within {@link MessageBudget}. Mentions travel in the first message only.
 * Internal: use {@code LarkProvider.render}. Thread-safe; holds only the compiled-template cache.
 */
public final class LarkRenderer {
  private final Templates templates = new Templates();

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
        : Layout.withKeyword(Templates.text(templates.compile(request.template()), facts), keyword);
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
    Notification sample = Sample.notification();
    List<AlertFacts> alerts = views(sample, ZoneId.of("UTC"), Dialect.CARD);
    MessageFacts facts = MessageFacts.of(sample, "keyword", Dialect.CARD, MentionMarkup.of(List.of()));
    return Templates.check(template, facts, Page.whole(alerts));
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

  /** A notification with every context value filled, to find unknown names in a template. */
  private static final class Sample {
    static Notification notification() {
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      Alert firing = Alert.firing(Map.of("alertname", "Sample", "severity", "warning"))
          .annotation("summary", "s").annotation("description", "d").startsAt(t)
          .generatorURL("https://example.com/graph").build();
      return new Notification("policy", "{}:{}", new TreeMap<>(Map.of("alertname", "Sample")),
          NotifyReason.FIRST_NOTIFICATION, List.of(firing), List.of(firing.resolvedAt(t.plusSeconds(60))),
          List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://example.com/rb")), t, 1);
    }
  }
}
