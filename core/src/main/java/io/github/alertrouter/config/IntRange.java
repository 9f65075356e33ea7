package io.github.alertrouter.config;

/**
 * An inclusive range of integers, {@code begin..end}, as one entry of a time period parses to
 * ({@code monday:friday} is {@code 1..5}; a single value {@code v} is {@code v..v}). Empty when
 * {@code begin > end}. Immutable and thread-safe.
 *
 * @param begin the first value in the range
 * @param end the last value in the range
 */
record IntRange(int begin, int end) {
  /** Whether {@code begin <= value <= end}. */
  public boolean contains(int value) {
    return value >= begin && value <= end;
  }
}
