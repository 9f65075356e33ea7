package io.github.alertrouter.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>A candidate is {@link #sure} when it came from a rule whose only condition is the indexed
 * one (or from a sibling without rules): being in the list proves the rule holds, so routing need
 * not evaluate it. Single-condition policies ({@code team = payments}) are the common case, and
 * skipping their evaluation saves the cache misses of reading their rules.
 *
 * <p>Small sibling lists are not worth hashing: below {@link #MIN_INDEXED} every sibling is always
 * checked. Immutable after construction and thread-safe.
 */
final class SiblingIndex {
  /** Below this many siblings a linear scan is cheaper than the lookups. */
  public static final int MIN_INDEXED = 8;

  private static final IdTable[] NO_SLOTS = new IdTable[0];

  private final int size;
  private final int[] always;
  // by label slot (null: not indexed): value id -> sibling indices (ascending)
  private final IdTable[] bySlot;

  private SiblingIndex(int size, int[] always, IdTable[] bySlot) {
    this.size = size;
    this.always = always;
    this.bySlot = bySlot;
  }

  /** Builds the index; {@code siblings.get(i)} are the OR'ed rules of sibling {@code i}. */
  public static SiblingIndex build(List<List<SlotRule>> siblings) {
    int n = siblings.size();
    List<Integer> always = new ArrayList<>();
    Map<Integer, Map<Integer, List<Integer>>> building = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<SlotRule> rules = siblings.get(i);
      List<int[]> keys = n < MIN_INDEXED ? null : indexKeys(rules);
      if (keys == null) {
        always.add(candidate(i, rules.isEmpty()));
        continue;
      }
      for (int k = 0; k < keys.size(); k++) {
        SlotRule rule = rules.get(k);
        int m = keys.get(k)[0];
        int entry = candidate(i, rule.size() == 1);
        Map<Integer, List<Integer>> values = building.computeIfAbsent(rule.slot(m), s -> new HashMap<>());
        for (int id : rule.acceptedIds(m)) {
          List<Integer> list = values.computeIfAbsent(id, x -> new ArrayList<>());
          int last = list.size() - 1;
          if (last >= 0 && sibling(list.get(last)) == i) {
            list.set(last, list.get(last) | entry); // another rule of the same sibling: sure if either is
          } else {
            list.add(entry);
          }
        }
      }
    }
    int slotCount = 0;
    for (int slot : building.keySet()) {
      slotCount = Math.max(slotCount, slot + 1);
    }
    IdTable[] bySlot = slotCount == 0 ? NO_SLOTS : new IdTable[slotCount];
    building.forEach((slot, values) -> {
      Map<Integer, int[]> frozen = new HashMap<>();
      values.forEach((id, ids) -> frozen.put(id, toArray(ids)));
      bySlot[slot] = new IdTable(frozen);
    });
    return new SiblingIndex(n, toArray(always), bySlot);
  }

  private static int candidate(int sibling, boolean sure) {
    return sibling << 1 | (sure ? 1 : 0);
  }

  /** The sibling a candidate (from {@link #appendCandidates}) stands for. */
  public static int sibling(int candidate) {
    return candidate >>> 1;
  }

  /** Whether the candidate's sibling is known to match without evaluating its rules. */
  public static boolean sure(int candidate) {
    return (candidate & 1) != 0;
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
   * Appends to {@code out} the candidates that may match the alert: one per sibling, ascending
   * by sibling (decode with {@link #sibling} and {@link #sure}); entries of {@code out} before the
   * call are left alone.
   */
  public void appendCandidates(SlotValues values, IntList out) {
    int from = out.size();
    int sources = 0;
    if (always.length > 0) {
      out.addAll(always, always.length);
      sources++;
    }
    // only the alert's own labels can hit: a missing label is "", which is never indexed
    for (int p = 0; p < values.presentCount(); p++) {
      int slot = values.presentSlot(p);
      int id;
      if (slot < bySlot.length && bySlot[slot] != null && (id = values.id(slot)) >= 0
          && bySlot[slot].appendTo(id, out)) {
        sources++;
      }
    }
    // each source is ascending with one entry per sibling already; only several need merging
    if (sources > 1) {
      merge(values, out, from);
    }
  }

  /**
   * Orders {@code out[from..)} by sibling, one entry per sibling (sure if any entry was).
   * Candidates are few but spread over the whole list, so sorting them costs many unpredictable
   * branches; setting their bits (two per sibling: listed, sure) and scanning the words in order
   * costs about one step per 32 siblings. Very long lists with few candidates (a sparse range)
   * are sorted instead.
   */
  private void merge(SlotValues values, IntList out, int from) {
    int count = out.size() - from;
    int words = ((2 * size - 1) >>> 6) + 1;
    if (words > 4 * count + 16) {
      sortBySibling(out, from);
      return;
    }
    long[] bits = values.siblingBits(words);
    for (int k = from; k < out.size(); k++) {
      int c = out.get(k);
      // bit 2i: listed; bit 2i+1: sure
      bits[c >>> 6] |= (1L | (long) (c & 1) << 1) << (c & ~1);
    }
    out.truncate(from);
    for (int w = 0; w < words; w++) {
      long b = bits[w];
      if (b != 0) {
        bits[w] = 0; // leaves the scratch clean for the next list
        long listed = b & EVEN_BITS;
        do {
          int bit = Long.numberOfTrailingZeros(listed);
          out.add(w << 6 | bit | (int) (b >>> (bit + 1)) & 1);
          listed &= listed - 1;
        } while (listed != 0);
      }
    }
  }

  private static final long EVEN_BITS = 0x5555_5555_5555_5555L;

  private static void sortBySibling(IntList out, int from) {
    out.sortDistinctFrom(from);
    // 2i sorts before 2i+1: of one sibling's two entries keep the sure one, i.e. the later
    int w = from;
    for (int r = from; r < out.size(); r++) {
      int c = out.get(r);
      if (w > from && sibling(out.get(w - 1)) == sibling(c)) {
        out.set(w - 1, c);
      } else {
        out.set(w++, c);
      }
    }
    out.truncate(w);
  }

  private static int[] toArray(List<Integer> ids) {
    int[] a = new int[ids.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ids.get(i);
    }
    return a;
  }
}
