package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The counts a digest or a truncated message shows: order, escaping, bounds, and sums that add up. */
class AlertCountsTest {
  /** A visible stand-in for a platform table: {@code *} becomes {@code ＊}. */
  private static final InertText ESC = new InertText(cp -> cp == '*' ? '＊' : cp, true);
  private static final Instant T = Instant.parse("2026-03-08T02:00:00Z");
  /** A count: the number that starts a line's listing or follows a separator. */
  private static final Pattern COUNT = Pattern.compile("(?:\\*\\* |· )(\\d+) ");

  private static Alert alert(String name, String severity, Map<String, String> more) {
    Map<String, String> labels = new HashMap<>(more);
    if (name != null) {
      labels.put("alertname", name);
    }
    if (severity != null) {
      labels.put("severity", severity);
    }
    return Alert.firing(labels).startsAt(T).build();
  }

  private static Notification digest(List<Alert> firing, List<Alert> resolved) {
    return new Notification("p", "k", new TreeMap<>(), NotifyReason.DIGEST, firing, resolved, List.of(), T,
        Math.max(1, firing.size() + resolved.size()));
  }

  private static AlertCounts counts(List<Alert> firing) {
    return AlertCounts.of(digest(firing, List.of()), ESC);
  }

  static Stream<Arguments> severities() {
    return Stream.of(
        Arguments.of("most severe first, whatever the count",
            List.of("info", "info", "info", "warning", "critical"), "1 critical · 1 warning · 3 info"),
        Arguments.of("ranks by name, not by case", List.of("P3", "fatal", "WARN"), "1 fatal · 1 WARN · 1 P3"),
        Arguments.of("unknown and missing rank as warnings, by count",
            List.of("page", "page", "", "warning", "warning", "warning"), "3 warning · 2 page · 1 (none)"),
        Arguments.of("escaped", List.of("crit*cal"), "1 crit＊cal"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void severities(String name, List<String> severities, String expected) {
    List<Alert> alerts = severities.stream().map(s -> alert("A", s.isEmpty() ? null : s, Map.of())).toList();
    assertThat(String.join(" · ", counts(alerts).bySeverity().stream().map(Object::toString).toList()))
        .isEqualTo(expected);
  }

  @Test
  void namesByCountThenByNameAndTheRestSummedUp() {
    List<Alert> alerts = new ArrayList<>();
    IntStream.range(0, 3).forEach(i -> alerts.add(alert("Disk*Full", "critical", Map.of())));
    IntStream.range(0, 3).forEach(i -> alerts.add(alert("Cpu", "critical", Map.of())));
    IntStream.range(0, 12).forEach(i -> alerts.add(alert("N" + i, "critical", Map.of())));
    alerts.add(alert(null, "critical", Map.of()));

    AlertCounts c = counts(alerts);

    assertThat(c.byName()).first().isEqualTo(new AlertCounts.Count("Cpu", 3));
    assertThat(c.byName().get(1)).isEqualTo(new AlertCounts.Count("Disk＊Full", 3));
    assertThat(c.byName()).contains(new AlertCounts.Count(AlertCounts.NONE, 1)).hasSize(15);
    assertThat(c.lines("**", 10_000)).containsExactly(
        "**Severity:** 19 critical",
        "**Alertname:** 3 Cpu · 3 Disk＊Full · 1 (none) · 1 N0 · 1 N1 · 1 N10 · 1 N11 · 1 N2 · 1 N3 · 1 N4"
            + " · 5 under 5 other names");
  }

  @Test
  void topLabelsAreTheValuesMostAlertsShareButNotAll() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      alerts.add(alert("A", "critical",
          Map.of("env", "prod", "team", i < 6 ? "pay*ments" : "search", "instance", "i-" + i, "zone", i < 2 ? "a" : "b")));
    }

    AlertCounts c = counts(alerts);

    assertThat(c.topLabels()).extracting(Object::toString)
        .containsExactly("8 zone=b", "6 team=pay＊ments", "4 team=search", "2 zone=a");
    assertThat(c.lines("", 10_000)).last().isEqualTo("Most alerts: 8 zone=b · 6 team=pay＊ments · 4 team=search · 2 zone=a");
  }

  @Test
  void theRemainderIsTheSeveritiesOfTheLastAlertsInOrder() {
    List<Alert> firing = List.of(alert("A", "critical", Map.of()), alert("A", "warning", Map.of()),
        alert("A", "info", Map.of()));
    List<Alert> resolved = List.of(alert("A", "critical", Map.of()));
    AlertCounts c = AlertCounts.of(digest(firing, resolved), ESC);

    assertThat(c.alerts()).isEqualTo(4);
    assertThat(c.remainder(0)).isEmpty();
    assertThat(c.remainder(1)).as("the resolved one, listed last").isEqualTo("1 critical");
    assertThat(c.remainder(3)).isEqualTo("1 critical · 1 warning · 1 info");
    assertThat(counts(List.of(alert("A", null, Map.of()))).remainder(1)).as("no severities, nothing to say").isEmpty();
  }

  @Test
  void noAlertsNoLines() {
    assertThat(counts(List.of()).lines("**", 1000)).isEmpty();
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 40).boxed();
  }

  /**
   * Over seeded random storms (up to 400 alerts, up to 60 names, long CJK and emoji values) and
   * byte limits from 40 to 6000: the lines stay within the limit, and each line that lists counts
   * adds up to every alert (the severity and alertname lines sum what they do not list).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void linesStayWithinTheirBytesAndAddUp(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(400);
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "磁盘🔥".repeat(random.nextInt(50)) + random.nextInt(1 + random.nextInt(60));
      String severity = List.of("critical", "warning", "info", "严重".repeat(30), "").get(random.nextInt(5));
      alerts.add(alert(name, severity.isEmpty() ? null : severity, Map.of("team", "团队".repeat(random.nextInt(90))
          + random.nextInt(5))));
    }
    int maxBytes = 40 + random.nextInt(6000);

    List<String> lines = counts(alerts).lines("**", maxBytes);

    assertThat(String.join("\n", lines).getBytes(StandardCharsets.UTF_8).length).as("seed %d", seed)
        .isLessThanOrEqualTo(maxBytes);
    for (String line : lines) {
      if (!line.startsWith("**Most alerts:**")) {
        assertThat(sum(line)).as("seed %d: %s", seed, line).isEqualTo(n);
      }
    }
  }

  private static int sum(String line) {
    int sum = 0;
    Matcher m = COUNT.matcher(line);
    while (m.find()) {
      sum += Integer.parseInt(m.group(1));
    }
    return sum;
  }
}
