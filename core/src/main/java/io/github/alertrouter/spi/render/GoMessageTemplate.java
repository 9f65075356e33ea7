package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.GoTemplateText;
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
import io.github.alertrouter.gotemplate.WebhookDingtalkTemplates;
import io.github.alertrouter.internal.text.GoStrings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
  private final GoTemplate titleSet;
  private final String titleName;
  private final Map<String, Object> senderFields;

  private GoMessageTemplate(GoTemplate set, String name, GoTemplate titleSet, String titleName,
      Map<String, Object> senderFields) {
    this.set = set;
    this.name = name;
    this.titleSet = titleSet;
    this.titleName = titleName;
    this.senderFields = senderFields;
  }

  /**
   * The {@link TemplateEngine} of Go templates ({@link GoTemplateText}), naming each text
   * {@code name} and its title {@code name.title} in Go's messages.
   */
  static TemplateEngine engine(String name) {
    return encoded -> {
      GoTemplateText text = NotifyRule.isGoTemplate(encoded) ? GoTemplateText.decode(encoded) : GoTemplateText.of(encoded);
      boolean webhookDingtalk = text.defaults() == GoTemplateText.Defaults.WEBHOOK_DINGTALK;
      GoTemplate base = webhookDingtalk ? WebhookDingtalkTemplates.defaults() : AlertmanagerTemplates.defaults();
      // prometheus-webhook-dingtalk's data has AtMobiles, which it never fills: always empty there
      Map<String, Object> senderFields = webhookDingtalk ? Map.of("AtMobiles", List.of()) : Map.of();
      try {
        GoTemplate set = base;
        for (GoTemplateText.File file : text.files()) {
          set = set.parse(file.baseName(), file.text());
        }
        set = set.parse(name, text.text());
        if (text.title() == null) {
          return new GoMessageTemplate(set, name, null, null, senderFields);
        }
        // parsed on top of the text's set, so the title can call what the text defines; a set of
        // its own, so a definition in the title does not change the text (prometheus-webhook-dingtalk
        // parsed each into its own clone)
        String titleName = name + ".title";
        return new GoMessageTemplate(set, name, set.parse(titleName, text.title()), titleName, senderFields);
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
    return Template.withMore(execute(context, alerts(page)).strip(), context, page, separator);
  }

  @Override
  public boolean hasTitle() {
    return titleName != null;
  }

  @Override
  public String title(Map<String, ?> context, Page<?> page) {
    if (titleName == null) {
      return null;
    }
    // a title is one line: a template's line breaks (a define's first newline) become spaces;
    // one that renders empty leaves the platform's own (a message needs a title)
    String title = execute(titleSet, titleName, context, alerts(page)).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return title.isEmpty() ? null : title;
  }

  private static List<AlertFacts> alerts(Page<?> page) {
    List<AlertFacts> alerts = new ArrayList<>(page.items().size());
    page.items().forEach(i -> {
      if (i instanceof AlertFacts a) {
        alerts.add(a);
      }
    });
    return alerts;
  }

  private String execute(Map<String, ?> context, List<AlertFacts> alerts) {
    return execute(set, name, context, alerts);
  }

  private String execute(GoTemplate set, String name, Map<String, ?> context, List<AlertFacts> alerts) {
    try {
      return set.execute(name, data(context, alerts, senderFields));
    } catch (TemplateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Alertmanager's data for the page: its alerts (labels whose names start with {@code __} left
   * out, as layouts leave them out), the group labels, the labels and annotations every alert of
   * the page shares, receiver = the first alert's {@code __receiver__} label (QuoteMeta-escaped, as
   * Alertmanager writes it) or else the policy,
   * external URL = the first sender's URL an alert carries ({@link AlertFacts#externalURL()}).
   */
  static MessageData data(Map<String, ?> context, List<AlertFacts> alerts, Map<String, Object> senderFields) {
    List<AmAlert> am = new ArrayList<>(alerts.size());
    String receiver = "";
    String externalUrl = "";
    for (AlertFacts a : alerts) {
      am.add(new AmAlert(a.resolved() ? "resolved" : "firing", kv(a.labels()), kv(a.annotations()),
          time(a.startsAtTime()), time(a.endsAtTime()), a.generatorURL(), a.fingerprint()));
      if (receiver.isEmpty()) {
        // as Alertmanager puts it in its data and webhooks: team\.ops for team.ops
        receiver = GoStrings.quoteMeta(a.receiver());
      }
      if (externalUrl.isEmpty()) {
        externalUrl = a.externalURL();
      }
    }
    if (receiver.isEmpty()) {
      receiver = text(context.get("policy"));
    }
    am.sort(ALERTMANAGER_ORDER);
    Map<String, String> group = new LinkedHashMap<>();
    if (context.get("groupLabels") instanceof List<?> entries) {
      entries.forEach(e -> {
        if (e instanceof Map<?, ?> m) {
          group.put(text(m.get("name")), text(m.get("value")));
        }
      });
    }
    AmData data = new AmData(receiver, text(context.get("status")), new AmAlerts(am, true), new Kv(group),
        common(am, true), common(am, false), externalUrl);
    return new MessageData(data, new HashMap<>(context), senderFields);
  }

  /**
   * The order Alertmanager sends a group's alerts in (its {@code types.AlertSlice}): by the
   * {@code job} label, then {@code instance} (an alert with the label before one without), then by
   * all labels as {@code LabelSet.Before} compares them: fewer labels first, then the first
   * differing value in label-name order.
   */
  static final Comparator<AmAlert> ALERTMANAGER_ORDER = (a, b) -> {
    Map<String, String> x = a.labels().map();
    Map<String, String> y = b.labels().map();
    for (String key : List.of("job", "instance")) {
      String xv = x.get(key);
      String yv = y.get(key);
      if (xv == null && yv == null) {
        continue;
      }
      if (xv == null || yv == null) {
        return xv == null ? 1 : -1;
      }
      if (!xv.equals(yv)) {
        return GoStrings.compare(xv, yv);
      }
    }
    if (x.size() != y.size()) {
      return Integer.compare(x.size(), y.size());
    }
    TreeSet<String> names = new TreeSet<>(GoStrings.ORDER);
    names.addAll(x.keySet());
    names.addAll(y.keySet());
    for (String n : names) {
      String xv = x.get(n);
      String yv = y.get(n);
      if (xv == null || yv == null) {
        return xv == null ? -1 : 1;
      }
      int c = GoStrings.compare(xv, yv);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

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
