package io.github.alertrouter.inhibit;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.InhibitRule;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InhibitorTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Instant STARTED = T0.minusSeconds(600);

  /** The design doc's rule: a critical alert mutes warnings of the same alertname and cluster. */
  private static final InhibitRule CRITICAL_MUTES_WARNING =
      rule(List.of(eq("severity", "critical")), List.of(eq("severity", "warning")), "alertname", "cluster");
  /** A node that is down mutes everything else on it. */
  private static final InhibitRule NODE_DOWN_MUTES_NODE = rule(
      List.of(eq("alertname", "NodeDown")), List.of(re("alertname", ".+")), "node");

  private static final Alert CRITICAL = firing("alertname", "Latency", "cluster", "eu", "severity", "critical");
  private static final Alert WARNING = firing("alertname", "Latency", "cluster", "eu", "severity", "warning");

  static Stream<Arguments> inhibitedBy() {
    return Stream.of(
        row("equal labels match", List.of(CRITICAL_MUTES_WARNING), sources("crit", CRITICAL), WARNING, "crit"),
        row("equal label differs", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", firing("alertname", "Latency", "cluster", "us", "severity", "critical")), WARNING, null),
        row("other equal label differs", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", firing("alertname", "Errors", "cluster", "eu", "severity", "critical")), WARNING, null),
        row("equal label missing on both sides", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", firing("alertname", "Latency", "severity", "critical")),
            firing("alertname", "Latency", "severity", "warning"), "crit"),
        row("equal label missing on one side, empty on the other", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", firing("alertname", "Latency", "cluster", "", "severity", "critical")),
            firing("alertname", "Latency", "severity", "warning"), "crit"),
        row("equal label missing on the target only", List.of(CRITICAL_MUTES_WARNING), sources("crit", CRITICAL),
            firing("alertname", "Latency", "severity", "warning"), null),
        row("equal label missing on the source only", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", firing("alertname", "Latency", "severity", "critical")), WARNING, null),
        row("no equal labels: any source", List.of(rule(List.of(eq("severity", "critical")),
                List.of(eq("severity", "warning")))),
            sources("crit", firing("alertname", "Other", "severity", "critical")), WARNING, "crit"),
        row("source resolved in the past", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", CRITICAL.resolvedAt(T0.minusSeconds(1))), WARNING, null),
        row("source resolved exactly at the instant", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", CRITICAL.resolvedAt(T0)), WARNING, null),
        row("source endsAt in the future still inhibits", List.of(CRITICAL_MUTES_WARNING),
            sources("crit", CRITICAL.resolvedAt(T0.plusNanos(1))), WARNING, "crit"),
        row("target side does not match", List.of(CRITICAL_MUTES_WARNING), sources("crit", CRITICAL),
            firing("alertname", "Latency", "cluster", "eu", "severity", "info"), null),
        row("source side does not match", List.of(CRITICAL_MUTES_WARNING),
            sources("err", firing("alertname", "Latency", "cluster", "eu", "severity", "error")), WARNING, null),
        row("no source observed", List.of(CRITICAL_MUTES_WARNING), sources(), WARNING, null),
        row("no rules", List.of(), sources("crit", CRITICAL), WARNING, null),
        row("regex sides", List.of(rule(List.of(re("severity", "crit.*|page")), List.of(re("severity", "warn.*|info")),
                "cluster")),
            sources("page", firing("alertname", "Disk", "cluster", "eu", "severity", "page")), WARNING, "page"),
        row("two-sided: an alert does not inhibit itself", List.of(NODE_DOWN_MUTES_NODE),
            sources("down", firing("alertname", "NodeDown", "node", "n1")),
            firing("alertname", "NodeDown", "node", "n1"), null),
        row("two-sided: two-sided alerts do not inhibit each other", List.of(NODE_DOWN_MUTES_NODE),
            sources("down", firing("alertname", "NodeDown", "node", "n1", "probe", "a")),
            firing("alertname", "NodeDown", "node", "n1", "probe", "b"), null),
        row("two-sided: overlapping sides, neither alert inhibits the other",
            List.of(rule(List.of(eq("severity", "critical")), List.of(re("severity", "critical|warning")), "node")),
            sources("crit", firing("alertname", "Disk", "node", "n1", "severity", "critical")),
            firing("alertname", "Disk", "node", "n1", "severity", "critical", "probe", "b"), null),
        row("two-sided: a one-sided target is inhibited by a two-sided source", List.of(NODE_DOWN_MUTES_NODE),
            sources("down", firing("alertname", "NodeDown", "node", "n1")),
            firing("alertname", "DiskFull", "node", "n1"), "down"),
        row("two-sided: a two-sided target is inhibited by a one-sided source",
            List.of(rule(List.of(eq("severity", "critical")), List.of(re("alertname", "Node.*")), "node")),
            sources("crit", firing("alertname", "Disk", "node", "n1", "severity", "critical")),
            firing("alertname", "NodeDown", "node", "n1", "severity", "critical"), "crit"),
        row("multiple rules: the second one inhibits", List.of(CRITICAL_MUTES_WARNING, NODE_DOWN_MUTES_NODE),
            sources("down", firing("alertname", "NodeDown", "node", "n1")),
            firing("alertname", "Latency", "node", "n1", "severity", "warning"), "down"),
        row("multiple rules: the first one that has a source wins",
            List.of(NODE_DOWN_MUTES_NODE, CRITICAL_MUTES_WARNING),
            sources("crit", CRITICAL, "down", firing("alertname", "NodeDown", "node", "n1")),
            firing("alertname", "Latency", "cluster", "eu", "node", "n1", "severity", "warning"), "down"),
        row("multiple rules: a resolved source of the first rule is skipped",
            List.of(NODE_DOWN_MUTES_NODE, CRITICAL_MUTES_WARNING),
            sources("crit", CRITICAL, "down", firing("alertname", "NodeDown", "node", "n1").resolvedAt(T0)),
            firing("alertname", "Latency", "cluster", "eu", "node", "n1", "severity", "warning"), "crit"));
  }

  private static Arguments row(String name, List<InhibitRule> rules, Map<String, Alert> sources, Alert target,
      String expected) {
    return Arguments.of(name, rules, sources, target, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void inhibitedBy(String name, List<InhibitRule> rules, Map<String, Alert> sources, Alert target, String expected) {
    Inhibitor inhibitor = Inhibitor.of(rules);
    sources.values().forEach(inhibitor::observe);
    inhibitor.observe(target); // the engine observes every stored alert, targets too

    Optional<Fingerprint> by = inhibitor.inhibitedBy(target, T0);

    assertThat(by).isEqualTo(Optional.ofNullable(expected).map(k -> sources.get(k).fingerprint()));
    assertThat(inhibitor.inhibited(target, T0)).isEqualTo(expected != null);
  }

  @Test
  void anUnobservedTargetIsAnsweredToo() {
    Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING));
    inhibitor.observe(CRITICAL);

    assertThat(inhibitor.inhibitedBy(WARNING, T0)).contains(CRITICAL.fingerprint());
  }

  @Test
  void ofSeveralSourcesTheLowestFingerprintIsReported() {
    List<Alert> criticals = List.of(
        firing("alertname", "Latency", "cluster", "eu", "severity", "critical", "instance", "a"),
        firing("alertname", "Latency", "cluster", "eu", "severity", "critical", "instance", "b"),
        firing("alertname", "Latency", "cluster", "eu", "severity", "critical", "instance", "c"));
    Fingerprint lowest = criticals.stream().map(Alert::fingerprint)
        .min(Comparator.comparing(Fingerprint::value, Long::compareUnsigned)).orElseThrow();

    for (List<Alert> order : List.of(criticals, List.of(criticals.get(2), criticals.get(1), criticals.get(0)))) {
      Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING));
      order.forEach(inhibitor::observe);

      assertThat(inhibitor.inhibitedBy(WARNING, T0)).contains(lowest);
    }
  }

  @Test
  void aSourceThatResolvesStopsInhibitingAndOneThatFiresAgainResumes() {
    Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING));

    inhibitor.observe(CRITICAL);
    assertThat(inhibitor.inhibited(WARNING, T0)).isTrue();

    inhibitor.observe(CRITICAL.resolvedAt(T0));
    assertThat(inhibitor.inhibited(WARNING, T0.minusNanos(1))).isTrue();
    assertThat(inhibitor.inhibited(WARNING, T0)).isFalse();

    inhibitor.observe(CRITICAL);
    assertThat(inhibitor.inhibited(WARNING, T0.plusSeconds(3600))).isTrue();
    assertThat(inhibitor.indexedSources()).isEqualTo(1);
  }

  @Test
  void forgetRemovesTheSourceFromEveryRule() {
    Alert both = firing("alertname", "NodeDown", "cluster", "eu", "node", "n1", "severity", "critical");
    Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING, NODE_DOWN_MUTES_NODE));
    inhibitor.observe(both);
    assertThat(inhibitor.indexedSources()).isEqualTo(2);
    assertThat(inhibitor.inhibited(firing("alertname", "Disk", "node", "n1"), T0)).isTrue();

    inhibitor.forget(both.fingerprint());
    inhibitor.forget(both.fingerprint()); // forgetting twice, or an unknown alert, is harmless

    assertThat(inhibitor.indexedSources()).isZero();
    assertThat(inhibitor.inhibited(firing("alertname", "Disk", "node", "n1"), T0)).isFalse();
  }

  @Test
  void forgetLeavesOtherSourcesWithTheSameEqualValues() {
    Alert other = firing("alertname", "Latency", "cluster", "eu", "severity", "critical", "instance", "b");
    Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING));
    inhibitor.observe(CRITICAL);
    inhibitor.observe(other);

    inhibitor.forget(CRITICAL.fingerprint());

    assertThat(inhibitor.inhibitedBy(WARNING, T0)).contains(other.fingerprint());
  }

  @Test
  void alertsThatAreNoSourceAreNotIndexed() {
    Inhibitor inhibitor = Inhibitor.of(List.of(CRITICAL_MUTES_WARNING));

    inhibitor.observe(WARNING);

    assertThat(inhibitor.indexedSources()).isZero();
  }

  private static InhibitRule rule(List<Condition> source, List<Condition> target, String... equal) {
    return new InhibitRule(source, target, List.of(equal));
  }

  private static Alert firing(String... labels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return Alert.firing(map).startsAt(STARTED).build();
  }

  /** Named source alerts, so that a row can say which one inhibits. */
  private static Map<String, Alert> sources(Object... nameAlertPairs) {
    Map<String, Alert> map = new LinkedHashMap<>();
    for (int i = 0; i < nameAlertPairs.length; i += 2) {
      map.put((String) nameAlertPairs[i], (Alert) nameAlertPairs[i + 1]);
    }
    return map;
  }
}
