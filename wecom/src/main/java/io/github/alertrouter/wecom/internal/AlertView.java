package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.TimeText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert as layouts show it: every untrusted value already escaped for the message's dialect
 * and bounded, times formatted with core's {@link TimeText}, the generator link kept only when it
 * is an http(s) URL. Layouts and templates only ever see these strings. Immutable.
 *
 * @param resolved whether it resolved
 * @param name the {@code alertname} label
 * @param severity the {@code severity} label, or {@code ""}
 * @param summary the {@code summary} annotation, else {@code message}, or {@code ""}
 * @param description the {@code description} annotation, or {@code ""} (multi-line)
 * @param keyLabels labels that are not group labels, alertname or severity (at most
 *     {@link #MAX_KEY_LABELS})
 * @param labels every label (at most {@link #MAX_ENTRIES})
 * @param annotations every annotation (at most {@link #MAX_ENTRIES}, multi-line values)
 * @param startsAt formatted start, or {@code ""}
 * @param endsAt formatted end for a resolved alert, or {@code ""}
 * @param duration how long a resolved alert fired ({@code 1h 5m}), or {@code ""}
 * @param generatorURL the trusted source link, or {@code ""}
 */
record AlertView(
    boolean resolved, String name, String severity, String summary, String description,
    List<Entry> keyLabels, List<Entry> labels, List<Entry> annotations,
    String startsAt, String endsAt, String duration, String generatorURL) {

  /** A name and a value, both escaped. */
  record Entry(String name, String value) {
    Map<String, Object> toMap() {
      return Map.of("name", name, "value", value);
    }

    Entry cut(int maxCodePoints) {
      return new Entry(name, WeComEscaper.cut(value, maxCodePoints));
    }
  }

  static final int MAX_KEY_LABELS = 8;
  static final int MAX_ENTRIES = 50;
  static final int MAX_NAME = 120;
  static final int MAX_LABEL_VALUE = 200;
  // a 4096-byte message holds ~1300 CJK characters: longer texts only cost paging work
  static final int MAX_TEXT = 1000;
  private static final Set<String> NOT_KEY = Set.of("alertname", "severity");

  static AlertView of(Alert alert, Set<String> groupLabelNames, boolean resolved, ZoneId zone, WeComEscaper esc) {
    Map<String, String> ann = alert.annotations();
    String summary = ann.getOrDefault("summary", ann.getOrDefault("message", ""));
    List<Entry> keyLabels = new ArrayList<>();
    List<Entry> labels = new ArrayList<>();
    alert.labels().forEach((name, value) -> {
      Entry e = new Entry(esc.inline(name, MAX_NAME), esc.inline(value, MAX_LABEL_VALUE));
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
        annotations.add(new Entry(esc.inline(name, MAX_NAME), esc.block(value, MAX_TEXT)));
      }
    });
    String url = NotificationLink.isHttpUrl(alert.generatorURL()) ? alert.generatorURL() : "";
    return new AlertView(
        resolved,
        esc.inline(alert.label("alertname"), MAX_NAME),
        esc.inline(alert.label("severity"), MAX_NAME),
        esc.inline(summary, MAX_TEXT),
        esc.block(ann.getOrDefault("description", ""), MAX_TEXT),
        List.copyOf(keyLabels), List.copyOf(labels), List.copyOf(annotations),
        TimeText.instant(alert.startsAt(), zone),
        resolved ? TimeText.instant(alert.endsAt(), zone) : "",
        resolved ? TimeText.between(alert.startsAt(), alert.endsAt()) : "",
        url);
  }

  /** The firing ones, in order. */
  static List<AlertView> firing(List<AlertView> alerts) {
    return alerts.stream().filter(a -> !a.resolved()).toList();
  }

  /** The resolved ones, in order. */
  static List<AlertView> resolved(List<AlertView> alerts) {
    return alerts.stream().filter(AlertView::resolved).toList();
  }

  /**
   * A copy whose untrusted texts are cut to {@code maxCodePoints} each: for an alert that does
   * not fit a message on its own. Cuts fall on code-point boundaries of escaped text, so never
   * inside a replacement; links and times are left whole.
   */
  AlertView shorten(int maxCodePoints) {
    return new AlertView(resolved, WeComEscaper.cut(name, Math.max(maxCodePoints, 20)),
        WeComEscaper.cut(severity, Math.max(maxCodePoints, 20)),
        WeComEscaper.cut(summary, maxCodePoints), WeComEscaper.cut(description, maxCodePoints),
        cutAll(keyLabels, maxCodePoints), cutAll(labels, maxCodePoints), cutAll(annotations, maxCodePoints),
        startsAt, endsAt, duration, generatorURL);
  }

  private static List<Entry> cutAll(List<Entry> entries, int maxCodePoints) {
    return entries.stream().map(e -> e.cut(maxCodePoints)).toList();
  }
}
