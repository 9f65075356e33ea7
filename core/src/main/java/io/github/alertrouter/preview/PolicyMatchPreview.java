package io.github.alertrouter.preview;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One policy an alert matched: its name, Alertmanager route key, group key and group labels.
 * Immutable and thread-safe.
 */
public record PolicyMatchPreview(String name, String routeKey, String groupKey, SortedMap<String, String> groupLabels) {
  public PolicyMatchPreview {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(groupKey, "groupKey");
    groupLabels = Collections.unmodifiableSortedMap(new TreeMap<>(groupLabels));
  }
}
