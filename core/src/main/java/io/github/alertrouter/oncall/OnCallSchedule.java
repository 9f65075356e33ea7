package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Schedule} compiled for evaluation: who is on duty when, and the final schedule over a
 * range. The rules, all in the schedule's time zone:
 *
 * <ul>
 *   <li><b>Rotation.</b> A layer's members take turns, the first member's shift starting at the
 *       layer's {@code handoff}; shifts continue by the clock before and after it. DAILY and WEEKLY
 *       rotations hand off at the same wall-clock time (and, for WEEKLY, weekday) as the handoff,
 *       so across a DST change a daily shift is 23 h or 25 h. CUSTOM shifts are fixed lengths of
 *       real time counted from the handoff's instant, so a {@code 12h} rotation handing off at
 *       09:00 and 21:00 hands off at 10:00 and 22:00 after clocks go forward.
 *   <li><b>Wall-clock times</b> (handoffs, restriction bounds, start/end, override bounds) become
 *       instants by one rule: a time that does not exist (in a spring-forward gap) moves forward to
 *       the end of the gap; a time that exists twice (in a fall-back overlap) takes the earlier
 *       offset, i.e. its first occurrence.
 *   <li><b>Restrictions, start and end.</b> Outside a layer's restrictions (if it has any) and
 *       outside {@code [start, end)} the layer has nobody on duty. The rotation does not pause:
 *       the member whose shift it is is simply not on duty then (PagerDuty's behaviour).
 *   <li><b>Precedence.</b> A later layer covers an earlier one wherever the later layer has someone
 *       on duty, and only there. Overrides beat all layers; where overrides overlap, the later one
 *       in the schedule's list wins.
 * </ul>
 *
 * <p>Sources name why someone is on duty: {@code layer:NAME}, {@code layer:N} for an unnamed layer
 * (1-based position), or {@code override}.
 *
 * <p>Immutable and thread-safe. The final schedule is computed a week at a time on first use and
 * cached (a year of weeks), so {@link #onCall} for times near each other costs a lookup and a binary
 * search. All arguments must be non-null; instants must lie within {@link java.time.LocalDateTime}'s
 * range.
 */
public final class OnCallSchedule {
  private final Schedule schedule;
  private final ScheduleTimeline timeline;

  private OnCallSchedule(Schedule schedule) {
    this.schedule = schedule;
    this.timeline = new ScheduleTimeline(schedule);
  }

  /** Compiles {@code schedule}. */
  public static OnCallSchedule of(Schedule schedule) {
    return new OnCallSchedule(Objects.requireNonNull(schedule, "schedule"));
  }

  /** The schedule this was compiled from. */
  public Schedule schedule() {
    return schedule;
  }

  /**
   * Who is on duty at {@code at}: empty when nobody is; in this model never more than one entry
   * (the list leaves room for schedules that page several people at once).
   */
  public List<OnDuty> onCall(Instant at) {
    return timeline.at(Objects.requireNonNull(at, "at"));
  }

  /**
   * The first instant after {@code after} where {@link #onCall} gives a different answer (another
   * person, another source, or nobody), or {@code null} when there is none within 400 days.
   */
  public Instant nextChange(Instant after) {
    return timeline.nextChange(Objects.requireNonNull(after, "after"));
  }

  /**
   * The final schedule within {@code [from, to)}, in time order: entries clipped to the range, and
   * adjacent entries with the same contact and source merged into one (a one-member rotation is one
   * long shift). Times with nobody on duty are not listed ({@link #gaps} lists them). Linear in the
   * number of entries; empty when {@code to} is not after {@code from}.
   */
  public List<Shift> render(Instant from, Instant to) {
    return timeline.render(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  /** The times within {@code [from, to)} with nobody on duty, clipped and merged, in time order. */
  public List<Gap> gaps(Instant from, Instant to) {
    return timeline.gaps(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  @Override
  public String toString() {
    return "OnCallSchedule[" + schedule.id() + "]";
  }
}
