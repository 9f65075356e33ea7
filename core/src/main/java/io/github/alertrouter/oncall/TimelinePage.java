package io.github.alertrouter.oncall;

import java.time.Instant;
import java.util.List;

/**
 * The final schedule over one page of time {@code [start, end)}: segment {@code i} runs from
 * {@code starts[i]} to {@code starts[i + 1]} (the last one to {@code end}) with {@code duties[i]}
 * on duty (empty for nobody). Adjacent segments differ; the first one of the next page may equal
 * this page's last. Immutable once built, and thread-safe.
 */
final class TimelinePage {
  final long index;
  final Instant start;
  final Instant end;
  final Instant[] starts;
  final List<OnDuty>[] duties;

  TimelinePage(long index, Instant start, Instant end, Instant[] starts, List<OnDuty>[] duties) {
    this.index = index;
    this.start = start;
    this.end = end;
    this.starts = starts;
    this.duties = duties;
  }

  int size() {
    return starts.length;
  }

  Instant segmentEnd(int i) {
    return i + 1 < starts.length ? starts[i + 1] : end;
  }

  /** The segment holding {@code at}, which must lie within the page. */
  int segmentAt(Instant at) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) { // the last segment whose start is <= at
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid].isAfter(at)) {
        hi = mid - 1;
      } else {
        lo = mid;
      }
    }
    return lo;
  }
}
