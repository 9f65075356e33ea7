package io.github.alertrouter.route;

import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.internal.text.GoQuote;
import io.github.alertrouter.internal.text.GoStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One place an alert is routed to: a policy node with its effective settings, and how the alert
 * is grouped there. Returned by {@link RoutingTree#match}; one instance exists per node and is
 * shared by all decisions that reach it.
 *
 * <p>Immutable and thread-safe. Label maps passed in must not be {@code null} nor hold
 * {@code null} names or values.
 */
public final class RouteMatch {
  /**
   * The order in which Alertmanager 0.25 writes group labels: its {@code LabelSet.String()} (from
   * prometheus/common before 0.50) sorts the formatted {@code name="value"} strings, so only the
   * names decide and {@code a1} sorts before {@code a} (digits sort before {@code =}).
   */
  static final Comparator<String> GROUP_LABEL_ORDER = (a, b) -> GoStrings.compare(a + "=", b + "=");

  private final RouteNode node;
  private final String[] groupFields;

  RouteMatch(RouteNode node) {
    this.node = node;
    List<String> fields = new ArrayList<>(node.settings().groupingFields());
    fields.sort(GROUP_LABEL_ORDER);
    this.groupFields = node.settings().groupByAll() ? null : fields.toArray(new String[0]);
  }

  /** The matched node. */
  public RouteNode node() {
    return node;
  }

  /** The matched node's configured policy. */
  public NotificationPolicy policy() {
    return node.policy();
  }

  /** The effective (inherited, defaulted) settings. */
  public RouteSettings settings() {
    return node.settings();
  }

  /** The route key ({@link RouteNode#key()}). */
  public String routeKey() {
    return node.key();
  }

  /** Effective policy names from the top level down to the matched node. */
  public List<String> path() {
    return node.path();
  }

  /**
   * The labels that group the alert here: the grouping fields present in {@code labels} (a label
   * present with an empty value counts, as in Alertmanager), or all labels when grouping by all.
   * A new map, sorted by name in Go's string order (as {@link io.github.alertrouter.Alert#labels()}).
   */
  public SortedMap<String, String> groupLabels(Map<String, String> labels) {
    TreeMap<String, String> out = new TreeMap<>(GoStrings.ORDER);
    if (groupFields == null) {
      out.putAll(labels);
      return out;
    }
    for (String f : groupFields) {
      String v = labels.get(f);
      if (v != null) {
        out.put(f, v);
      }
    }
    return out;
  }

  /**
   * Alertmanager's group key: route key, {@code :}, group labels as {@code {k="v", k2="v2"}}
   * (Go-quoted values, CJK kept raw), e.g.
   * {@code {}/{team="payments"}:{alertname="X", team="payments"}}.
   */
  public String groupKey(Map<String, String> labels) {
    StringBuilder sb = new StringBuilder(64).append(node.key()).append(":{");
    String[] names = groupFields;
    if (names == null) {
      names = labels.keySet().toArray(new String[0]);
      java.util.Arrays.sort(names, GROUP_LABEL_ORDER);
    }
    boolean first = true;
    for (String name : names) {
      String v = labels.get(name);
      if (v == null) {
        continue;
      }
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(name).append('=');
      GoQuote.appendQuoted(sb, v);
    }
    return sb.append('}').toString();
  }

  @Override
  public String toString() {
    return "RouteMatch[" + node.key() + " " + node.path() + "]";
  }
}
