package io.github.alertrouter.route;

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

  // per bucket: the spread hash and the id, side by side, so that a probe reads one cache line;
  // the key is only read when the hash matches
  private final int[] hashAndId;
  private final String[] keys;
  private final int mask;
  private final int size;

  /**
   * Copies {@code entries}; values must be {@code >= 0}. With {@code internKeys} the keys are the
   * JVM's interned instances, which is what Jackson hands out for JSON field names (label names
   * in an Alertmanager payload): such a lookup then ends at {@code equals}' identity check.
   * Otherwise the keys are fresh copies allocated one after another, so that a key and its bytes
   * sit together, near the other keys, instead of wherever the configuration's parser left them.
   */
  StringIds(Map<String, Integer> entries, boolean internKeys) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    this.hashAndId = new int[capacity * 2];
    this.keys = new String[capacity];
    this.mask = capacity - 1;
    this.size = entries.size();
    for (int i = 0; i < capacity; i++) {
      hashAndId[2 * i + 1] = MISSING; // an empty bucket
    }
    entries.forEach((key, id) -> {
      int h = spread(key.hashCode());
      int i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      hashAndId[2 * i] = h;
      hashAndId[2 * i + 1] = id;
    });
    for (int i = 0; i < capacity; i++) {
      if (keys[i] != null) {
        keys[i] = internKeys ? keys[i].intern() : new String(keys[i].toCharArray());
      }
    }
  }

  /** The id of {@code key}, or {@link #MISSING}. */
  int get(String key) {
    int h = spread(key.hashCode());
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int id = hashAndId[2 * i + 1];
      if (id == MISSING) {
        return MISSING;
      }
      if (hashAndId[2 * i] == h && keys[i].equals(key)) {
        return id;
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
