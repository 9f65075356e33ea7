package io.github.alertrouter.oncall;

import java.time.Instant;
import java.util.Arrays;

/**
 * A growable list of half-open spans {@code [start, end)}, each with a state (who is on duty, or
 * any marker), kept in the order added. Not thread-safe; built and then only read.
 */
final class Spans {
  Instant[] starts = new Instant[8];
  Instant[] ends = new Instant[8];
  Object[] states = new Object[8];
  int size;

  void add(Instant start, Instant end, Object state) {
    if (!end.isAfter(start)) {
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      states = Arrays.copyOf(states, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    states[size] = state;
    size++;
  }

  /** The index of the first span that ends after {@code at}, in spans sorted and disjoint. */
  int firstEndingAfter(Instant at) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid].isAfter(at)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
