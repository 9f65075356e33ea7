package io.github.alertrouter.internal.route;

import java.util.Map;

/**
 * An immutable map from value ids (small non-negative ints) to sibling-id arrays: one slot of a
 * {@link SiblingIndex}. Open addressing with the id itself as the hash: ids of one slot are
 * numbered densely, so in the usual case every id lands in its own bucket and a lookup is an
 * array access and one comparison; ids spread over a large slot still work, with probing.
 * Thread-safe.
 */
final class IdTable {
  private final int[] keys; // -1: empty bucket
  private final int[][] entries;
  private final int mask;

  IdTable(Map<Integer, int[]> byId) {
    int maxId = 0;
    for (int id : byId.keySet()) {
      maxId = Math.max(maxId, id);
    }
    // dense ids: a table covering all of them (no collisions) unless that is far too sparse
    int wanted = Math.min(maxId + 1, byId.size() * 4);
    int capacity = Integer.highestOneBit(Math.max(4, Math.max(wanted, byId.size() * 2) - 1)) << 1;
    this.keys = new int[capacity];
    this.entries = new int[capacity][];
    this.mask = capacity - 1;
    java.util.Arrays.fill(keys, -1);
    byId.forEach((id, siblings) -> {
      int i = id & mask;
      while (keys[i] >= 0) {
        i = (i + 1) & mask;
      }
      keys[i] = id;
      entries[i] = siblings;
    });
  }

  /** The siblings indexed under {@code id} (ascending), or {@code null}. */
  int[] get(int id) {
    for (int i = id & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == id) {
        return entries[i];
      }
      if (k < 0) {
        return null;
      }
    }
  }
}
