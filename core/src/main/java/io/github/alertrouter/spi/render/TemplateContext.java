package io.github.alertrouter.spi.render;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The values every platform's templates can use, as plain maps, lists and strings (never the SDK's
 * objects, whose methods a template could otherwise reach). Every alert value is already escaped
 * for the message's dialect, so {@code {{x}}}, {@code {{{x}}}} and {@code {{&x}}} all print the same
 * inert text; links are trusted and printed as they are.
 *
 * <pre>
 * status            "firing" or "resolved"
 * statusLine        "🔥 FIRING:3", "🔥 FIRING:2 · ✅ RESOLVED:1", "✅ RESOLVED:2"
 * policy, reason    the policy name; why it is sent ("first notification")
 * groups, digest    how many groups a digest merges; whether it is a digest (groups &gt; 1)
 * groupLabels       [{name, value}]
 * firingCount, resolvedCount
 * firing, resolved  the alerts this message shows, each:
 *   name (= alertname), severity, summary, description, labels [{name, value}],
 *   annotations [{name, value}], startsAt, endsAt, duration ("1h 5m"), generatorURL, and source
 *   (the generator link as the platform writes one)
 * more, omitted     "…and 480 more alerts" (or ""); how many alerts are left out
 * moreDetail        the same with the severities left out: "…and 480 more alerts (12 critical · 468 warning)"
 * bySeverity        [{name, count}] every alert of the notification by severity, most severe first
 * byAlertname       [{name, count}] the same by alertname, the ten with the most alerts
 * topLabels         [{name, count}] the label values most alerts share ("team=payments"), at most five
 * part, parts       1-based part number and count (1 and 1 unless split)
 * links             [{title, url}]
 * </pre>
 *
 * Built-in words ({@code statusLine}, {@code reason}, {@code more}, link titles, an alert's
 * {@code source} title) are in the robot's {@link Wording}; the names above never change.
 *
 * <p>A platform adds its own values to the map {@link #of} returns (a keyword, mentions, a link line,
 * colours) and documents them. Stateless.
 */
public final class TemplateContext {
  private TemplateContext() {}

  /**
   * The values above for one page of a notification; a mutable map, for the platform's own values.
   *
   * @param source the {@code source} value of an alert, from its (trusted) generator URL
   */
  public static Map<String, Object> of(NotificationFacts facts, Page<AlertFacts> page,
      Function<AlertFacts, String> source) {
    Map<String, Object> c = new HashMap<>();
    c.put("status", facts.status());
    c.put("statusLine", facts.statusLine());
    c.put("policy", facts.policy());
    c.put("reason", facts.reason());
    c.put("groups", facts.groups());
    c.put("digest", facts.groups() > 1);
    c.put("groupLabels", AlertFacts.entryMaps(facts.groupLabels()));
    c.put("firingCount", facts.firingCount());
    c.put("resolvedCount", facts.resolvedCount());
    c.put("firing", alerts(AlertFacts.firing(page.items()), source));
    c.put("resolved", alerts(AlertFacts.resolved(page.items()), source));
    c.put("more", facts.plainMoreLine(page));
    c.put("omitted", page.omitted());
    c.put("moreDetail", facts.moreLine(page));
    c.put("bySeverity", countMaps(facts.counts().bySeverity(), AlertCounts.MAX_SEVERITIES));
    c.put("byAlertname", countMaps(facts.counts().byName(), AlertCounts.MAX_NAMES));
    c.put("topLabels", countMaps(facts.counts().topLabels(), AlertCounts.MAX_TOP_LABELS));
    c.put("part", page.part());
    c.put("parts", page.parts());
    c.put("links", facts.escapedLinks().stream()
        .map(l -> Map.<String, Object>of("title", l.title(), "url", l.url())).toList());
    return c;
  }

  /**
   * A notification that fills every value above (a firing and a resolved alert with every field,
   * a group label, a link), for checking a template's names at configuration time.
   */
  public static Notification sampleNotification() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Alert firing = Alert.firing(Map.of("alertname", "Sample", "severity", "warning"))
        .annotation("summary", "s").annotation("description", "d").startsAt(t)
        .generatorURL("https://example.com/graph").build();
    return new Notification("policy", "{}:{}", new TreeMap<>(Map.of("alertname", "Sample")),
        NotifyReason.FIRST_NOTIFICATION, List.of(firing), List.of(firing.resolvedAt(t.plusSeconds(60))),
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, "Runbook", "https://example.com/rb")), t, 1);
  }

  private static List<Map<String, Object>> countMaps(List<AlertCounts.Count> counts, int max) {
    return counts.stream().limit(max).map(k -> Map.<String, Object>of("name", k.key(), "count", k.count())).toList();
  }

  private static List<Map<String, Object>> alerts(List<AlertFacts> alerts, Function<AlertFacts, String> source) {
    return alerts.stream().map(a -> {
      Map<String, Object> m = a.toTemplateMap();
      m.put("source", source.apply(a));
      return m;
    }).toList();
  }
}
