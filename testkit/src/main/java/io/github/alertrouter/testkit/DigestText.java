package io.github.alertrouter.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts a reader learns from one message's text (as a chat shows it, or a rendered message's
 * text field): the "Severity:", "Alertname:" and "Most alerts:" lines of a digest or a truncated
 * message, and "…and N more alerts (…)" with the severities left out. Bold markers and quote
 * marks are ignored; a sum of what is not listed ("30 under 7 other names") is kept under the key
 * {@code "under 7 other names"}. For tests of the built-in layouts, whose keys never contain
 * {@code " · "}. Immutable.
 *
 * @param bySeverity alerts per severity, in the order listed; empty when the message has no such line
 * @param byAlertname alerts per alertname, in the order listed
 * @param topLabels alerts per label value ({@code team=payments}), in the order listed
 * @param more the alerts "…and N more alerts" counts, or 0
 * @param moreBySeverity the severities of those, in the order listed
 */
public record DigestText(Map<String, Integer> bySeverity, Map<String, Integer> byAlertname,
    Map<String, Integer> topLabels, int more, Map<String, Integer> moreBySeverity) {
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more alerts?(?: \\((.*)\\))?");
  private static final Pattern ENTRY = Pattern.compile("(\\d+) (.+)");

  /** Copies the maps, keeping their order; none may be null. */
  public DigestText {
    bySeverity = Collections.unmodifiableMap(new LinkedHashMap<>(bySeverity));
    byAlertname = Collections.unmodifiableMap(new LinkedHashMap<>(byAlertname));
    topLabels = Collections.unmodifiableMap(new LinkedHashMap<>(topLabels));
    moreBySeverity = Collections.unmodifiableMap(new LinkedHashMap<>(moreBySeverity));
  }

  /** The counts in {@code text}. */
  public static DigestText read(String text) {
    Map<String, Integer> severity = Map.of();
    Map<String, Integer> names = Map.of();
    Map<String, Integer> labels = Map.of();
    int more = 0;
    Map<String, Integer> moreSeverity = Map.of();
    for (String raw : text.split("\n")) {
      String line = raw.replace("**", "").replaceFirst("^>\\s*", "").strip();
      if (line.startsWith("Severity: ")) {
        severity = entries(line.substring("Severity: ".length()));
      } else if (line.startsWith("Alertname: ")) {
        names = entries(line.substring("Alertname: ".length()));
      } else if (line.startsWith("Most alerts: ")) {
        labels = entries(line.substring("Most alerts: ".length()));
      } else {
        Matcher m = MORE.matcher(line);
        if (m.find()) {
          more += Integer.parseInt(m.group(1));
          moreSeverity = m.group(2) == null ? Map.of() : entries(m.group(2));
        }
      }
    }
    return new DigestText(severity, names, labels, more, moreSeverity);
  }

  /** Whether the message has counts lines at all. */
  public boolean hasCounts() {
    return !bySeverity.isEmpty() || !byAlertname.isEmpty();
  }

  /** The sum of a map's counts. */
  public static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Map<String, Integer> entries(String listing) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String entry : listing.split(" · ")) {
      Matcher m = ENTRY.matcher(entry.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a count: \"" + entry + "\" in \"" + listing + "\"");
      }
      counts.merge(m.group(2), Integer.parseInt(m.group(1)), Integer::sum);
    }
    return counts;
  }
}
