package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go templates behind {@link Templates}: Alertmanager's data from the page, escaped values, our extras. */
class GoMessageTemplateTest {
  /** A visible stand-in for a platform table: {@code *} becomes {@code ＊}. */
  private static final InertText ESC = new InertText(cp -> cp == '*' ? '＊' : cp, true);
  private static final Instant T = Instant.parse("2026-11-25T08:05:47Z");
  private static final Alert DISK = Alert.firing(Map.of("alertname", "DiskFull", "severity", "critical",
          "instance", "db-1*", "__receiver__", "team-ops"))
      .annotation("summary", "磁盘 *满了*").startsAt(T).generatorURL("https://prom.example/graph").build();
  private static final Alert CPU = Alert.firing(Map.of("alertname", "HighCPU", "severity", "critical",
          "instance", "db-2")).annotation("summary", "cpu").startsAt(T.minusSeconds(60)).build();
  private static final Notification N = new Notification("ops*", "{}", new TreeMap<>(Map.of("severity", "critical")),
      NotifyReason.FIRST_NOTIFICATION, List.of(DISK, CPU), List.of(CPU.resolvedAt(T.plusSeconds(300))), List.of(), T, 1);
  private static final NotificationFacts FACTS = NotificationFacts.of(N, "kw", ESC);
  private static final List<AlertFacts> ALERTS = AlertFacts.all(N, ZoneId.of("UTC"), ESC, 100);

  private static Map<String, Object> context(Page<AlertFacts> page) {
    Map<String, Object> c = TemplateContext.of(FACTS, page, a -> "<" + a.generatorURL() + ">");
    c.put("mentions", "@alice");
    return c;
  }

  private static String text(String template, Page<AlertFacts> page) {
    return new Templates("Test", "test").compile(NotifyRule.goTemplate(template)).text(context(page), page, "\n\n");
  }

  static Stream<Arguments> renders() {
    return Stream.of(
        Arguments.of("status and receiver from __receiver__", "{{ .Status }} {{ .Receiver }}", "firing team-ops"),
        Arguments.of("alerts split by status", "{{ len .Alerts }} {{ len .Alerts.Firing }} {{ len .Alerts.Resolved }}",
            "3 2 1"),
        Arguments.of("labels and annotations, values escaped",
            "{{ range .Alerts.Firing }}{{ .Labels.instance }}: {{ .Annotations.summary }}; {{ end }}",
            "db-1＊: 磁盘 ＊满了＊; db-2: cpu;"),
        Arguments.of("internal labels are not in .Labels", "{{ (index .Alerts 0).Labels.SortedPairs.Names }}",
            "[alertname instance severity]"),
        Arguments.of("times as Go's, formatted", "{{ (index .Alerts 0).StartsAt.Format \"2006-01-02 15:04:05\" }} "
            + "{{ (index .Alerts 0).EndsAt }}", "2026-11-25 08:05:47 0001-01-01 00:00:00 +0000 UTC"),
        Arguments.of("a resolved alert's end", "{{ (index .Alerts.Resolved 0).EndsAt.Format \"15:04\" }}", "08:10"),
        Arguments.of("group and common labels", "{{ .GroupLabels.severity }} {{ .CommonLabels.SortedPairs.Names }}",
            "critical [severity]"),
        Arguments.of("generator URL and fingerprint", "{{ (index .Alerts 0).GeneratorURL }} {{ (index .Alerts 0).Fingerprint }}",
            "https://prom.example/graph " + DISK.fingerprint()),
        Arguments.of("Alertmanager's default templates", "{{ template \"__subject\" . }}",
            "[FIRING:2] critical"),
        Arguments.of("our values under lower-case names", "{{ .policy }} · {{ .reason }} · {{ .mentions }} · {{ .firingCount }}",
            "ops＊ · first notification · @alice · 2"),
        Arguments.of("external URL is empty without a sender's", "[{{ .ExternalURL }}]", "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void rendersAlertmanagersData(String name, String template, String expected) {
    assertThat(text(template, Page.whole(ALERTS))).isEqualTo(expected);
  }

  @Test
  void theAlertsComeInAlertmanagersOrderNotFiringFirst() {
    Alert b = Alert.firing(Map.of("alertname", "A", "job", "node", "instance", "b")).startsAt(T).build();
    Alert a = Alert.firing(Map.of("alertname", "A", "job", "node", "instance", "a")).startsAt(T).build();
    Alert noJob = Alert.firing(Map.of("alertname", "A", "instance", "0")).startsAt(T).build();
    Alert api = Alert.firing(Map.of("alertname", "A", "job", "api", "instance", "z", "x", "1")).startsAt(T).build();
    Alert fewer = Alert.firing(Map.of("alertname", "A", "team", "t")).startsAt(T).build();
    Alert more = Alert.firing(Map.of("alertname", "A", "team", "s", "zone", "1")).startsAt(T).build();
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.FIRST_NOTIFICATION,
        List.of(more, b, noJob, fewer), List.of(a.resolvedAt(T.plusSeconds(1)), api.resolvedAt(T.plusSeconds(1))),
        List.of(), T, 1);
    List<AlertFacts> alerts = AlertFacts.all(n, ZoneId.of("UTC"), ESC, 100);

    // job, then instance (a label before none), then fewer labels, then the first differing value
    assertThat(new Templates("Test", "test").compile(NotifyRule.goTemplate(
            "{{ range .Alerts }}{{ .Labels.job }}/{{ .Labels.instance }}/{{ .Labels.team }} {{ end }}"))
        .text(context(Page.whole(alerts)), Page.whole(alerts), "\n")).isEqualTo("api/z/ node/a/ node/b/ /0/ //t //s");
  }

  @Test
  void theReceiverIsEscapedAsAlertmanagerEscapesIt() {
    Alert a = Alert.firing(Map.of("alertname", "A", "__receiver__", "web.hook")).startsAt(T).build();
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.FIRST_NOTIFICATION,
        List.of(a), List.of(), List.of(), T, 1);
    List<AlertFacts> alerts = AlertFacts.all(n, ZoneId.of("UTC"), ESC, 100);

    assertThat(new Templates("Test", "test").compile(NotifyRule.goTemplate("{{ .Receiver }}"))
        .text(context(Page.whole(alerts)), Page.whole(alerts), "\n")).isEqualTo("web\\.hook");
  }

  @Test
  void theSendersUrlIsExternalUrlAndNoAnnotation() {
    Alert sent = Alert.firing(Map.of("alertname", "A")).annotation("__external_url__", "http://am.example:9093")
        .annotation("summary", "s").startsAt(T).build();
    Alert forged = Alert.firing(Map.of("alertname", "B")).annotation("__external_url__", "javascript:alert(1)")
        .startsAt(T).build();
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.FIRST_NOTIFICATION,
        List.of(sent), List.of(), List.of(), T, 1);
    List<AlertFacts> alerts = AlertFacts.all(n, ZoneId.of("UTC"), ESC, 100);
    String template = "{{ .ExternalURL }} {{ (index .Alerts 0).Annotations.SortedPairs.Names }}";

    assertThat(new Templates("Test", "test").compile(NotifyRule.goTemplate(template))
        .text(context(Page.whole(alerts)), Page.whole(alerts), "\n")).isEqualTo("http://am.example:9093 [summary]");
    assertThat(AlertFacts.of(forged, java.util.Set.of(), false, ZoneId.of("UTC"), ESC, 100).externalURL()).isEmpty();
  }

  @Test
  void aTitleRendersOnOneLineAfterTheTextsDefinitions() {
    Template t = new Templates("Test", "test").compile(new GoTemplateText(
        "{{ define \"t\" }}\n[{{ .Status | toUpper }}]\n{{ end }}body", "{{ template \"t\" . }} {{ .policy }}\n",
        GoTemplateText.Defaults.ALERTMANAGER, List.of()).encoded());

    assertThat(t.title(context(Page.whole(ALERTS)), Page.whole(ALERTS))).isEqualTo("[FIRING] ops＊");
    assertThat(t.hasTitle()).isTrue();
    assertThat(new Templates("Test", "test").compile(NotifyRule.goTemplate("x")).hasTitle()).isFalse();
    assertThat(new Templates("Test", "test").compile(NotifyRule.goTemplate("x")).title(context(Page.whole(ALERTS)),
        Page.whole(ALERTS))).isNull();
  }

  @Test
  void aDefinitionInTheTitleDoesNotChangeTheTextAndAnEmptyTitleIsNone() {
    Template t = new Templates("Test", "test").compile(new GoTemplateText(
        "{{ define \"x\" }}A{{ end }}{{ template \"x\" . }}", "{{ define \"x\" }}B{{ end }}{{ template \"x\" . }}",
        GoTemplateText.Defaults.ALERTMANAGER, List.of()).encoded());
    assertThat(t.text(context(Page.whole(ALERTS)), Page.whole(ALERTS), "\n")).isEqualTo("A");
    assertThat(t.title(context(Page.whole(ALERTS)), Page.whole(ALERTS))).isEqualTo("B");

    Template empty = new Templates("Test", "test").compile(new GoTemplateText("x", "{{ if false }}t{{ end }}  ",
        GoTemplateText.Defaults.ALERTMANAGER, List.of()).encoded());
    assertThat(empty.title(context(Page.whole(ALERTS)), Page.whole(ALERTS))).isNull();
  }

  @Test
  void webhookDingtalkDefaultsGiveItsDefinitionsItsFunctionsAndAnEmptyAtMobiles() {
    Template t = new Templates("Test", "test").compile(new GoTemplateText(
        "{{ template \"mine\" . }}|{{ len .AtMobiles }}|{{ \"a_b\" | markdown }}", "{{ template \"ding.link.title\" . }}",
        GoTemplateText.Defaults.WEBHOOK_DINGTALK,
        List.of(new GoTemplateText.File("/etc/t/mine.tmpl", "{{ define \"mine\" }}{{ .Status | upper }}{{ end }}")))
        .encoded());

    assertThat(t.text(context(Page.whole(ALERTS)), Page.whole(ALERTS), "\n")).isEqualTo("FIRING|0|a\\_b");
    assertThat(t.title(context(Page.whole(ALERTS)), Page.whole(ALERTS))).isEqualTo("[FIRING:2] critical");
    // Alertmanager's set has neither
    assertThatThrownBy(() -> new Templates("Test", "test").compile(NotifyRule.goTemplate("{{ \"a\" | markdown }}")))
        .hasMessageContaining("function \"markdown\" not defined");
  }

  @Test
  void aTemplateFilesErrorNamesTheFile() {
    assertThatThrownBy(() -> new Templates("Test", "test").compile(new GoTemplateText("x", null,
        GoTemplateText.Defaults.ALERTMANAGER, List.of(new GoTemplateText.File("dir/bad.tmpl", "\n{{ define \"x\" }"))).encoded()))
        .hasMessageContaining("template: bad.tmpl:2:");
  }

  @Test
  void theMoreLineIsAppendedAsForMustache() {
    Page<AlertFacts> cut = new Page<>(ALERTS.subList(0, 1), 2, 1, 1, true);
    assertThat(text("{{ .Status }}", cut)).isEqualTo("firing\n\n…and 2 more alerts");
    assertThat(text("{{ .more }}!", cut)).isEqualTo("…and 2 more alerts!");
  }

  @Test
  void theTemplatesOwnTextIsNotEscaped() {
    assertThat(text("**{{ .Status }}** *x*", Page.whole(ALERTS))).isEqualTo("**firing** *x*");
  }

  @Test
  void aParseErrorNamesLineAndColumn() {
    Templates templates = new Templates("Test", "test");
    assertThat(templates.check(NotifyRule.goTemplate("a\n告警 {{ .Status }\n"), Map.of()))
        .containsExactly("template: test:2:18: unexpected \"}\" in operand");
    assertThatThrownBy(() -> templates.compile(NotifyRule.goTemplate("{{ if .Status }}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Test template: template: test:1:16: unexpected EOF");
  }

  @Test
  void aMisspeltFieldIsFoundAtCheckTime() {
    assertThat(new Templates("Test", "test").check(NotifyRule.goTemplate("{{ range .Alerts }}{{ .Lables }}{{ end }}"),
        context(Page.whole(ALERTS)))).singleElement().asString()
        .contains("can't evaluate field Lables in type template.Alert");
  }

  @Test
  void anExecutionErrorIsAnIllegalArgumentNamingThePlatform() {
    Template t = new Templates("Test", "test").compile(NotifyRule.goTemplate("{{ index .Alerts 9 }}"));
    assertThatThrownBy(() -> t.text(context(Page.whole(ALERTS)), Page.whole(ALERTS), "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Test template: template: test:1:3: executing \"test\" at <index .Alerts 9>:");
  }

  @Test
  void mustacheTemplatesStayMustache() {
    assertThat(new Templates("Test", "test").compile("{{status}} {{policy}}").text(context(Page.whole(ALERTS)),
        Page.whole(ALERTS), "\n")).isEqualTo("firing ops＊");
  }
}
