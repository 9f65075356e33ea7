package io.github.alertrouter.spi.render;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert as a platform's layouts and templates show it: every untrusted value already made
 * inert by the platform's {@link Escaper} and bounded, times formatted with {@link TimeText}, the
 * generator link kept only when it is an http(s) URL. Layouts only ever see these strings, so a
 * value cannot format, link or mention whatever layout prints it. Immutable and thread-safe.
 *
 * @param resolved whether it resolved
 * @param name the {@code alertname} label, or {@code ""}
 * @param severity the {@code severity} label, or {@code ""}
 * @param summary the {@code summary} annotation, else {@code message}, or {@code ""}
 * @param description the {@code description} annotation, or {@code ""} (multi-line)
 * @param keyLabels labels that are not group labels, alertname or severity (at most
 *     {@link #MAX_KEY_LABELS}), in label order
 * @param labels every label (at most {@link #MAX_ENTRIES}) but the internal ones, whose names start
 *     with {@code __} (such as {@code __receiver__}): routing sees those, messages do not
 * @param annotations every annotation (at most {@link #MAX_ENTRIES}, multi-line values) but the
 *     internal ones, whose names start with {@code __} (such as {@code __external_url__})
 * @param startsAt formatted start, or {@code ""}
 * @param endsAt formatted end of a resolved alert, or {@code ""}
 * @param duration how long a resolved alert fired ({@code 1h 5m}), or {@code ""}
 * @param generatorURL the trusted source link, or {@code ""}
 * @param startsAtTime when it started, or {@code null} (for Go templates' {@code .StartsAt})
 * @param endsAtTime when a resolved alert ended, else {@code null} (Go templates' {@code .EndsAt})
 * @param fingerprint Alertmanager's 16 hex digits of its labels (inert in every dialect)
 * @param receiver its {@code __receiver__} label, escaped and within {@link #MAX_NAME}, or
 *     {@code ""}
 * @param externalURL the sender's URL (its {@code __external_url__} annotation: Alertmanager's
 *     {@code externalURL}) when it is an http(s) URL, else {@code ""} (Go templates' {@code .ExternalURL})
 */
public record AlertFacts(
    boolean resolved, String name, String severity, String summary, String description,
    List<Entry> keyLabels, List<Entry> labels, List<Entry> annotations,
    String startsAt, String endsAt, String duration, String generatorURL,
    Instant startsAtTime, Instant endsAtTime, String fingerprint, String receiver, String externalURL) {

  /** Key labels shown at most. */
  public static final int MAX_KEY_LABELS = 8;
  /** Labels and annotations kept at most. */
  public static final int MAX_ENTRIES = 50;
  /** Longest name (alertname, severity, label and annotation names, policy), in escaped units. */
  public static final int MAX_NAME = 120;
  /** Longest label value, in escaped units. */
  public static final int MAX_LABEL_VALUE = 200;
  /** Longest name and summary in a {@link #compactLine}, in escaped units. */
  public static final int MAX_COMPACT_TEXT = 60;
  /** Longest run of key labels in a {@link #compactLine}, in escaped units. */
  public static final int MAX_COMPACT_LABELS = 100;
  /** Names and severities are never shortened below this, however tight the message. */
  public static final int MIN_SHORTENED_NAME = 20;
  private static final Set<String> NOT_KEY = Set.of("alertname", "severity");
  // the webhook adapter's label (WebhookPayload.RECEIVER_LABEL); the kit does not depend on the adapter
  private static final String RECEIVER_LABEL = "__receiver__";
  // the webhook adapter's annotation (WebhookPayload.EXTERNAL_URL_ANNOTATION)
  private static final String EXTERNAL_URL_ANNOTATION = "__external_url__";

  /** Copies the lists; none may be null. */
  public AlertFacts {
    keyLabels = List.copyOf(keyLabels);
    labels = List.copyOf(labels);
    annotations = List.copyOf(annotations);
  }

  /**
   * A name and a value, both escaped. Immutable.
   *
   * @param name the escaped name
   * @param value the escaped value
   */
  public record Entry(String name, String value) {
    /** {@code {name, value}}, for a template context. */
    public Map<String, Object> toMap() {
      return Map.of("name", name, "value", value);
    }

    /** An escaped label: name within {@link #MAX_NAME}, value within {@link #MAX_LABEL_VALUE}. */
    public static Entry label(String name, String value, Escaper escaper) {
      return new Entry(escaper.inline(name, MAX_NAME), escaper.inline(value, MAX_LABEL_VALUE));
    }
  }

  /**
   * The facts of one alert.
   *
   * @param groupLabelNames the notification's group labels, left out of {@link #keyLabels}
   * @param resolved whether to show it as resolved (end time and duration are shown only then)
   * @param zone the zone times are shown in
   * @param escaper the message dialect's escaper
   * @param maxText the longest summary, description and annotation value, in escaped units
   */
  public static AlertFacts of(Alert alert, Set<String> groupLabelNames, boolean resolved, ZoneId zone,
      Escaper escaper, int maxText) {
    Map<String, String> ann = alert.annotations();
    String summary = ann.getOrDefault("summary", ann.getOrDefault("message", ""));
    List<Entry> keyLabels = new ArrayList<>();
    List<Entry> labels = new ArrayList<>();
    alert.labels().forEach((name, value) -> {
      if (internal(name)) {
        return;
      }
      Entry e = Entry.label(name, value, escaper);
      if (labels.size() < MAX_ENTRIES) {
        labels.add(e);
      }
      if (!NOT_KEY.contains(name) && !groupLabelNames.contains(name) && keyLabels.size() < MAX_KEY_LABELS) {
        keyLabels.add(e);
      }
    });
    List<Entry> annotations = new ArrayList<>();
    ann.forEach((name, value) -> {
      if (!internal(name) && annotations.size() < MAX_ENTRIES) {
        annotations.add(new Entry(escaper.inline(name, MAX_NAME), escaper.block(value, maxText)));
      }
    });
    String url = NotificationLink.isHttpUrl(alert.generatorURL()) ? alert.generatorURL() : "";
    return new AlertFacts(
        resolved,
        escaper.inline(alert.label("alertname"), MAX_NAME),
        escaper.inline(alert.label("severity"), MAX_NAME),
        escaper.inline(summary, maxText),
        escaper.block(ann.getOrDefault("description", ""), maxText),
        keyLabels, labels, annotations,
        TimeText.instant(alert.startsAt(), zone),
        resolved ? TimeText.instant(alert.endsAt(), zone) : "",
        resolved ? TimeText.between(alert.startsAt(), alert.endsAt()) : "",
        url, alert.startsAt(), resolved ? alert.endsAt() : null, alert.fingerprint().toString(),
        escaper.inline(alert.label(RECEIVER_LABEL), MAX_NAME), externalUrl(ann.get(EXTERNAL_URL_ANNOTATION)));
  }

  private static String externalUrl(String url) {
    return url != null && NotificationLink.isHttpUrl(url) ? url : "";
  }

  /** Whether a label is internal (Prometheus's convention: its name starts with {@code __}), never shown. */
  static boolean internal(String labelName) {
    return labelName.startsWith("__");
  }

  /**
   * The facts of every alert of a notification: the firing ones, then the resolved ones, each in
   * order; arguments as for {@link #of(Alert, Set, boolean, ZoneId, Escaper, int)}.
   */
  public static List<AlertFacts> all(Notification n, ZoneId zone, Escaper escaper, int maxText) {
    Set<String> group = n.groupLabels().keySet();
    List<AlertFacts> all = new ArrayList<>(n.alertCount());
    n.firing().forEach(a -> all.add(of(a, group, false, zone, escaper, maxText)));
    n.resolved().forEach(a -> all.add(of(a, group, true, zone, escaper, maxText)));
    return all;
  }

  /** The firing ones, in order. */
  public static List<AlertFacts> firing(List<AlertFacts> alerts) {
    return alerts.stream().filter(a -> !a.resolved()).toList();
  }

  /** The resolved ones, in order. */
  public static List<AlertFacts> resolved(List<AlertFacts> alerts) {
    return alerts.stream().filter(AlertFacts::resolved).toList();
  }

  /**
   * A copy whose untrusted texts are cut to {@code max} units each (names and severity to no less
   * than {@link #MIN_SHORTENED_NAME}), for an alert that does not fit a message on its own. Cuts use
   * {@code escaper}'s {@link Escaper#cut}, so never split an escape; links and times stay whole.
   */
  public AlertFacts shorten(int max, Escaper escaper) {
    int nameMax = Math.max(max, MIN_SHORTENED_NAME);
    return new AlertFacts(resolved, escaper.cut(name, nameMax), escaper.cut(severity, nameMax),
        escaper.cut(summary, max), escaper.cut(description, max),
        cutAll(keyLabels, max, escaper), cutAll(labels, max, escaper), cutAll(annotations, max, escaper),
        startsAt, endsAt, duration, generatorURL, startsAtTime, endsAtTime, fingerprint, receiver, externalURL);
  }

  /** {@link NotificationFacts#RESOLVED_MARK} when resolved, else {@link NotificationFacts#FIRING_MARK}. */
  public String mark() {
    return resolved ? NotificationFacts.RESOLVED_MARK : NotificationFacts.FIRING_MARK;
  }

  /**
   * The first line of the alert in every built-in layout: {@code marker}, the name between
   * {@code bold} markers ({@code alert} when it has none), the severity, and for a resolved alert
   * {@code resolvedAfter} and its duration: {@code ✅ **DiskFull** · critical · resolved after 5m}.
   */
  public String headline(String marker, String bold, String resolvedAfter) {
    return headline(marker, bold, resolvedAfter, Wording.DEFAULT);
  }

  /** {@link #headline(String, String, String)}, an alert without a name called so in {@code wording}. */
  public String headline(String marker, String bold, String resolvedAfter, Wording wording) {
    return marker + " " + bold + (name.isEmpty() ? wording.alert() : name) + bold
        + (severity.isEmpty() ? "" : " · " + severity)
        + (resolved && !duration.isEmpty() ? " · " + resolvedAfter + " " + duration : "");
  }

  /**
   * The alert on one line, for a message that lists many (a digest): marker, name between
   * {@code bold} markers, severity, how long a resolved one fired, key labels and, unless
   * {@code look} is {@link Look#SHORT_LINE}, the summary; texts cut short with {@code escaper}
   * ({@link #MAX_COMPACT_TEXT}, {@link #MAX_COMPACT_LABELS}):
   * {@code 🔥 **DiskFull** · critical · instance=i-00019 · team=team-0141 · disk 97 % full}.
   * No description, times or link: a line per alert is what lets a storm's digest name hundreds.
   */
  public String compactLine(String bold, Escaper escaper, Look look) {
    return compactLine(bold, escaper, look, Wording.DEFAULT);
  }

  /** {@link #compactLine(String, Escaper, Look)} with its words in {@code wording}. */
  public String compactLine(String bold, Escaper escaper, Look look, Wording wording) {
    String title = bold + (name.isEmpty() ? wording.alert() : escaper.cut(name, MAX_COMPACT_TEXT)) + bold;
    return LayoutText.join(" · ", mark() + " " + title, escaper.cut(severity, AlertCounts.MAX_SEVERITY),
        resolved && !duration.isEmpty() ? wording.resolvedAfter() + " " + duration : "",
        escaper.cut(keyLabelLine(), MAX_COMPACT_LABELS),
        look == Look.SHORT_LINE ? "" : escaper.cut(summary, MAX_COMPACT_TEXT));
  }

  /** The key labels, {@code team=payments · zone=a}, or {@code ""}. */
  public String keyLabelLine() {
    return String.join(" · ", keyLabels.stream().map(e -> e.name() + "=" + e.value()).toList());
  }

  /** {@code started …} and, for a resolved alert, {@code ended …}: those it has. */
  public List<String> times() {
    return times(Wording.DEFAULT);
  }

  /** {@link #times()} in {@code wording}: {@code 开始于 …}, {@code 结束于 …}. */
  public List<String> times(Wording wording) {
    List<String> times = new ArrayList<>();
    if (!startsAt.isEmpty()) {
      times.add(wording.started() + " " + startsAt);
    }
    if (resolved && !endsAt.isEmpty()) {
      times.add(wording.ended() + " " + endsAt);
    }
    return times;
  }

  /** {@code [source](url)} for markdown, or {@code ""} without a generator URL. */
  public String markdownSource() {
    return markdownSource(Wording.DEFAULT);
  }

  /** {@link #markdownSource()} titled in {@code wording}: {@code [来源](url)}. */
  public String markdownSource(Wording wording) {
    return generatorURL.isEmpty() ? "" : LayoutText.markdownLink(wording.source(), generatorURL);
  }

  /**
   * The alert as a template sees it: {@code name, severity, summary, description, labels
   * [{name, value}], annotations [{name, value}], startsAt, endsAt, duration, generatorURL}. A
   * mutable map, so a platform can add its own keys (such as a {@code source} link).
   */
  public Map<String, Object> toTemplateMap() {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("severity", severity);
    m.put("summary", summary);
    m.put("description", description);
    m.put("labels", entryMaps(labels));
    m.put("annotations", entryMaps(annotations));
    m.put("startsAt", startsAt);
    m.put("endsAt", endsAt);
    m.put("duration", duration);
    m.put("generatorURL", generatorURL);
    return m;
  }

  /** Entries as {@code [{name, value}]}, for a template context. */
  public static List<Map<String, Object>> entryMaps(List<Entry> entries) {
    return entries.stream().map(Entry::toMap).toList();
  }

  private static List<Entry> cutAll(List<Entry> entries, int max, Escaper escaper) {
    return entries.stream().map(e -> new Entry(e.name(), escaper.cut(e.value(), max))).toList();
  }
}
