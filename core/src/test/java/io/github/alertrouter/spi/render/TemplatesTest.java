package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template kit: facts, context, and mustache behind {@link Templates}, as every platform uses them. */
class TemplatesTest {
  /** A visible stand-in for a platform table: {@code *} becomes {@code ＊}. */
  private static final InertText ESC = new InertText(cp -> cp == '*' ? '＊' : cp, true);
  private static final Notification SAMPLE = TemplateContext.sampleNotification();
  private static final NotificationFacts FACTS = NotificationFacts.of(SAMPLE, "kw", ESC);
  private static final List<AlertFacts> ALERTS = AlertFacts.all(SAMPLE, ZoneId.of("UTC"), ESC, 100);

  private static Map<String, Object> context(Page<AlertFacts> page) {
    Map<String, Object> c = TemplateContext.of(FACTS, page, a -> "<" + a.generatorURL() + ">");
    c.put("own", "a platform's value");
    return c;
  }

  static Stream<Arguments> renders() {
    return Stream.of(
        Arguments.of("status", "{{status}} {{statusLine}}", "firing 🔥 FIRING:1 · ✅ RESOLVED:1"),
        Arguments.of("policy, reason, digest", "{{policy}} · {{reason}} · {{groups}}{{^digest}} (one group){{/digest}}",
            "policy · first notification · 1 (one group)"),
        Arguments.of("group labels", "{{#groupLabels}}{{name}}={{value}}{{/groupLabels}}", "alertname=Sample"),
        Arguments.of("alerts with the platform's source", "{{#firing}}{{name}}/{{severity}} {{source}}{{/firing}}"
            + "{{#resolved}} {{duration}}{{/resolved}}", "Sample/warning <https://example.com/graph> 1m"),
        Arguments.of("links", "{{#links}}{{title}} {{url}}{{/links}}", "Runbook https://example.com/rb"),
        Arguments.of("page values", "{{part}}/{{parts}} [{{more}}] [{{moreDetail}}] {{omitted}}", "1/1 [] [] 0"),
        Arguments.of("counts", "{{#bySeverity}}{{count}} {{name}};{{/bySeverity}}{{#byAlertname}}{{count}} {{name}}{{/byAlertname}}"
            + "[{{#topLabels}}{{name}}{{/topLabels}}]", "2 warning;2 Sample[]"),
        Arguments.of("the platform's own values", "{{own}}", "a platform's value"),
        Arguments.of("nothing is HTML-escaped again", "{{#firing}}{{source}} {{{source}}}{{/firing}}",
            "<https://example.com/graph> <https://example.com/graph>"),
        Arguments.of("an outer value inside a section", "{{#firing}}{{parts}}{{/firing}}", "1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void rendersTheSharedContext(String name, String template, String expected) {
    assertThat(new Templates("Test").compile(template).render(context(Page.whole(ALERTS)))).isEqualTo(expected);
  }

  static Stream<Arguments> checks() {
    return Stream.of(
        Arguments.of("valid", "{{statusLine}}{{#firing}}{{summary}}{{/firing}}{{own}}", null),
        Arguments.of("unclosed section", "{{#firing}}{{summary}}", "firing"),
        Arguments.of("unknown name", "{{#firing}}{{summry}}{{/firing}}", "summry"),
        Arguments.of("empty tag", "{{ }}", "malformed tag"),
        Arguments.of("a platform's value another platform has", "{{keyword}}", "keyword"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void checksTemplatesWithoutThePlatformsName(String name, String template, String problem) {
    List<String> problems = new Templates("Test").check(template, context(Page.whole(ALERTS)));
    if (problem == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).singleElement().asString().contains(problem).doesNotContain("Test template");
    }
  }

  @Test
  void compileAndRenderErrorsNameThePlatform() {
    Templates templates = new Templates("Test");
    assertThatThrownBy(() -> templates.compile("{{#firing}}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Test template: ").hasMessageContaining("firing");
    Template unknown = templates.compile("{{nope}}");
    assertThatThrownBy(() -> unknown.render(context(Page.whole(ALERTS)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Test template: ").hasMessageContaining("nope");
  }

  @Test
  void compiledTemplatesAreCachedByText() {
    Templates templates = new Templates("Test");
    assertThat(templates.compile("{{status}}")).isSameAs(templates.compile("{{status}}"));
  }

  static Stream<Arguments> texts() {
    Page<AlertFacts> cut = new Page<>(ALERTS, 480, 1, 1, true);
    return Stream.of(
        Arguments.of("blanks around are stripped", "\n  {{status}} \n", Page.whole(ALERTS), "firing"),
        Arguments.of("the more line is appended after the separator", "{{status}}", cut,
            "firing\n\n…and 480 more alerts"),
        Arguments.of("not when the template printed it", "{{more}} ({{omitted}})", cut, "…and 480 more alerts (480)"),
        Arguments.of("nor when it printed the detailed one", "{{moreDetail}}", new Page<>(ALERTS.subList(0, 1), 1, 1, 1, true),
            "…and 1 more alert (1 warning)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void aMessageTextKeepsTheMoreLine(String name, String template, Page<AlertFacts> page, String expected) {
    assertThat(new Templates("Test").compile(template).text(context(page), page, "\n\n")).isEqualTo(expected);
  }

  @Test
  void anotherEngineServesTheSameWay() {
    TemplateEngine upper = text -> {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("empty template");
      }
      return context -> text.toUpperCase() + " " + context.get("status");
    };
    Templates templates = new Templates("Test", upper);
    assertThat(templates.compile("go").render(Map.of("status", "firing"))).isEqualTo("GO firing");
    assertThat(templates.check("", Map.of())).containsExactly("empty template");
    assertThatThrownBy(() -> templates.compile("")).hasMessage("Test template: empty template");
  }

  static Stream<Arguments> facts() {
    TreeMap<String, String> group = new TreeMap<>(Map.of("alertname", "Disk*Full", "service", "db"));
    Notification two = new Notification("p*1", "{}", group, NotifyReason.FIRST_NOTIFICATION,
        SAMPLE.firing(), List.of(), List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK,
            "Run*book " + "x".repeat(60), "https://example.com/rb")), SAMPLE.at(), 3);
    NotificationFacts f = NotificationFacts.of(two, null, ESC);
    Page<AlertFacts> part = new Page<>(List.of(), 0, 2, 3, false);
    Page<AlertFacts> cut = new Page<>(List.of(), 1, 1, 1, true);
    return Stream.of(
        Arguments.of("status line, firing only", f.statusLine(), "🔥 FIRING:1"),
        Arguments.of("status line, resolved", NotificationFacts.of(
            new Notification("p", "{}", group, NotifyReason.FIRST_NOTIFICATION, List.of(), SAMPLE.resolved(),
                List.of(), SAMPLE.at(), 1), null, ESC).statusLine(), "✅ RESOLVED:1"),
        Arguments.of("escaped group values", f.groupValues(), "Disk＊Full db"),
        Arguments.of("group text", f.groupText(), "alertname=Disk＊Full, service=db"),
        Arguments.of("heading without a keyword", f.heading(), "🔥 FIRING:1 · Disk＊Full db"),
        Arguments.of("heading with a keyword", FACTS.heading(), "[kw] 🔥 FIRING:1 · ✅ RESOLVED:1 · Sample"),
        Arguments.of("title of a part", f.title(part, "Disk＊Full db"), "[FIRING:1] Disk＊Full db (2/3)"),
        Arguments.of("title without a subject", FACTS.title(Page.whole(ALERTS), ""), "[kw] [FIRING:1]"),
        Arguments.of("about lines, digest", String.join("|", f.aboutLines("**")),
            "**Group:** alertname=Disk＊Full, service=db|**Policy:** p＊1 · **Reason:** first notification"
                + "|**Digest:** merges 3 groups"),
        Arguments.of("no counts on a page that shows every alert in full", String.join("|", f.countLines(Page.whole(ALERTS), Look.FULL, "**", 1000)), ""),
        Arguments.of("counts on a page that leaves alerts out", String.join("|", f.countLines(cut, Look.FULL, "**", 1000)),
            "**Severity:** 1 warning|**Alertname:** 1 Sample"),
        Arguments.of("counts on the first page of a compact listing", String.join("|", f.countLines(Page.whole(ALERTS), Look.LINE, "", 1000)),
            "Severity: 1 warning|Alertname: 1 Sample"),
        Arguments.of("not on its later parts", String.join("|", f.countLines(part, Look.LINE, "", 1000)), ""),
        Arguments.of("the more line says what it leaves out", f.moreLine(cut), "…and 1 more alert (1 warning)"),
        Arguments.of("no more line when nothing is left out", f.moreLine(Page.whole(ALERTS)), ""),
        Arguments.of("escaped, bounded link titles", f.escapedLinks().get(0).title(),
            TextSafety.cut("Run＊book " + "x".repeat(60), NotificationFacts.MAX_LINK_TITLE)),
        Arguments.of("raw links kept", f.links().get(0).title(), "Run*book " + "x".repeat(60)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facts")
  void notificationFacts(String name, String actual, String expected) {
    assertThat(actual).isEqualTo(expected);
  }
}
