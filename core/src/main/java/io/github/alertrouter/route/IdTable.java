package io.github.alertrouter.route;

import java.util.Map;

/**
 * An immutable map from value ids (small non-negative ints) to candidate lists: one slot of a
 * {@link SiblingIndex}. Open addressing with the id itself as the hash: ids of one slot are
 * numbered densely, so in the usual case every id lands in its own bucket and a lookup is an
 * array access and one comparison; ids spread over a large slot still work, with probing.
 *
 * <p>Everything is one {@code int[]}: buckets of (id, start, end), then the lists back to back.
 * A routing decision looks up every label of an alert, each in another table; as separate key,
 * entry and list arrays a lookup cost three or four cache misses once the tables are no longer
 * in the nearest cache, as one array it costs one or two. Thread-safe.
 */
final class IdTable {
  private static final int BUCKET = 3;

  private final int[] table; // per bucket: id (-1: empty), start, end; then the lists
  private final int mask;

  IdTable(Map<Integer, int[]> byId) {
    int maxId = 0;
    int listInts = 0;
    for (Map.Entry<Integer, int[]> e : byId.entrySet()) {
      maxId = Math.max(maxId, e.getKey());
      listInts += e.getValue().length;
    }
    // dense ids: a table covering all of them (no collisions) unless that is far too sparse
    int wanted = Math.min(maxId + 1, byId.size() * 4);
    int capacity = Integer.highestOneBit(Math.max(4, Math.max(wanted, byId.size() * 2) - 1)) << 1;
    this.mask = capacity - 1;
    this.table = new int[capacity * BUCKET + listInts];
    for (int b = 0; b < capacity; b++) {
      table[b * BUCKET] = -1;
    }
    int[] next = {capacity * BUCKET};
    byId.forEach((id, list) -> {
      int i = id & mask;
      while (table[i * BUCKET] >= 0) {
        i = (i + 1) & mask;
      }
      table[i * BUCKET] = id;
      table[i * BUCKET + 1] = next[0];
      System.arraycopy(list, 0, table, next[0], list.length);
      next[0] += list.length;
      table[i * BUCKET + 2] = next[0];
    });
  }

  /** Appends the list indexed under {@code id} to {@code out}; {@code false} when there is none. */
  boolean appendTo(int id, IntList out) {
    for (int i = id & mask; ; i = (i + 1) & mask) {
      int b = i * BUCKET;
      int k = table[b];
      if (k == id) {
        out.addRange(table, table[b + 1], table[b + 2]);
        return true;
      }
      if (k < 0) {
        return false;
      }
    }
  }
}
