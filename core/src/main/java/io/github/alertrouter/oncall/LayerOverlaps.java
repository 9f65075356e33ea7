package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.config.ScheduleLayer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds layers of a schedule that can both be on duty at the same instant, for
 * {@link Schedule#disallowOverlap()}.
 *
 * <p>Whether a layer has someone on duty does not depend on its rotation (every shift has a
 * member), only on its {@code start}/{@code end} and restrictions. Restrictions repeat every week
 * in wall-clock time, and the WallClock rule maps wall-clock times to instants monotonically, so
 * two layers' on-duty times overlap in some week if and only if their wall-clock patterns do. The
 * check therefore looks at a bounded horizon: {@value #HORIZON_WEEKS} weeks from when both layers
 * have started (or, for layers without a start, from the day of the earlier handoff), cut at the
 * earlier end. Several weeks rather than one because an overlap that lies wholly inside a
 * spring-forward gap is no overlap in that week. Stateless and thread-safe.
 */
public final class LayerOverlaps {
  static final int HORIZON_WEEKS = 8;

  private LayerOverlaps() {}

  /**
   * The first overlap of layer {@code later} with layer {@code earlier}, described for a config
   * problem ({@code overlaps layer "day" (e.g. on 2026-01-05 09:00–18:00)}), or {@code null}.
   */
  public static String overlap(Schedule schedule, int later, int earlier) {
    ZoneId zone = schedule.timeZone();
    ScheduleLayer a = schedule.layers().get(earlier);
    ScheduleLayer b = schedule.layers().get(later);
    LocalDateTime from = latest(a.start(), b.start());
    if (from == null) {
      LocalDateTime handoff = a.handoff().isBefore(b.handoff()) ? a.handoff() : b.handoff();
      from = handoff.toLocalDate().atStartOfDay();
    }
    Instant start = WallTimes.resolve(from, zone);
    Instant end = start.plus(Duration.ofDays(7L * HORIZON_WEEKS));
    Spans x = new LayerPlan(a, earlier, zone).windows(start, end);
    Spans y = new LayerPlan(b, later, zone).windows(start, end);
    for (int i = 0, j = 0; i < x.size && j < y.size; ) {
      Instant lo = LayerPlan.max(x.starts[i], y.starts[j]);
      Instant hi = LayerPlan.min(x.ends[i], y.ends[j]);
      if (lo.isBefore(hi)) {
        return "overlaps " + name(a, earlier) + " (e.g. " + describe(lo, hi, zone) + ")";
      }
      if (x.ends[i].isAfter(y.ends[j])) {
        j++;
      } else {
        i++;
      }
    }
    return null;
  }

  /** Layer {@code later} overlaps layer {@code earlier} (indexes into the schedule's layers). */
  public record Overlap(int later, int earlier, String description) {}

  /** Each overlap of a layer with an earlier one, by later layer, then earlier layer. */
  public static List<Overlap> overlaps(Schedule schedule) {
    List<Overlap> out = new ArrayList<>();
    for (int later = 1; later < schedule.layers().size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        String overlap = overlap(schedule, later, earlier);
        if (overlap != null) {
          out.add(new Overlap(later, earlier, overlap));
        }
      }
    }
    return out;
  }

  private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isAfter(b) ? a : b;
  }

  private static String name(ScheduleLayer layer, int index) {
    return layer.name() == null || layer.name().isBlank()
        ? "layers[" + index + "]"
        : "layer \"" + layer.name() + "\"";
  }

  private static String describe(Instant from, Instant to, ZoneId zone) {
    LocalDateTime start = LocalDateTime.ofInstant(from, zone);
    LocalDateTime end = LocalDateTime.ofInstant(to, zone);
    if (end.toLocalDate().equals(start.toLocalDate())) {
      return "on " + start.toLocalDate() + " " + start.toLocalTime() + "–" + end.toLocalTime();
    }
    if (end.equals(start.toLocalDate().plusDays(1).atStartOfDay())) {
      return "on " + start.toLocalDate() + " " + start.toLocalTime() + "–24:00";
    }
    return "from " + start.toLocalDate() + " " + start.toLocalTime() + " to " + end.toLocalDate() + " "
        + end.toLocalTime();
  }
}
