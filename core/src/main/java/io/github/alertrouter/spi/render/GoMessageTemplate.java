package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.gotemplate.AlertmanagerTemplates;
import io.github.alertrouter.gotemplate.AmAlert;
import io.github.alertrouter.gotemplate.AmAlerts;
import io.github.alertrouter.gotemplate.AmData;
import io.github.alertrouter.gotemplate.GoTemplate;
import io.github.alertrouter.gotemplate.Kv;
import io.github.alertrouter.gotemplate.MessageData;
import io.github.alertrouter.gotemplate.TemplateException;
import io.github.alertrouter.gotemplate.TimeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy's template in Go's {@code text/template} syntax ({@link NotifyRule#GO_SYNTAX_MARK}),
 * parsed on top of Alertmanager's default templates with Alertmanager's functions, executed with
 * {@link MessageData}: Alertmanager's data built from the page's {@link AlertFacts}, whose values the
 * platform's escaper already made inert, and the context's values under their lower-case names.
 * The text's own body is what renders ({@code {{ template "ding.link.content" . }}} calls a
 * definition). Immutable and thread-safe.
 */
final class GoMessageTemplate implements Template {
  private final GoTemplate set;
  private final String name;

  private GoMessageTemplate(GoTemplate set, String name) {
    this.set = set;
    this.name = name;
  }

  /** The {@link TemplateEngine} of Go templates, naming each text {@code name} in its errors. */
  static TemplateEngine engine(String name) {
    return text -> {
      String body = NotifyRule.isGoTemplate(text) ? text.substring(NotifyRule.GO_SYNTAX_MARK.length()) : text;
      try {
        return new GoMessageTemplate(AlertmanagerTemplates.defaults().parse(name, body), name);
      } catch (TemplateException e) {
        throw new IllegalArgumentException(e.messageWithColumn(), e);
      }
    };
  }

  /** The template's output with {@code context}'s values and no alerts (layouts call {@link #text}). */
  @Override
  public String render(Map<String, ?> context) {
    return execute(context, List.of());
  }

  @Override
  public String text(Map<String, ?> context, Page<?> page, String separator) {
    List<AlertFacts> alerts = new ArrayList<>(page.items().size());
    page.items().forEach(i -> {
      if (i instanceof AlertFacts a) {
        alerts.add(a);
      }
    });
    return Template.withMore(execute(context, alerts).strip(), context, page, separator);
  }

  private String execute(Map<String, ?> context, List<AlertFacts> alerts) {
    try {
      return set.execute(name, data(context, alerts));
    } catch (TemplateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Alertmanager's data for the page: its alerts (labels whose names start with {@code __} left
   * out, as layouts leave them out), the group labels, the labels and annotations every alert of
   * the page shares, receiver = the first alert's {@code __receiver__} label or else the policy.
   */
  static MessageData data(Map<String, ?> context, List<AlertFacts> alerts) {
    List<AmAlert> am = new ArrayList<>(alerts.size());
    String receiver = "";
    for (AlertFacts a : alerts) {
      am.add(new AmAlert(a.resolved() ? "resolved" : "firing", kv(a.labels()), kv(a.annotations()),
          time(a.startsAtTime()), time(a.endsAtTime()), a.generatorURL(), a.fingerprint()));
      if (receiver.isEmpty()) {
        receiver = a.receiver();
      }
    }
    if (receiver.isEmpty()) {
      receiver = text(context.get("policy"));
    }
    Map<String, String> group = new LinkedHashMap<>();
    if (context.get("groupLabels") instanceof List<?> entries) {
      entries.forEach(e -> {
        if (e instanceof Map<?, ?> m) {
          group.put(text(m.get("name")), text(m.get("value")));
        }
      });
    }
    AmData data = new AmData(receiver, text(context.get("status")), new AmAlerts(am, true), new Kv(group),
        common(am, true), common(am, false), "");
    return new MessageData(data, new HashMap<>(context));
  }

  private static Kv kv(List<AlertFacts.Entry> entries) {
    Map<String, String> m = new HashMap<>();
    entries.forEach(e -> m.putIfAbsent(e.name(), e.value()));
    return new Kv(m);
  }

  private static TimeValue time(Instant i) {
    return i == null ? TimeValue.ZERO : new TimeValue(i);
  }

  /** The entries every alert has with the same value, as Alertmanager computes common labels. */
  private static Kv common(List<AmAlert> alerts, boolean labels) {
    if (alerts.isEmpty()) {
      return new Kv(Map.of());
    }
    Map<String, String> shared = new HashMap<>((labels ? alerts.get(0).labels() : alerts.get(0).annotations()).map());
    for (AmAlert a : alerts.subList(1, alerts.size())) {
      Map<String, String> m = (labels ? a.labels() : a.annotations()).map();
      shared.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
    }
    return new Kv(shared);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
