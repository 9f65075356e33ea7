package io.github.alertrouter.preview;

import io.github.alertrouter.Fingerprint;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the router would do with one alert: its identity and status at the preview time, whether
 * it is silenced or inhibited, and the policies it matched in routing order. Immutable and
 * thread-safe.
 *
 * @param fingerprint Alertmanager's fingerprint of the labels
 * @param status {@code firing} or {@code resolved} at the preview time
 * @param labels the alert's labels
 * @param silencedBy ids of the silences that drop it (empty until silences are evaluated)
 * @param inhibited whether an inhibit rule mutes it (false until inhibition is evaluated)
 * @param policies the matched policies, in routing order
 */
public record AlertPreview(
    Fingerprint fingerprint,
    String status,
    SortedMap<String, String> labels,
    List<String> silencedBy,
    boolean inhibited,
    List<PolicyMatchPreview> policies) {
  /** Copies the collections; none may be null. */
  public AlertPreview {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    silencedBy = List.copyOf(silencedBy);
    policies = List.copyOf(policies);
  }
}
