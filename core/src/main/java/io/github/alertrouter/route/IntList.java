package io.github.alertrouter.route;

import java.util.Arrays;

/**
 * A growable list of {@code int}s used as a stack of candidate indices while routing one alert, so
 * that a routing decision allocates one small array instead of boxed lists. Not thread-safe: each
 * routing call owns its own.
 */
final class IntList {
  private int[] values;
  private int size;

  public IntList(int capacity) {
    values = new int[Math.max(capacity, 4)];
  }

  public int size() {
    return size;
  }

  public int get(int i) {
    return values[i];
  }

  public void set(int i, int v) {
    values[i] = v;
  }

  /** A copy of the elements. */
  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  public void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** Appends {@code src[0..n)}. */
  public void addAll(int[] src, int n) {
    ensure(size + n);
    System.arraycopy(src, 0, values, size, n);
    size += n;
  }

  /** Appends {@code src[from..to)}. */
  public void addRange(int[] src, int from, int to) {
    int n = to - from;
    ensure(size + n);
    System.arraycopy(src, from, values, size, n);
    size += n;
  }

  /** Drops everything from index {@code newSize} on. */
  public void truncate(int newSize) {
    size = newSize;
  }

  /** Sorts {@code [from, size)} ascending and removes duplicates in that range. */
  public void sortDistinctFrom(int from) {
    if (size - from < 2) {
      return;
    }
    if (size - from <= 32) {
      insertionSort(from);
    } else {
      Arrays.sort(values, from, size);
    }
    int w = from + 1;
    for (int r = from + 1; r < size; r++) {
      if (values[r] != values[w - 1]) {
        values[w++] = values[r];
      }
    }
    size = w;
  }

  // a few merged candidate lists: insertion sort, without Arrays.sort's dispatch on the length
  private void insertionSort(int from) {
    for (int i = from + 1; i < size; i++) {
      int v = values[i];
      int j = i - 1;
      while (j >= from && values[j] > v) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = v;
    }
  }

  private void ensure(int capacity) {
    if (capacity > values.length) {
      values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
    }
  }
}
