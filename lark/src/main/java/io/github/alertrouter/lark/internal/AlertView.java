package io.github.alertrouter.lark.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.TimeText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert as a layout shows it: every untrusted value already escaped for the message's
 * {@link Dialect} and bounded, times formatted with {@link TimeText}, the generator link kept only
 * when it is an http(s) URL. Layouts and templates only ever see these strings. Immutable.
 *
 * @param resolved whether it resolved
 * @param name the {@code alertname} label
 * @param severity the {@code severity} label verbatim (for the header colour; never shown)
 * @param shownSeverity the {@code severity} label, escaped, or {@code ""}
 * @param summary the {@code summary} annotation, else {@code message}, or {@code ""}
 * @param description the {@code description} annotation, or {@code ""} (multi-line)
 * @param keyLabels labels other than group labels, alertname and severity (at most 8)
 * @param labels every label (at most 50)
 * @param annotations every annotation (at most 50, multi-line values)
 * @param startsAt formatted start, or {@code ""}
 * @param endsAt formatted end of a resolved alert, or {@code ""}
 * @param duration how long a resolved alert fired ({@code 1h 5m}), or {@code ""}
 * @param generatorURL the trusted source link, or {@code ""}
 */
record AlertView(
    boolean resolved, String name, String severity, String shownSeverity, String summary, String description,
    List<Entry> keyLabels, List<Entry> labels, List<Entry> annotations,
    String startsAt, String endsAt, String duration, String generatorURL) {

  /** A name and a value, both escaped. */
  record Entry(String name, String value) {
    Map<String, Object> toMap() {
      return Map.of("name", name, "value", value);
    }

    Entry cut(int max) {
      return new Entry(name, LarkEscaper.cut(value, max));
    }
  }

  static final int MAX_KEY_LABELS = 8;
  static final int MAX_ENTRIES = 50;
  static final int MAX_NAME = 120;
  static final int MAX_LABEL_VALUE = 200;
  static final int MAX_TEXT = 2000;
  private static final Set<String> NOT_KEY = Set.of("alertname", "severity");

  static AlertView of(Alert alert, Set<String> groupLabelNames, boolean resolved, ZoneId zone, Dialect d) {
    Map<String, String> ann = alert.annotations();
    String summary = ann.getOrDefault("summary", ann.getOrDefault("message", ""));
    List<Entry> keyLabels = new ArrayList<>();
    List<Entry> labels = new ArrayList<>();
    alert.labels().forEach((name, value) -> {
      Entry e = new Entry(d.inline(name, MAX_NAME), d.inline(value, MAX_LABEL_VALUE));
      if (labels.size() < MAX_ENTRIES) {
        labels.add(e);
      }
      if (!NOT_KEY.contains(name) && !groupLabelNames.contains(name) && keyLabels.size() < MAX_KEY_LABELS) {
        keyLabels.add(e);
      }
    });
    List<Entry> annotations = new ArrayList<>();
    ann.forEach((name, value) -> {
      if (annotations.size() < MAX_ENTRIES) {
        annotations.add(new Entry(d.inline(name, MAX_NAME), d.block(value, MAX_TEXT)));
      }
    });
    String url = NotificationLink.isHttpUrl(alert.generatorURL()) ? alert.generatorURL() : "";
    String severity = alert.label("severity");
    return new AlertView(
        resolved,
        d.inline(alert.label("alertname"), MAX_NAME),
        severity == null ? "" : severity,
        d.inline(severity, MAX_NAME),
        d.inline(summary, MAX_TEXT),
        d.block(ann.getOrDefault("description", ""), MAX_TEXT),
        List.copyOf(keyLabels), List.copyOf(labels), List.copyOf(annotations),
        TimeText.instant(alert.startsAt(), zone),
        resolved ? TimeText.instant(alert.endsAt(), zone) : "",
        resolved ? TimeText.between(alert.startsAt(), alert.endsAt()) : "",
        url);
  }

  static List<AlertView> firing(List<AlertView> alerts) {
    return alerts.stream().filter(a -> !a.resolved()).toList();
  }

  static List<AlertView> resolved(List<AlertView> alerts) {
    return alerts.stream().filter(AlertView::resolved).toList();
  }

  /**
   * A copy whose untrusted texts are cut to {@code max} units each, for an alert that does not fit
   * a message on its own. Cuts never split an entity; links and times stay whole.
   */
  AlertView shorten(int max) {
    return new AlertView(resolved, LarkEscaper.cut(name, Math.max(max, 20)), severity,
        LarkEscaper.cut(shownSeverity, Math.max(max, 20)), LarkEscaper.cut(summary, max),
        LarkEscaper.cut(description, max), cutAll(keyLabels, max), cutAll(labels, max), cutAll(annotations, max),
        startsAt, endsAt, duration, generatorURL);
  }

  private static List<Entry> cutAll(List<Entry> entries, int max) {
    return entries.stream().map(e -> e.cut(max)).toList();
  }
}
