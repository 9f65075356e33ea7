package io.github.alertrouter.config;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The real-time spans a {@link NotifyWindow} is open. Each listed day {@code D} opens one span,
 * {@code [resolve(D, from), resolve(E, to))}, where {@code E} is {@code D} when {@code to > from}
 * and the next day otherwise (across midnight; {@code to == from} is a full 24 hours), and
 * {@code resolve} is {@link io.github.alertrouter.time.TimeOfDay#on}. Both {@link #contains} and {@link #nextOpening}
 * are read off these spans, so they always agree, and a window stays open without a hole through
 * a repeated fall-back hour. A span whose ends both fall in the same spring-forward gap is empty:
 * that wall-clock time does not exist that day. Stateless and thread-safe.
 */
final class WindowSpans {
  /**
   * Days scanned before the instant's local date. A span ends at most one local day after it
   * starts; the second day is slack for zones that once skipped a whole date (Pacific/Apia 2011).
   */
  private static final int DAYS_BEFORE = 2;

  /**
   * Days scanned after it. Every week has a listed day, and a listed day's span is empty only
   * when both ends fall in one gap, which no zone repeats a week later, so two weeks always hold
   * the next opening (usually it is within one).
   */
  private static final int DAYS_AFTER = 14;

  private WindowSpans() {}

  /** Whether {@code at} is inside one of {@code window}'s spans. */
  public static boolean contains(NotifyWindow window, Instant at) {
    LocalDate today = localDate(window, at);
    for (int i = -DAYS_BEFORE; i <= 0; i++) {
      Span span = spanStartingOn(window, today.plusDays(i));
      if (span != null && span.contains(at)) {
        return true;
      }
    }
    return false;
  }

  /** {@code at} when inside, else the earliest span start after {@code at}. */
  public static Instant nextOpening(NotifyWindow window, Instant at) {
    if (contains(window, at)) {
      return at;
    }
    LocalDate today = localDate(window, at);
    Instant next = null;
    for (int i = -DAYS_BEFORE; i <= DAYS_AFTER; i++) {
      Span span = spanStartingOn(window, today.plusDays(i));
      if (span != null && span.open().isAfter(at) && (next == null || span.open().isBefore(next))) {
        next = span.open();
      }
    }
    if (next == null) {
      throw new IllegalStateException("no opening within " + DAYS_AFTER + " days of " + at + " for " + window);
    }
    return next;
  }

  private static LocalDate localDate(NotifyWindow window, Instant at) {
    return at.atZone(window.timeZone()).toLocalDate();
  }

  /** The span that opens on {@code date}, or {@code null} when the day is not listed or the span is empty. */
  private static Span spanStartingOn(NotifyWindow window, LocalDate date) {
    if (!window.days().contains(date.getDayOfWeek())) {
      return null;
    }
    LocalDate endDate = window.to().compareTo(window.from()) > 0 ? date : date.plusDays(1);
    Instant open = window.from().on(date, window.timeZone());
    Instant close = window.to().on(endDate, window.timeZone());
    return open.isBefore(close) ? new Span(open, close) : null;
  }

  /** A half-open interval of instants, {@code [open, close)}. */
  private record Span(Instant open, Instant close) {
    boolean contains(Instant at) {
      return !at.isBefore(open) && at.isBefore(close);
    }
  }
}
