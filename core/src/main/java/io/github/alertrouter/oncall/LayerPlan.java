package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Rotation;
import io.github.alertrouter.config.ScheduleLayer;
import io.github.alertrouter.config.TimeRestriction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One layer compiled: its shift boundaries and its on-duty windows (start/end and restrictions).
 *
 * <p>Shift {@code k} belongs to {@code members[k mod n]} and starts at {@code boundary(k)}, shift 0
 * at the handoff; {@code k} may be negative (shifts before the handoff, same phase). DAILY and
 * WEEKLY boundaries are the handoff's wall-clock time {@code k} days or weeks on, each resolved by
 * the WallClock rule, so they stay at the same local time across DST; CUSTOM boundaries are the
 * handoff's instant plus {@code k} shift lengths of real time. Immutable and thread-safe.
 */
final class LayerPlan {
  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

  /** A restriction as: on each of {@code days}, from {@code startMinute} for {@code minutes}. */
  private record Window(boolean[] days, int startMinute, int minutes) {}

  private final ZoneId zone;
  private final Rotation rotation;
  private final LocalDateTime handoff;
  private final int daysPerShift;
  private final Instant anchor;
  private final Duration shiftLength;
  private final Instant activeStart;
  private final Instant activeEnd;
  private final List<Window> windows;
  private final List<List<OnDuty>> duties;
  private final String source;

  LayerPlan(ScheduleLayer layer, int position, ZoneId zone) {
    this.zone = zone;
    this.rotation = layer.rotation();
    this.handoff = layer.handoff();
    this.daysPerShift = rotation == Rotation.WEEKLY ? 7 : 1;
    this.anchor = WallTimes.resolve(handoff, zone);
    this.shiftLength = layer.shiftLength();
    this.activeStart = layer.start() == null ? null : WallTimes.resolve(layer.start(), zone);
    this.activeEnd = layer.end() == null ? null : WallTimes.resolve(layer.end(), zone);
    this.windows = layer.restrictions().stream().map(LayerPlan::window).toList();
    this.source = sourceOf(layer, position);
    // One shared list per member, so equal states are the same object and compare cheaply.
    List<List<OnDuty>> byMember = new ArrayList<>();
    for (String member : layer.members()) {
      byMember.add(List.of(new OnDuty(member, source)));
    }
    this.duties = List.copyOf(byMember);
  }

  /** {@code layer:NAME}, or {@code layer:N} (1-based) for an unnamed layer. */
  static String sourceOf(ScheduleLayer layer, int position) {
    String name = layer.name();
    return "layer:" + (name == null || name.isBlank() ? String.valueOf(position + 1) : name);
  }

  private static Window window(TimeRestriction r) {
    boolean[] days = new boolean[7];
    int from = r.from().minuteOfDay();
    int minutes;
    if (r.isWeekly()) {
      days[r.fromDay().ordinal()] = true;
      int start = r.fromDay().ordinal() * MINUTES_PER_DAY + from;
      int end = r.toDay().ordinal() * MINUTES_PER_DAY + r.to().minuteOfDay();
      minutes = Math.floorMod(end - start, MINUTES_PER_WEEK);
      minutes = minutes == 0 ? MINUTES_PER_WEEK : minutes;
    } else {
      r.days().forEach(day -> days[day.ordinal()] = true);
      minutes = r.to().minuteOfDay() - from;
      minutes = minutes <= 0 ? minutes + MINUTES_PER_DAY : minutes;
    }
    return new Window(days, from, minutes);
  }

  String source() {
    return source;
  }

  /** The instant shift {@code k} starts. */
  Instant boundary(long k) {
    if (rotation == Rotation.CUSTOM) {
      return anchor.plus(shiftLength.multipliedBy(k));
    }
    return WallTimes.resolve(handoff.plusDays(k * daysPerShift), zone);
  }

  /** The shift holding {@code at}: {@code boundary(k) <= at < boundary(k + 1)}. */
  long shiftIndex(Instant at) {
    long k;
    if (rotation == Rotation.CUSTOM) {
      k = Duration.between(anchor, at).dividedBy(shiftLength); // rounds toward zero; fixed below
    } else {
      long days = ChronoUnit.DAYS.between(handoff.toLocalDate(), LocalDateTime.ofInstant(at, zone).toLocalDate());
      k = Math.floorDiv(days, daysPerShift);
    }
    while (boundary(k).isAfter(at)) {
      k--;
    }
    while (!boundary(k + 1).isAfter(at)) {
      k++;
    }
    return k;
  }

  /**
   * Adds to {@code out} who of this layer is on duty within {@code [from, to)}: sorted, disjoint
   * spans whose state is a one-element {@code List<OnDuty>}.
   */
  void onDuty(Instant from, Instant to, Spans out) {
    Spans windows = windows(from, to);
    for (int i = 0; i < windows.size; i++) {
      Instant start = windows.starts[i];
      Instant end = windows.ends[i];
      long k = shiftIndex(start);
      Instant shiftStart = boundary(k);
      while (shiftStart.isBefore(end)) {
        Instant shiftEnd = boundary(k + 1);
        out.add(max(shiftStart, start), min(shiftEnd, end), duties.get((int) Math.floorMod(k, (long) duties.size())));
        shiftStart = shiftEnd;
        k++;
      }
    }
  }

  /** When this layer has someone on duty within {@code [from, to)}: sorted, disjoint, merged spans. */
  Spans windows(Instant from, Instant to) {
    Instant lo = activeStart != null ? max(from, activeStart) : from;
    Instant hi = activeEnd != null ? min(to, activeEnd) : to;
    Spans out = new Spans();
    if (!lo.isBefore(hi)) {
      return out;
    }
    if (windows.isEmpty()) {
      out.add(lo, hi, null);
      return out;
    }
    List<Instant[]> raw = new ArrayList<>();
    // A restriction window lasts at most a week, so one starting 8 days before lo cannot reach it.
    LocalDate first = LocalDateTime.ofInstant(lo, zone).toLocalDate().minusDays(8);
    LocalDate last = LocalDateTime.ofInstant(hi, zone).toLocalDate();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      DayOfWeek dow = day.getDayOfWeek();
      LocalDateTime midnight = day.atStartOfDay();
      for (Window w : windows) {
        if (w.days[dow.ordinal()]) {
          Instant start = WallTimes.resolve(midnight.plusMinutes(w.startMinute), zone);
          Instant end = WallTimes.resolve(midnight.plusMinutes(w.startMinute + (long) w.minutes), zone);
          if (end.isAfter(lo) && start.isBefore(hi)) {
            raw.add(new Instant[] {max(start, lo), min(end, hi)});
          }
        }
      }
    }
    raw.sort(Comparator.comparing(span -> span[0]));
    Instant start = null;
    Instant end = null;
    for (Instant[] span : raw) {
      if (start != null && !span[0].isAfter(end)) {
        end = max(end, span[1]);
      } else {
        if (start != null) {
          out.add(start, end, null);
        }
        start = span[0];
        end = span[1];
      }
    }
    if (start != null) {
      out.add(start, end, null);
    }
    return out;
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
