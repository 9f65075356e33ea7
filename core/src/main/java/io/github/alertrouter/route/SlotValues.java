package io.github.alertrouter.route;

import java.util.function.BiConsumer;

/**
 * One alert's labels as a routing decision reads them (from {@link LabelSlots#read}): per slot,
 * the value's id within the slot (compared by {@code eq neq in nin} and by the indexes) and its
 * text (for regexes); plus the slots the alert has, so that indexes visit only those.
 *
 * <p>Not thread-safe: a decision owns it while it runs. It is the {@code BiConsumer} that
 * {@code Map.forEach} fills, so reading an alert allocates nothing besides this object; and a
 * router may keep one per thread ({@link LabelSlots#readReusing}), since {@link #clear} undoes a
 * decision in time proportional to the alert's labels.
 */
final class SlotValues implements BiConsumer<String, String> {
  private static final long[] NO_BITS = new long[0];

  private final LabelSlots slots;
  private final int[] ids;
  private final String[] texts;
  private final int[] present;
  private int presentCount;
  private long[] siblingBits = NO_BITS;
  private final IntList candidates = new IntList(16);
  private final int[] absentIds;
  private boolean inUse;

  SlotValues(LabelSlots slots, int[] absentIds) {
    this.slots = slots;
    this.absentIds = absentIds;
    this.ids = absentIds.clone();
    this.texts = new String[absentIds.length];
    this.present = new int[absentIds.length];
  }

  /**
   * Claims this scratch for one decision: {@code false} when a decision on this thread already
   * holds it (only a label map whose {@code forEach} routes another alert could cause that).
   */
  boolean claim() {
    if (inUse) {
      return false;
    }
    inUse = true;
    return true;
  }

  /** Forgets the alert read since the last clear and releases the claim. */
  public void clear() {
    for (int p = 0; p < presentCount; p++) {
      int slot = present[p];
      ids[slot] = absentIds[slot];
      texts[slot] = null;
    }
    presentCount = 0;
    candidates.truncate(0);
    inUse = false;
  }

  /** The candidate stack of the decision (empty after {@link #clear}). */
  public IntList candidates() {
    return candidates;
  }

  /** Records one label of the alert; labels no condition mentions are skipped. */
  @Override
  public void accept(String name, String value) {
    int slot = slots.slotOrMissing(name);
    if (slot == StringIds.MISSING || value == null) {
      return;
    }
    if (texts[slot] == null) { // a map never repeats a name; a broken one must not overflow
      present[presentCount++] = slot;
    }
    ids[slot] = slots.valueIdOrMissing(slot, value);
    texts[slot] = value;
  }

  /** The value's id in {@code slot} ({@link StringIds#MISSING} when no condition mentions it). */
  int id(int slot) {
    return ids[slot];
  }

  /** The value in {@code slot}; {@code ""} for a missing label. */
  String text(int slot) {
    String t = texts[slot];
    return t == null ? "" : t;
  }

  /** Number of slots the alert has a label for. */
  int presentCount() {
    return presentCount;
  }

  /** The {@code i}-th slot the alert has a label for (in the map's iteration order). */
  int presentSlot(int i) {
    return present[i];
  }

  /**
   * A zeroed bitset of at least {@code words} words, owned by this decision, for merging
   * candidate lists; whoever uses it must clear the bits it set before the next use.
   */
  long[] siblingBits(int words) {
    if (siblingBits.length < words) {
      siblingBits = new long[words];
    }
    return siblingBits;
  }
}
