package io.github.alertrouter.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told: {@link #set} and {@link #advance}. Its zone is UTC; {@link
 * #withZone} gives a view in another zone that follows the same time. Thread-safe: readers on other
 * threads see the latest instant set.
 *
 * <p>It lives in core, not in the testkit, so that core's own tests use it (the testkit depends on
 * core) and so that an embedder can test its own code on the router's time: give the router a
 * {@link ManualScheduler} on this clock and move time by hand, with no sleeps.
 */
public final class ManualClock extends Clock {
  /** Where {@link #ManualClock()} starts: a fixed, recognisable instant. */
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock at {@link #DEFAULT_START}. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /** A clock at {@code start}. */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}: setting or advancing either moves both. */
  @Override
  public ManualClock withZone(ZoneId zone) {
    return new ManualClock(now, Objects.requireNonNull(zone, "zone"));
  }

  /** Moves the clock to {@code instant}, backwards too (to test clock skew). */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock forward by {@code duration} and returns the new instant.
   *
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock advances by a duration >= 0, but was " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + ", " + zone + "]";
  }
}
