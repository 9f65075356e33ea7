package io.github.alertrouter.preview;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One policy an alert matched: its name, Alertmanager route key, group key and group labels.
 * Immutable and thread-safe.
 *
 * @param name the policy's name
 * @param routeKey Alertmanager's key of the matched route, e.g. {@code {}/{team="payments"}}
 * @param groupKey the key of the group the alert joins
 * @param groupLabels the grouping labels and the alert's values for them
 */
public record PolicyMatchPreview(String name, String routeKey, String groupKey, SortedMap<String, String> groupLabels) {
  /**
   * Copies {@code groupLabels}.
   *
   * @throws NullPointerException if {@code routeKey}, {@code groupKey} or {@code groupLabels} is null
   */
  public PolicyMatchPreview {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(groupKey, "groupKey");
    groupLabels = Collections.unmodifiableSortedMap(new TreeMap<>(groupLabels));
  }
}
