package io.github.alertrouter.internal.route;

import java.util.function.BiConsumer;

/**
 * One alert's labels as a routing decision reads them (from {@link LabelSlots#read}): per slot,
 * the value's id within the slot (compared by {@code eq neq in nin} and by the indexes) and its
 * text (for regexes); plus the slots the alert has, so that indexes visit only those.
 *
 * <p>Not thread-safe: each decision owns its own. It is the {@code BiConsumer} that
 * {@code Map.forEach} fills, so reading an alert allocates nothing besides this object.
 */
public final class SlotValues implements BiConsumer<String, String> {
  private final LabelSlots slots;
  private final int[] ids;
  private final String[] texts;
  private final int[] present;
  private int presentCount;

  SlotValues(LabelSlots slots, int[] absentIds) {
    this.slots = slots;
    this.ids = absentIds.clone();
    this.texts = new String[absentIds.length];
    this.present = new int[absentIds.length];
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
}
