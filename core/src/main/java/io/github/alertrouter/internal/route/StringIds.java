package io.github.alertrouter.internal.route;

import java.util.Map;

/**
 * An immutable map from strings to small non-negative ints, for the two lookups a routing decision
 * makes per alert label (name to slot, value to value id).
 *
 * <p>Why not a {@code Map<String, Integer>}: {@code Map.copyOf} tables probe through
 * {@code equals} calls on every slot they visit and box their values, and a {@code HashMap}
 * reached through the {@code Map} interface is a megamorphic call. Here the probe compares the
 * cached {@code String} hash codes in an {@code int[]} first, so a miss rarely touches a key and a
 * hit costs one {@code equals}. Linear probing in a table at most half full.
 *
 * <p>Thread-safe (immutable after construction).
 */
final class StringIds {
  /** What {@link #get} returns for a string that is not in the map. */
  static final int MISSING = -1;

  private final String[] keys;
  private final int[] hashes;
  private final int[] ids;
  private final int mask;
  private final int size;

  /** Copies {@code entries}; values must be {@code >= 0}. */
  StringIds(Map<String, Integer> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    this.keys = new String[capacity];
    this.hashes = new int[capacity];
    this.ids = new int[capacity];
    this.mask = capacity - 1;
    this.size = entries.size();
    entries.forEach((key, id) -> {
      int h = spread(key.hashCode());
      int i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      hashes[i] = h;
      ids[i] = id;
    });
  }

  /** The id of {@code key}, or {@link #MISSING}. */
  int get(String key) {
    int h = spread(key.hashCode());
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return MISSING;
      }
      if (hashes[i] == h && (k == key || k.equals(key))) {
        return ids[i];
      }
    }
  }

  int size() {
    return size;
  }

  // label values such as "value-01".."value-49" differ in the last chars; mix the high bits down
  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
