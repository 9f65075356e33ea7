package io.github.alertrouter.route;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers the label names a routing tree's conditions mention (slots), and per slot the values
 * those conditions compare with ({@code eq neq in nin} operands, literal alternatives of
 * {@code re}). An alert's labels are then read once per decision into {@link SlotValues}: for
 * each label, one lookup of the name and one of the value, after which every condition and every
 * index is an array access and an {@code int} comparison instead of a map lookup or a string
 * comparison.
 *
 * <p>A value id is only meaningful within its slot. A value that no condition mentions has no id
 * ({@link StringIds#MISSING}); it can only satisfy negated conditions and regexes, which see the
 * text too. A missing label reads as {@code ""}, so its id is that of {@code ""} when a condition
 * mentions {@code ""} on that slot.
 *
 * <p>Immutable and thread-safe.
 */
final class LabelSlots {
  private final StringIds names;
  private final StringIds[] valuesBySlot;
  private final int[] absentIds;

  private LabelSlots(Map<String, Map<String, Integer>> values) {
    Map<String, Integer> slotOf = new HashMap<>();
    this.valuesBySlot = new StringIds[values.size()];
    this.absentIds = new int[values.size()];
    for (Map.Entry<String, Map<String, Integer>> e : values.entrySet()) {
      int slot = slotOf.size();
      slotOf.put(e.getKey(), slot);
      valuesBySlot[slot] = new StringIds(e.getValue(), false);
      absentIds[slot] = valuesBySlot[slot].get("");
    }
    this.names = new StringIds(slotOf, true);
  }

  /** Collects names and the values compared with them; not thread-safe. */
  public static final class Builder {
    // insertion order gives slot numbers in the order names were first seen
    private final Map<String, Map<String, Integer>> values = new LinkedHashMap<>();

    /** Registers a label name. */
    public Builder add(String name) {
      values.computeIfAbsent(name, n -> new HashMap<>());
      return this;
    }

    /** Registers a label name and values that conditions compare it with. */
    public Builder add(String name, Collection<String> compared) {
      Map<String, Integer> ids = values.computeIfAbsent(name, n -> new HashMap<>());
      for (String v : compared) {
        ids.putIfAbsent(v, ids.size());
      }
      return this;
    }

    public LabelSlots build() {
      return new LabelSlots(values);
    }
  }

  /**
   * The slot of a label name that was added.
   *
   * @throws IllegalArgumentException if it was not
   */
  public int slot(String name) {
    int s = names.get(name);
    if (s == StringIds.MISSING) {
      throw new IllegalArgumentException("label name was not registered: " + name);
    }
    return s;
  }

  /**
   * The id of a value registered for the label name in {@code slot}.
   *
   * @throws IllegalArgumentException if it was not registered
   */
  public int valueId(int slot, String value) {
    int id = valuesBySlot[slot].get(value);
    if (id == StringIds.MISSING) {
      throw new IllegalArgumentException("label value was not registered: " + value);
    }
    return id;
  }

  /** Number of values registered for {@code slot}; ids are {@code 0..n-1}. */
  public int valueCount(int slot) {
    return valuesBySlot[slot].size();
  }

  public int size() {
    return valuesBySlot.length;
  }

  /** Reads an alert's labels (a {@code null} value counts as a missing label). */
  public SlotValues read(Map<String, String> labels) {
    SlotValues values = new SlotValues(this, absentIds);
    // forEach, not entrySet(): an unmodifiable map's entry set wraps every entry it hands out,
    // while forEach reaches the backing map's own loop (TreeMap, HashMap) without allocating
    labels.forEach(values);
    return values;
  }

  /** A scratch for {@link #readReusing}; keep one per thread. */
  public SlotValues newScratch() {
    return new SlotValues(this, absentIds);
  }

  /**
   * Reads an alert's labels into {@code scratch} (from {@link #newScratch}), or into a new
   * {@link SlotValues} when the scratch is already in use; call {@link SlotValues#clear} on the
   * result when the decision is done.
   */
  public SlotValues readReusing(Map<String, String> labels, SlotValues scratch) {
    SlotValues values = scratch.claim() ? scratch : new SlotValues(this, absentIds);
    try {
      labels.forEach(values);
    } catch (RuntimeException | Error e) {
      values.clear();
      throw e;
    }
    return values;
  }

  /** The slot of {@code name}, or {@link StringIds#MISSING} when no condition mentions it. */
  int slotOrMissing(String name) {
    return names.get(name);
  }

  /** The id of {@code value} in {@code slot}, or {@link StringIds#MISSING}. */
  int valueIdOrMissing(int slot, String value) {
    return valuesBySlot[slot].get(value);
  }
}
