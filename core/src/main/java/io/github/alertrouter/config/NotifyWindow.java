package io.github.alertrouter.config;

import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a policy may send: on {@code days}, from {@code from} to {@code to} wall-clock time in
 * {@code timeZone}. A window with {@code to <= from} runs across midnight and belongs to the day
 * it starts on ({@code FRI 22:00–06:00} covers Saturday 03:00). So {@code to == from} is a full
 * 24 hours from {@code from} ({@code MON 09:00–09:00} runs to Tuesday 09:00; {@code 00:00–00:00}
 * is the same as {@code 00:00–24:00}, the whole day). {@code 24:00} is the end of the day.
 *
 * <p>Each listed day opens the window once, for the real time between its two ends; the start is
 * inclusive, the end exclusive. Wall-clock ends resolve to instants as the design says for every
 * recurring time: a time that does not exist (spring-forward gap) resolves forward to the first
 * instant after the gap, a time that exists twice (fall-back overlap) to its first occurrence.
 * Hence {@code 01:30–02:30} in America/Chicago is open 30 minutes on 2024-03-10 (01:30 CST to
 * 03:00 CDT) and two hours, the repeated hour included, on 2024-11-03 (01:30 CDT to 02:30 CST);
 * a window lying wholly inside a gap, such as {@code 02:00–02:30} that Chicago day, is closed that
 * day.
 *
 * <p>Immutable and thread-safe; {@link #contains} and {@link #nextOpening} are pure functions of
 * the window and the instant passed in and never read the clock. Build one in code with
 * {@link #builder(ZoneId)}.
 *
 * @param days the days a window opens on, at least one
 * @param from the opening wall-clock time, before {@code 24:00}
 * @param to the closing wall-clock time; at or before {@code from} means on the next day
 * @param timeZone the IANA zone the times are in
 * @param outsideWindow what a notice due while the window is closed becomes: held until it opens
 *     (default) or dropped
 */
public record NotifyWindow(
    Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to, ZoneId timeZone, OutsideWindow outsideWindow) {
  /** Every day, all day, UTC: a window that is always open. */
  public static final NotifyWindow ALWAYS =
      new NotifyWindow(EnumSet.allOf(DayOfWeek.class), TimeOfDay.START_OF_DAY, TimeOfDay.END_OF_DAY, ZoneId.of("UTC"));

  /** A window whose closed-time notices are held until it opens. */
  public NotifyWindow(Set<DayOfWeek> days, TimeOfDay from, TimeOfDay to, ZoneId timeZone) {
    this(days, from, to, timeZone, OutsideWindow.HOLD);
  }

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when {@code days} is empty or {@code from} is {@code 24:00}
   */
  public NotifyWindow {
    Objects.requireNonNull(days, "days");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("window days must not be empty");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timeZone, "timeZone");
    outsideWindow = Objects.requireNonNullElse(outsideWindow, OutsideWindow.HOLD);
    if (from.isEndOfDay()) {
      throw new IllegalArgumentException("window from must be before 24:00");
    }
  }

  /**
   * Whether the window is open at {@code at}: some listed day's opening is at or before it and
   * that day's closing after it, both resolved by the DST rule in the class comment.
   *
   * @param at the instant to judge, typically the flush's "now"; not null
   */
  public boolean contains(Instant at) {
    return WindowSpans.contains(this, Objects.requireNonNull(at, "at"));
  }

  /**
   * When the window is next open: {@code at} itself when {@link #contains}{@code (at)}, else the
   * earliest instant after {@code at} at which it is. The engine holds a notification until
   * then. Always {@link #contains} the result, and no instant between {@code at} and the result
   * is contained. The result is at most a week (and a DST hour) ahead, except that a window lying
   * wholly in a spring-forward gap is closed that day, so a window listed on that day only opens a
   * week later still.
   *
   * @param at the instant to start from; not null
   */
  public Instant nextOpening(Instant at) {
    return WindowSpans.nextOpening(this, Objects.requireNonNull(at, "at"));
  }

  /**
   * Starts a builder for a window in {@code timeZone} with the loader's defaults: every day,
   * {@code 00:00}–{@code 24:00}, notices outside it held ({@link OutsideWindow#HOLD}).
   *
   * @param timeZone the IANA zone the times are in ({@code ZoneId.of("Asia/Shanghai")}); a fixed
   *     offset is refused by {@link Builder#build()}, as in YAML
   */
  public static Builder builder(ZoneId timeZone) {
    return new Builder(timeZone);
  }

  /** A builder holding this window's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(timeZone).days(days).from(from).to(to).outsideWindow(outsideWindow);
  }

  /** Builds a {@link NotifyWindow}. Not thread-safe. */
  public static final class Builder {
    private final ZoneId timeZone;
    private Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    private TimeOfDay from = TimeOfDay.START_OF_DAY;
    private TimeOfDay to = TimeOfDay.END_OF_DAY;
    private OutsideWindow outsideWindow = OutsideWindow.HOLD;

    private Builder(ZoneId timeZone) {
      this.timeZone = timeZone;
    }

    /** The days the window opens on, replacing the default of every day; at least one. */
    public Builder days(DayOfWeek... days) {
      return days(days == null ? null : Arrays.asList(days));
    }

    /** Like {@link #days(DayOfWeek...)}, e.g. {@code EnumSet.range(MONDAY, FRIDAY)}. */
    public Builder days(Collection<DayOfWeek> days) {
      this.days = days == null ? null : (days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
      return this;
    }

    /** The opening wall-clock time, before {@code 24:00}; default {@code 00:00}. */
    public Builder from(TimeOfDay from) {
      this.from = from;
      return this;
    }

    /** The closing wall-clock time, at or before {@code from} meaning the next day; default {@code 24:00}. */
    public Builder to(TimeOfDay to) {
      this.to = to;
      return this;
    }

    /** What a notice due while the window is closed becomes; default {@link OutsideWindow#HOLD}. */
    public Builder outsideWindow(OutsideWindow outsideWindow) {
      this.outsideWindow = outsideWindow;
      return this;
    }

    /**
     * Builds the window.
     *
     * @throws ConfigException naming what is wrong: a missing or fixed-offset time zone, no days,
     *     {@code from} at {@code 24:00}
     */
    public NotifyWindow build() {
      return new BuildCheck("notify window", null).zone("timeZone", timeZone)
          .notEmpty("days", days, "name at least one day").required("from", from).required("to", to)
          .build(() -> new NotifyWindow(days, from, to, timeZone, outsideWindow));
    }
  }
}
