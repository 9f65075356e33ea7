package io.github.alertrouter.internal.route;

import io.github.alertrouter.route.LabelMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An equality index over a list of siblings, each an OR of {@link SlotRule}s, that narrows the
 * siblings an alert can match to those worth evaluating, so routing cost grows with the policies
 * an alert can match rather than with all of them.
 *
 * <p>Each rule is indexed under one of its conditions that an alert can only satisfy by
 * <em>having</em> a label with a listed value ({@link LabelMatcher#acceptedValues()}: {@code eq},
 * {@code in}, or {@code re} made of literal alternatives), provided {@code ""} is not among them
 * (a missing label is {@code ""}, and missing labels are never looked up). A sibling goes to the
 * always-check list when any of its rules has no such condition, or when it has no rules (it
 * matches everything). Candidates are a superset of the matching siblings; the caller still
 * evaluates them fully, in sibling order.
 *
 * <p>Small sibling lists are not worth hashing: below {@link #MIN_INDEXED} every sibling is always
 * checked. Immutable after construction and thread-safe.
 */
public final class SiblingIndex {
  /** Below this many siblings a linear scan is cheaper than the lookups. */
  public static final int MIN_INDEXED = 8;

  private final int size;
  private final int[] always;
  private final int[] slots;
  // parallel to slots: label value -> sibling indices (ascending)
  private final Map<String, int[]>[] byValue;

  private SiblingIndex(int size, int[] always, int[] slots, Map<String, int[]>[] byValue) {
    this.size = size;
    this.always = always;
    this.slots = slots;
    this.byValue = byValue;
  }

  /** Builds the index; {@code siblings.get(i)} are the OR'ed rules of sibling {@code i}. */
  @SuppressWarnings("unchecked")
  public static SiblingIndex build(List<List<SlotRule>> siblings) {
    int n = siblings.size();
    List<Integer> always = new ArrayList<>();
    // sorted by slot so lookups walk the alert's array in order
    Map<Integer, Map<String, List<Integer>>> building = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      List<int[]> keys = n < MIN_INDEXED ? null : indexKeys(siblings.get(i));
      if (keys == null) {
        always.add(i);
        continue;
      }
      for (int k = 0; k < keys.size(); k++) {
        SlotRule rule = siblings.get(i).get(k);
        int m = keys.get(k)[0];
        Map<String, List<Integer>> values = building.computeIfAbsent(rule.slot(m), s -> new HashMap<>());
        for (String v : rule.matcher(m).acceptedValues().orElseThrow()) {
          List<Integer> ids = values.computeIfAbsent(v, x -> new ArrayList<>());
          if (ids.isEmpty() || ids.get(ids.size() - 1) != i) {
            ids.add(i);
          }
        }
      }
    }
    int[] slots = new int[building.size()];
    Map<String, int[]>[] byValue = new Map[building.size()];
    int j = 0;
    for (Map.Entry<Integer, Map<String, List<Integer>>> e : building.entrySet()) {
      slots[j] = e.getKey();
      Map<String, int[]> frozen = new HashMap<>();
      e.getValue().forEach((v, ids) -> frozen.put(v, toArray(ids)));
      byValue[j++] = frozen;
    }
    return new SiblingIndex(n, toArray(always), slots, byValue);
  }

  /**
   * Per rule (same order), the position of its most selective indexable matcher, wrapped in an
   * array; {@code null} when some rule has none, or there are no rules.
   */
  private static List<int[]> indexKeys(List<SlotRule> rules) {
    if (rules.isEmpty()) {
      return null;
    }
    List<int[]> keys = new ArrayList<>(rules.size());
    for (SlotRule rule : rules) {
      int best = -1;
      int bestSize = Integer.MAX_VALUE;
      for (int m = 0; m < rule.size(); m++) {
        Set<String> values = rule.matcher(m).acceptedValues().orElse(null);
        // fewer accepted values: fewer alerts land on the rule by accident
        if (values != null && !values.contains("") && values.size() < bestSize) {
          best = m;
          bestSize = values.size();
        }
      }
      if (best < 0) {
        return null;
      }
      keys.add(new int[] {best});
    }
    return keys;
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
   * Appends to {@code out} the indices of the siblings that may match the alert whose slot values
   * are {@code values}, ascending and distinct; entries of {@code out} before the call are left
   * alone.
   */
  public void appendCandidates(String[] values, IntList out) {
    int from = out.size();
    out.addAll(always, always.length);
    for (int i = 0; i < slots.length; i++) {
      String v = values[slots[i]];
      if (v != null) {
        int[] ids = byValue[i].get(v);
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
