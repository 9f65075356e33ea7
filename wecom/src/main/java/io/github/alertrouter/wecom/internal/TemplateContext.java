package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a policy's mustache template can use, as plain maps, lists and strings (never the
 * SDK's objects, whose methods a template could otherwise reach). Every alert value is already
 * escaped for the message's dialect, so {@code {{x}}}, {@code {{{x}}}} and {@code {{&x}}} all
 * print the same inert text; links and the mention line are trusted and printed as they are.
 *
 * <pre>
 * status            "firing" or "resolved"
 * statusLine        "🔥 FIRING:3", "🔥 FIRING:2 · ✅ RESOLVED:1", "✅ RESOLVED:2"
 * colour            "warning" while anything fires, else "info": {@code <font color="{{colour}}">}
 * policy, reason    the policy name; why it is sent ("first notification")
 * groups, digest    how many groups a digest merges; whether it is a digest (groups &gt; 1)
 * groupLabels       [{name, value}]
 * firingCount, resolvedCount
 * firing, resolved  the alerts this message shows, each:
 *   name (= alertname), severity, summary, description, labels [{name, value}],
 *   annotations [{name, value}], startsAt, endsAt, duration ("1h 5m"), generatorURL, source
 *   ("[source](url)" in markdown, the URL in text, or "")
 * more, omitted     "…and 480 more alerts" (or ""); how many alerts are left out
 * part, parts       1-based part number and count (1 and 1 unless split)
 * links             [{title, url}]; linkLine "[Runbook](url) · ..." (text: "Runbook: url" lines)
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the "&lt;@userid&gt;" tokens (markdown only); "" in parts after the first
 * </pre>
 */
final class TemplateContext {
  private TemplateContext() {}

  static Map<String, Object> of(MessageFacts facts, Page<AlertFacts> page, boolean markdown) {
    Map<String, Object> c = new HashMap<>();
    c.put("status", facts.status());
    c.put("statusLine", facts.statusLine());
    c.put("colour", facts.resolved() ? MarkdownLayout.INFO : MarkdownLayout.WARNING);
    c.put("policy", facts.policy());
    c.put("reason", facts.reason());
    c.put("groups", facts.groups());
    c.put("digest", facts.groups() > 1);
    c.put("groupLabels", AlertFacts.entryMaps(facts.groupLabels()));
    c.put("firingCount", facts.firingCount());
    c.put("resolvedCount", facts.resolvedCount());
    c.put("firing", alerts(AlertFacts.firing(page.items()), markdown));
    c.put("resolved", alerts(AlertFacts.resolved(page.items()), markdown));
    c.put("more", page.moreLine());
    c.put("omitted", page.omitted());
    c.put("part", page.part());
    c.put("parts", page.parts());
    c.put("links", facts.links().stream()
        .map(l -> Map.<String, Object>of("title", l.title(), "url", l.url())).toList());
    c.put("linkLine", markdown ? facts.markdownLinkLine()
        : String.join("\n", facts.links().stream().map(l -> l.title() + ": " + l.url()).toList()));
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText() : "");
    c.put("mentions", page.carriesMentions() ? facts.tokenLine() : "");
    return c;
  }

  private static List<Map<String, Object>> alerts(List<AlertFacts> alerts, boolean markdown) {
    return alerts.stream().map(a -> alert(a, markdown)).toList();
  }

  private static Map<String, Object> alert(AlertFacts a, boolean markdown) {
    Map<String, Object> m = a.toTemplateMap();
    m.put("source", markdown ? Links.source(a.generatorURL()) : a.generatorURL());
    return m;
  }
}
