package io.github.alertrouter.inhibit;

import io.github.alertrouter.Fingerprint;
import java.time.Instant;
import java.util.Arrays;

/**
 * The source alerts of one rule that share one tuple of {@code equal}-label values, sorted by
 * fingerprint (unsigned, so in the order of their hex form). Immutable: a change makes a new bucket,
 * so readers scan one without a lock while writers replace it. Buckets are small (alerts that agree
 * on all {@code equal} labels), so copying one on change is cheap.
 */
final class SourceBucket {
  private final SourceEntry[] entries;

  private SourceBucket(SourceEntry[] entries) {
    this.entries = entries;
  }

  static SourceBucket of(SourceEntry entry) {
    return new SourceBucket(new SourceEntry[] {entry});
  }

  /** This bucket with {@code entry} added, or replacing the entry with its fingerprint. */
  SourceBucket with(SourceEntry entry) {
    int i = indexOf(entry.fingerprint());
    if (i >= 0) {
      if (entries[i].equals(entry)) {
        return this;
      }
      SourceEntry[] copy = entries.clone();
      copy[i] = entry;
      return new SourceBucket(copy);
    }
    int at = -i - 1;
    SourceEntry[] copy = new SourceEntry[entries.length + 1];
    System.arraycopy(entries, 0, copy, 0, at);
    copy[at] = entry;
    System.arraycopy(entries, at, copy, at + 1, entries.length - at);
    return new SourceBucket(copy);
  }

  /** This bucket without {@code fingerprint}; {@code null} when that leaves it empty. */
  SourceBucket without(Fingerprint fingerprint) {
    int i = indexOf(fingerprint);
    if (i < 0) {
      return this;
    }
    if (entries.length == 1) {
      return null;
    }
    SourceEntry[] copy = new SourceEntry[entries.length - 1];
    System.arraycopy(entries, 0, copy, 0, i);
    System.arraycopy(entries, i + 1, copy, i, entries.length - i - 1);
    return new SourceBucket(copy);
  }

  /**
   * The first source, in fingerprint order, that fires at {@code at} and, when
   * {@code excludeTwoSided}, does not itself match the rule's target; {@code null} if none.
   */
  Fingerprint firstInhibiting(Instant at, boolean excludeTwoSided) {
    for (SourceEntry e : entries) {
      if (e.firingAt(at) && !(excludeTwoSided && e.matchesTarget())) {
        return e.fingerprint();
      }
    }
    return null;
  }

  int size() {
    return entries.length;
  }

  private int indexOf(Fingerprint fingerprint) {
    int lo = 0;
    int hi = entries.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(entries[mid].fingerprint().value(), fingerprint.value());
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  @Override
  public String toString() {
    return Arrays.toString(entries);
  }
}
