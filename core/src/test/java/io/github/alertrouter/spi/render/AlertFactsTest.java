package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertFactsTest {
  /** A visible stand-in for a platform table: {@code <} becomes {@code ＜}. */
  private static final InertText ESC = new InertText(cp -> cp == '<' ? '＜' : cp, true);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant START = Instant.parse("2026-03-08T02:00:00Z");

  private static Alert.Builder alert() {
    return Alert.firing(Map.of("alertname", "Disk<Full", "severity", "critical", "service", "db", "host", "h1"))
        .startsAt(START);
  }

  @Test
  void aCompactLineIsHeadlineKeyLabelsAndSummaryEscapedAndCutShort() {
    AlertFacts a = AlertFacts.of(alert().annotation("summary", "<b> " + "x".repeat(200))
        .annotation("description", "not on the line").generatorURL("https://prom.example/graph").build(),
        Set.of("service"), false, SHANGHAI, ESC, 2000);

    String line = a.compactLine("**", ESC, Look.LINE);
    assertThat(line).startsWith("🔥 **Disk＜Full** · critical · host=h1 · ＜b> xxx")
        .doesNotContain("not on the line", "https://", "started");
    assertThat(line.substring(line.lastIndexOf(" · ") + 3)).hasSize(AlertFacts.MAX_COMPACT_TEXT + 1).endsWith("…");
    assertThat(a.compactLine("**", ESC, Look.SHORT_LINE)).isEqualTo("🔥 **Disk＜Full** · critical · host=h1");

    AlertFacts gone = AlertFacts.of(alert().build().resolvedAt(START.plusSeconds(300)), Set.of(), true, SHANGHAI, ESC, 2000);
    assertThat(gone.compactLine("", ESC, Look.SHORT_LINE))
        .isEqualTo("✅ Disk＜Full · critical · resolved after 5m · host=h1 · service=db");
  }

  @Test
  void valuesAreEscapedAndKeyLabelsLeaveOutNameSeverityAndGroupLabels() {
    AlertFacts a = AlertFacts.of(alert().annotation("summary", "<b>").annotation("description", "l1\nl2")
        .generatorURL("https://prom.example/graph").build(), Set.of("service"), false, SHANGHAI, ESC, 2000);
    assertThat(a.name()).isEqualTo("Disk＜Full");
    assertThat(a.severity()).isEqualTo("critical");
    assertThat(a.summary()).isEqualTo("＜b>");
    assertThat(a.description()).isEqualTo("l1\nl2");
    assertThat(a.keyLabels()).containsExactly(new AlertFacts.Entry("host", "h1"));
    assertThat(a.labels()).hasSize(4);
    assertThat(a.startsAt()).isEqualTo("2026-03-08 10:00:00 CST (+08:00)");
    assertThat(a.endsAt()).isEmpty();
    assertThat(a.duration()).isEmpty();
    assertThat(a.generatorURL()).isEqualTo("https://prom.example/graph");
  }

  @Test
  void summaryFallsBackToMessageAndUntrustedLinksAreDropped() {
    AlertFacts a = AlertFacts.of(alert().annotation("message", "m").generatorURL("javascript:alert(1)").build(),
        Set.of(), false, SHANGHAI, ESC, 2000);
    assertThat(a.summary()).isEqualTo("m");
    assertThat(a.description()).isEmpty();
    assertThat(a.generatorURL()).isEmpty();
  }

  @Test
  void aResolvedAlertShowsItsEndAndDuration() {
    Alert resolved = alert().build().resolvedAt(START.plusSeconds(3900));
    AlertFacts a = AlertFacts.of(resolved, Set.of(), true, SHANGHAI, ESC, 2000);
    assertThat(a.endsAt()).isEqualTo("2026-03-08 11:05:00 CST (+08:00)");
    assertThat(a.duration()).isEqualTo("1h 5m");
  }

  @Test
  void valuesAndCountsAreBounded() {
    Map<String, String> labels = new LinkedHashMap<>();
    IntStream.range(0, 60).forEach(i -> labels.put("l" + i, "v".repeat(300)));
    Alert.Builder b = Alert.firing(labels).annotation("summary", "s".repeat(50));
    AlertFacts a = AlertFacts.of(b.build(), Set.of(), false, SHANGHAI, ESC, 10);
    assertThat(a.labels()).hasSize(AlertFacts.MAX_ENTRIES);
    assertThat(a.keyLabels()).hasSize(AlertFacts.MAX_KEY_LABELS);
    assertThat(a.labels().get(0).value()).hasSize(AlertFacts.MAX_LABEL_VALUE + 1).endsWith("…");
    assertThat(a.summary()).isEqualTo("s".repeat(10) + "…");
    assertThat(a.name()).isEmpty();
  }

  @Test
  void shortenCutsTextsButNotNamesBelowTheMinimumNorLinksOrTimes() {
    AlertFacts a = AlertFacts.of(alert().annotation("summary", "x".repeat(100)).build(),
        Set.of(), false, SHANGHAI, ESC, 2000).shorten(5, ESC);
    assertThat(a.summary()).isEqualTo("xxxxx…");
    assertThat(a.name()).isEqualTo("Disk＜Full");
    assertThat(a.startsAt()).isNotEmpty();
  }

  @Test
  void allListsFiringThenResolved() {
    Alert firing = alert().build();
    Alert resolved = firing.resolvedAt(START.plusSeconds(60));
    Notification n = Notification.of("p", "{}", new TreeMap<>(Map.of("service", "db")),
        NotifyReason.FIRST_NOTIFICATION, List.of(firing), List.of(resolved), List.of(), START);
    List<AlertFacts> all = AlertFacts.all(n, SHANGHAI, ESC, 2000);
    assertThat(all).extracting(AlertFacts::resolved).containsExactly(false, true);
    assertThat(AlertFacts.firing(all)).containsExactly(all.get(0));
    assertThat(AlertFacts.resolved(all)).containsExactly(all.get(1));
    assertThat(all.get(0).keyLabels()).extracting(AlertFacts.Entry::name).containsExactly("host");
  }

  @Test
  void templateMapHoldsOnlyStrings() {
    AlertFacts a = AlertFacts.of(alert().build(), Set.of(), false, SHANGHAI, ESC, 2000);
    Map<String, Object> m = a.toTemplateMap();
    assertThat(m).containsOnlyKeys("name", "severity", "summary", "description", "labels", "annotations",
        "startsAt", "endsAt", "duration", "generatorURL");
    assertThat(m.get("name")).isEqualTo("Disk＜Full");
    assertThat(AlertFacts.entryMaps(a.keyLabels()))
        .containsExactly(Map.of("name", "host", "value", "h1"), Map.of("name", "service", "value", "db"));
  }
  /** Labels whose names start with {@code __} route, but no message shows them: not as labels, key labels, group labels or counts. */
  @Test
  void internalLabelsAreShownNowhere() {
    Alert a1 = alert().label("__receiver__", "team-x").label("__target__", "ops").build();
    Alert a2 = Alert.firing(Map.of("alertname", "Other", "host", "h2", "__receiver__", "team-x", "__target__", "ops")).build();
    Alert a3 = Alert.firing(Map.of("alertname", "Third", "host", "h3")).build();
    Notification n = Notification.of("p", "{}", new TreeMap<>(Map.of("service", "db", "__receiver__", "team-x")),
        NotifyReason.FIRST_NOTIFICATION, List.of(a1, a2, a3), List.of(), List.of(), START);

    AlertFacts facts = AlertFacts.of(a1, Set.of(), false, SHANGHAI, ESC, 2000);
    NotificationFacts about = NotificationFacts.of(n, null, ESC);

    assertThat(facts.labels()).extracting(AlertFacts.Entry::name).containsExactly("alertname", "host", "service", "severity");
    assertThat(facts.keyLabels()).extracting(AlertFacts.Entry::name).containsExactly("host", "service");
    assertThat(about.groupLabels()).extracting(AlertFacts.Entry::name).containsExactly("service");
    // two of three alerts share each internal label: without the rule they would top the list
    assertThat(about.counts().topLabels()).isEmpty();
  }
}
