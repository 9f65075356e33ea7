package io.github.alertrouter.inhibit;

import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.InhibitRule;
import io.github.alertrouter.route.MatcherSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link InhibitRule}, compiled, with its source alerts indexed by their {@code equal}-label
 * values. Thread-safe: the index is a concurrent map of immutable {@link SourceBucket}s, changed
 * only through atomic {@code compute} calls.
 */
final class RuleIndex {
  private final MatcherSet source;
  private final MatcherSet target;
  private final String[] equal;
  private final ConcurrentHashMap<List<String>, SourceBucket> bySourceValues = new ConcurrentHashMap<>();

  RuleIndex(InhibitRule rule) {
    this.source = MatcherSet.of(rule.source());
    this.target = MatcherSet.of(rule.target());
    // a name listed twice adds nothing to the comparison
    this.equal = rule.equal().stream().distinct().toArray(String[]::new);
  }

  boolean matchesSource(Map<String, String> labels) {
    return source.matches(labels);
  }

  boolean matchesTarget(Map<String, String> labels) {
    return target.matches(labels);
  }

  /**
   * The values of the {@code equal} labels, in the rule's order; a missing label is {@code ""}, so
   * a label missing on both sides compares equal, as in Alertmanager.
   */
  List<String> equalValues(Map<String, String> labels) {
    if (equal.length == 0) {
      return List.of();
    }
    String[] values = new String[equal.length];
    for (int i = 0; i < equal.length; i++) {
      values[i] = labels.getOrDefault(equal[i], "");
    }
    return List.of(values);
  }

  void put(List<String> key, SourceEntry entry) {
    bySourceValues.compute(key, (k, bucket) -> bucket == null ? SourceBucket.of(entry) : bucket.with(entry));
  }

  void remove(List<String> key, Fingerprint fingerprint) {
    // returning null from without() drops the emptied bucket atomically, so keys do not pile up
    bySourceValues.computeIfPresent(key, (k, bucket) -> bucket.without(fingerprint));
  }

  /**
   * The source that inhibits an alert with these labels at {@code at} under this rule, or
   * {@code null}. The caller has checked that the labels match the target side.
   */
  Fingerprint inhibitingSource(Map<String, String> labels, Instant at) {
    if (bySourceValues.isEmpty()) {
      return null;
    }
    SourceBucket bucket = bySourceValues.get(equalValues(labels));
    if (bucket == null) {
      return null;
    }
    // Alertmanager's excludeTwoSidedMatch: a target that is also a source is not inhibited by
    // sources that are also targets, so an alert cannot inhibit itself (or a twin of itself)
    return bucket.firstInhibiting(at, source.matches(labels));
  }

  /** Source alerts indexed, for tests and diagnostics. */
  int indexedSources() {
    int n = 0;
    for (SourceBucket b : bySourceValues.values()) {
      n += b.size();
    }
    return n;
  }
}
