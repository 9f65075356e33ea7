package io.github.alertrouter.spi.render;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many of a notification's alerts carry each severity, each alertname, and the label values
 * most of them share: the summary a message shows when it cannot show every alert in full (a
 * digest, a truncated message), so that a reader learns the shape of the whole storm whatever the
 * message had room to name. The counts cover every alert, firing and resolved, in the order
 * {@link AlertFacts#all} lists them; keys are escaped by the message dialect's {@link Escaper} and
 * bounded. Immutable and thread-safe.
 *
 * <pre>
 * **Severity:** 2987 critical · 5999 warning · 995 info
 * **Alertname:** 2010 DiskFull · 2001 HighLatency · 30 under 7 other names
 * **Most alerts:** 21 team=team-0417 · 20 team=team-0733
 * </pre>
 */
public final class AlertCounts {
  /** Shown in place of a missing severity or alertname. */
  public static final String NONE = "(none)";
  /** Longest severity, in escaped units. */
  public static final int MAX_SEVERITY = 30;
  /** Longest alertname, label name or label value, in escaped units. */
  public static final int MAX_KEY = 60;
  /** Alertnames listed at most; the rest are summed up as "N under M other names". */
  public static final int MAX_NAMES = 10;
  /** Severities listed at most. */
  public static final int MAX_SEVERITIES = 6;
  /** Label values listed under "Most alerts" at most. */
  public static final int MAX_TOP_LABELS = 5;
  private static final String SEPARATOR = " · ";

  /**
   * A key and how many alerts carry it. Immutable.
   *
   * @param key the escaped severity, alertname or {@code name=value}
   * @param count how many alerts
   */
  public record Count(String key, int count) {
    /** @throws NullPointerException if {@code key} is null */
    public Count {
      Objects.requireNonNull(key, "key");
    }

    /** {@code 2987 critical}. */
    @Override
    public String toString() {
      return count + " " + key;
    }
  }

  private final int alerts;
  private final List<Count> bySeverity;
  private final List<Count> byName;
  private final List<Count> topLabels;
  private final List<Integer> severityOf;

  private AlertCounts(int alerts, List<Count> bySeverity, List<Count> byName, List<Count> topLabels,
      List<Integer> severityOf) {
    this.alerts = alerts;
    this.bySeverity = List.copyOf(bySeverity);
    this.byName = List.copyOf(byName);
    this.topLabels = List.copyOf(topLabels);
    this.severityOf = List.copyOf(severityOf);
  }

  /**
   * The counts of {@code n}'s alerts, keys escaped by {@code escaper}. Only distinct values are
   * escaped, and only the top label values, so a storm of 10,000 alerts costs one pass over them.
   */
  public static AlertCounts of(Notification n, Escaper escaper) {
    List<Alert> all = new ArrayList<>(n.alertCount());
    all.addAll(n.firing());
    all.addAll(n.resolved());
    Map<String, Integer> severities = new LinkedHashMap<>();
    Map<String, Integer> names = new HashMap<>();
    Map<Map.Entry<String, String>, Integer> labels = new HashMap<>();
    for (Alert a : all) {
      severities.merge(valueOf(a.label("severity")), 1, Integer::sum);
      names.merge(valueOf(a.label("alertname")), 1, Integer::sum);
      a.labels().forEach((name, value) -> {
        if (!name.equals("alertname") && !name.equals("severity") && !AlertFacts.internal(name)) {
          labels.merge(Map.entry(name, value), 1, Integer::sum);
        }
      });
    }
    // most severe first, then the most alerts; the index is what remainder() counts by
    List<String> severityOrder = new ArrayList<>(severities.keySet());
    severityOrder.sort(Comparator.comparingInt(Severity::rank) // NONE ranks as a missing one: a warning
        .thenComparing(s -> -severities.get(s)).thenComparing(Comparator.naturalOrder()));
    Map<String, Integer> index = new HashMap<>();
    List<Count> bySeverity = new ArrayList<>();
    for (String s : severityOrder) {
      index.put(s, bySeverity.size());
      bySeverity.add(new Count(key(s, escaper, MAX_SEVERITY), severities.get(s)));
    }
    List<Integer> severityOf = all.stream().map(a -> index.get(valueOf(a.label("severity")))).toList();
    List<Count> byName = names.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Count(key(e.getKey(), escaper, MAX_KEY), e.getValue()))
        .toList();
    // a value every alert carries says nothing about where the storm is; one alert's is no offender
    List<Count> topLabels = labels.entrySet().stream()
        .filter(e -> e.getValue() > 1 && e.getValue() < all.size())
        .sorted(Map.Entry.<Map.Entry<String, String>, Integer>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().getKey()).thenComparing(e -> e.getKey().getValue()))
        .limit(MAX_TOP_LABELS)
        .map(e -> new Count(
            escaper.inline(e.getKey().getKey(), MAX_KEY) + "=" + escaper.inline(e.getKey().getValue(), MAX_KEY),
            e.getValue()))
        .toList();
    return new AlertCounts(all.size(), bySeverity, byName, topLabels, severityOf);
  }

  /** How many alerts the counts cover. */
  public int alerts() {
    return alerts;
  }

  /** Alerts per severity, most severe first ({@link Severity}), then the most alerts; {@link #NONE} for none. */
  public List<Count> bySeverity() {
    return bySeverity;
  }

  /** Alerts per alertname, the most alerts first, then by name; {@link #NONE} for none. */
  public List<Count> byName() {
    return byName;
  }

  /**
   * The label values (other than alertname and severity) most alerts carry, {@code team=payments},
   * at most {@link #MAX_TOP_LABELS}, the most alerts first: only values more than one alert carries,
   * and not all of them (the group's own labels say that).
   */
  public List<Count> topLabels() {
    return topLabels;
  }

  /**
   * The summary as lines, each label between {@code bold} markers, together at most
   * {@code maxBytes} UTF-8 bytes: as many severities, names and label values as fit in that order
   * (at most {@link #MAX_SEVERITIES}, {@link #MAX_NAMES}, {@link #MAX_TOP_LABELS}); what is not
   * listed is summed up ("30 under 7 other names"), so each line's counts add up to every alert.
   * Empty without alerts.
   */
  public List<String> lines(String bold, int maxBytes) {
    return lines(bold, maxBytes, Wording.DEFAULT);
  }

  /** {@link #lines(String, int)} with its field names and sums in {@code wording}. */
  public List<String> lines(String bold, int maxBytes, Wording wording) {
    List<String> lines = new ArrayList<>();
    if (alerts == 0) {
      return lines;
    }
    // in order of importance, each line fitted into what the ones before it left
    String severity =
        listed(bold + wording.severity() + bold + " ", bySeverity, MAX_SEVERITIES, Noun.SEVERITIES, maxBytes, wording);
    int left = maxBytes - utf8(severity) - 1;
    String names = listed(bold + wording.alertname() + bold + " ", byName, MAX_NAMES, Noun.NAMES, left, wording);
    left -= utf8(names) + 1;
    String labels =
        listed(bold + wording.mostAlerts() + bold + " ", topLabels, MAX_TOP_LABELS, Noun.NONE, left, wording);
    for (String line : List.of(severity, names, labels)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * The severities of the last {@code omitted} alerts (those a truncated message leaves out),
   * {@code 2787 critical · 5999 warning · 995 info}, at most {@link #MAX_SEVERITIES} and the rest
   * summed up; {@code ""} when none are left out or no alert has a severity.
   */
  public String remainder(int omitted) {
    return remainder(omitted, Wording.DEFAULT);
  }

  /** {@link #remainder(int)} with its sum in {@code wording}. */
  public String remainder(int omitted, Wording wording) {
    if (omitted <= 0 || omitted > alerts || (bySeverity.size() == 1 && bySeverity.get(0).key().equals(NONE))) {
      return "";
    }
    int[] left = new int[bySeverity.size()];
    for (int i = alerts - omitted; i < alerts; i++) {
      left[severityOf.get(i)]++;
    }
    List<Count> counts = new ArrayList<>();
    for (int i = 0; i < left.length; i++) {
      if (left[i] > 0) {
        counts.add(new Count(bySeverity.get(i).key(), left[i]));
      }
    }
    return listed("", counts, MAX_SEVERITIES, Noun.SEVERITIES, Integer.MAX_VALUE, wording);
  }

  /**
   * {@code label} and as many of {@code counts} as fit in {@code maxBytes} (at most {@code limit}),
   * the rest summed up as "N under M other {@code plural}" (or left out without a noun); {@code ""}
   * when not even the label and the sum fit, or there is nothing to list.
   */
  private enum Noun { SEVERITIES, NAMES, NONE }

  private static String listed(String label, List<Count> counts, int limit, Noun noun, int maxBytes,
      Wording wording) {
    if (counts.isEmpty()) {
      return "";
    }
    String best = "";
    for (int shown = noun == Noun.NONE ? 1 : 0; shown <= Math.min(limit, counts.size()); shown++) {
      String candidate = label + listing(counts, shown, noun, wording);
      if (utf8(candidate) > maxBytes) {
        break;
      }
      best = candidate;
    }
    return best;
  }

  private static String listing(List<Count> counts, int shown, Noun noun, Wording wording) {
    List<String> parts = new ArrayList<>();
    // NONE is ours, not a value: it is shown in the wording's language
    counts.subList(0, shown).forEach(c -> parts.add(c.key().equals(NONE) ? c.count() + " " + wording.none() : c.toString()));
    int others = counts.size() - shown;
    if (others > 0 && noun != Noun.NONE) {
      int rest = counts.subList(shown, counts.size()).stream().mapToInt(Count::count).sum();
      parts.add(wording.under(rest, others, shown > 0, noun == Noun.NAMES));
    }
    return String.join(SEPARATOR, parts);
  }

  private static String valueOf(String label) {
    return label == null || label.isEmpty() ? NONE : label;
  }

  private static String key(String value, Escaper escaper, int max) {
    return NONE.equals(value) ? NONE : escaper.inline(value, max);
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
