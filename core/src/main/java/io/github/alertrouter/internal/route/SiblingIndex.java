package io.github.alertrouter.internal.route;

import io.github.alertrouter.config.Operator;
import io.github.alertrouter.route.LabelMatcher;
import io.github.alertrouter.route.MatcherSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An equality index over a list of siblings, each an OR of {@link MatcherSet}s, that narrows the
 * siblings an alert can match to those worth evaluating, so routing cost grows with the policies
 * an alert can match rather than with all of them.
 *
 * <p>Each rule is indexed under one of its conditions that an alert can only satisfy by
 * <em>having</em> a label with a listed value: {@code eq} with a non-empty value, or {@code in}
 * whose values exclude {@code ""} (a missing label is {@code ""}, and missing labels are never
 * looked up). A sibling goes to the always-check list when any of its rules has no such condition,
 * or when it has no rules (it matches everything). Candidates are a superset of the matching
 * siblings; the caller still evaluates them fully, in sibling order.
 *
 * <p>Small sibling lists are not worth hashing: below {@link #MIN_INDEXED} every sibling is always
 * checked. Immutable after construction and thread-safe.
 */
public final class SiblingIndex {
  /** Below this many siblings a linear scan is cheaper than the lookups. */
  public static final int MIN_INDEXED = 8;

  private final int size;
  private final int[] always;
  // label name -> label value -> sibling indices (ascending)
  private final Map<String, Map<String, int[]>> byLabel;

  private SiblingIndex(int size, int[] always, Map<String, Map<String, int[]>> byLabel) {
    this.size = size;
    this.always = always;
    this.byLabel = byLabel;
  }

  /** Builds the index; {@code siblings.get(i)} are the OR'ed rules of sibling {@code i}. */
  public static SiblingIndex build(List<List<MatcherSet>> siblings) {
    int n = siblings.size();
    List<Integer> always = new ArrayList<>();
    Map<String, Map<String, List<Integer>>> building = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<LabelMatcher> keys = n < MIN_INDEXED ? null : indexKeys(siblings.get(i));
      if (keys == null) {
        always.add(i);
        continue;
      }
      for (LabelMatcher m : keys) {
        Map<String, List<Integer>> byValue = building.computeIfAbsent(m.name(), k -> new HashMap<>());
        for (String v : m.condition().values()) {
          List<Integer> ids = byValue.computeIfAbsent(v, k -> new ArrayList<>());
          if (ids.isEmpty() || ids.get(ids.size() - 1) != i) {
            ids.add(i);
          }
        }
      }
    }
    Map<String, Map<String, int[]>> byLabel = new HashMap<>();
    building.forEach((name, byValue) -> {
      Map<String, int[]> frozen = new HashMap<>();
      byValue.forEach((v, ids) -> frozen.put(v, toArray(ids)));
      byLabel.put(name, frozen);
    });
    return new SiblingIndex(n, toArray(always), byLabel);
  }

  /** One index key per rule, or {@code null} when some rule has none (or there are no rules). */
  private static List<LabelMatcher> indexKeys(List<MatcherSet> rules) {
    if (rules.isEmpty()) {
      return null;
    }
    List<LabelMatcher> keys = new ArrayList<>(rules.size());
    for (MatcherSet rule : rules) {
      LabelMatcher best = null;
      for (LabelMatcher m : rule.matchers()) {
        if (indexable(m) && (best == null || selectivity(m) < selectivity(best))) {
          best = m;
        }
      }
      if (best == null) {
        return null;
      }
      keys.add(best);
    }
    return keys;
  }

  private static boolean indexable(LabelMatcher m) {
    return (m.op() == Operator.EQ || m.op() == Operator.IN) && !m.condition().values().contains("");
  }

  // Fewer listed values: fewer alerts land on the rule by accident.
  private static int selectivity(LabelMatcher m) {
    return m.condition().values().size();
  }

  /** Number of siblings. */
  public int size() {
    return size;
  }

  /** Number of siblings checked for every alert (not indexed). */
  public int alwaysChecked() {
    return always.length;
  }

  /**
   * Appends to {@code out} the indices of the siblings that may match {@code labels}, ascending
   * and distinct; entries of {@code out} before the call are left alone.
   */
  public void appendCandidates(Map<String, String> labels, IntList out) {
    int from = out.size();
    out.addAll(always, always.length);
    if (byLabel.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      Map<String, int[]> byValue = byLabel.get(label.getKey());
      if (byValue != null) {
        int[] ids = byValue.get(label.getValue());
        if (ids != null) {
          out.addAll(ids, ids.length);
        }
      }
    }
    out.sortDistinctFrom(from);
  }

  private static int[] toArray(List<Integer> ids) {
    int[] a = new int[ids.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ids.get(i);
    }
    return a;
  }
}
