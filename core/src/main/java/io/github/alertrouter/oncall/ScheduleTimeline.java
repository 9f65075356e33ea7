package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.config.ScheduleOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The final schedule of a {@link Schedule}: layers painted lowest first, each covering the earlier
 * ones only where it has someone on duty, overrides painted over all of them (a later override over
 * an earlier one). Time is cut into week-long pages aligned to the epoch; a page is computed on
 * first use from the compiled layers and kept in a small direct-mapped cache, so {@link #at} is a
 * cache lookup and a binary search. Immutable apart from that cache; thread-safe (pages are
 * immutable and published through an {@link AtomicReferenceArray}; two threads may compute the
 * same page, and either result is kept).
 */
final class ScheduleTimeline {
  private static final long PAGE_SECONDS = Duration.ofDays(7).toSeconds();
  /** 64 weeks: a year of consecutive pages stays cached. */
  private static final int CACHE_SLOTS = 64;
  private static final Duration LOOKAHEAD = Duration.ofDays(400);

  private final List<LayerPlan> layers;
  private final Spans overrides;
  private final AtomicReferenceArray<TimelinePage> cache = new AtomicReferenceArray<>(CACHE_SLOTS);

  public ScheduleTimeline(Schedule schedule) {
    List<LayerPlan> plans = new ArrayList<>();
    for (int i = 0; i < schedule.layers().size(); i++) {
      plans.add(new LayerPlan(schedule.layers().get(i), i, schedule.timeZone()));
    }
    this.layers = List.copyOf(plans);
    this.overrides = overrides(schedule);
  }

  /**
   * The overrides as sorted, disjoint spans: painted last to first, each keeping only the time no
   * later override has taken, so where overrides overlap the later one in the list wins.
   */
  private static Spans overrides(Schedule schedule) {
    Map<String, List<OnDuty>> duties = new HashMap<>();
    List<Instant[]> taken = new ArrayList<>(); // sorted, disjoint
    List<Object[]> pieces = new ArrayList<>();
    List<ScheduleOverride> list = schedule.overrides();
    for (int i = list.size() - 1; i >= 0; i--) {
      ScheduleOverride o = list.get(i);
      List<OnDuty> duty = duties.computeIfAbsent(o.contact(), c -> List.of(new OnDuty(c, "override")));
      Instant from = WallTimes.resolve(o.from(), schedule.timeZone());
      Instant to = WallTimes.resolve(o.to(), schedule.timeZone());
      Instant cursor = from;
      for (Instant[] t : taken) {
        if (!t[1].isAfter(cursor)) {
          continue;
        }
        if (!t[0].isBefore(to)) {
          break;
        }
        if (t[0].isAfter(cursor)) {
          pieces.add(new Object[] {cursor, t[0], duty});
        }
        cursor = LayerPlan.max(cursor, t[1]);
      }
      if (cursor.isBefore(to)) {
        pieces.add(new Object[] {cursor, to, duty});
      }
      if (from.isBefore(to)) {
        taken = union(taken, from, to);
      }
    }
    pieces.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
    Spans out = new Spans();
    for (Object[] p : pieces) {
      out.add((Instant) p[0], (Instant) p[1], p[2]);
    }
    return out;
  }

  private static List<Instant[]> union(List<Instant[]> spans, Instant from, Instant to) {
    List<Instant[]> out = new ArrayList<>();
    Instant start = from;
    Instant end = to;
    boolean placed = false;
    for (Instant[] s : spans) {
      if (s[1].isBefore(start)) {
        out.add(s);
      } else if (s[0].isAfter(end)) {
        if (!placed) {
          out.add(new Instant[] {start, end});
          placed = true;
        }
        out.add(s);
      } else {
        start = LayerPlan.min(start, s[0]);
        end = LayerPlan.max(end, s[1]);
      }
    }
    if (!placed) {
      out.add(new Instant[] {start, end});
    }
    return out;
  }

  /** Who is on duty at {@code at}: at most one entry in this model. */
  public List<OnDuty> at(Instant at) {
    TimelinePage page = page(pageIndex(at));
    return page.duties[page.segmentAt(at)];
  }

  /** The first instant after {@code after} where {@link #at} differs; null if none within 400 days. */
  public Instant nextChange(Instant after) {
    Instant limit = after.plus(LOOKAHEAD);
    TimelinePage page = page(pageIndex(after));
    int i = page.segmentAt(after);
    List<OnDuty> current = page.duties[i];
    while (true) {
      i++;
      if (i == page.size()) {
        if (page.end.isAfter(limit)) {
          return null;
        }
        page = page(page.index + 1);
        i = 0;
      }
      if (page.starts[i].isAfter(limit)) {
        return null;
      }
      if (!page.duties[i].equals(current)) {
        return page.starts[i];
      }
    }
  }

  /** The final schedule within {@code [from, to)}, merged; see {@code OnCallSchedule#render}. */
  public List<Shift> render(Instant from, Instant to) {
    List<Shift> out = new ArrayList<>();
    sweep(from, to, (start, end, duties) -> {
      if (!duties.isEmpty()) {
        OnDuty duty = duties.get(0);
        out.add(new Shift(start, end, duty.contactId(), duty.source()));
      }
    });
    return out;
  }

  /** The times within {@code [from, to)} with nobody on duty, merged. */
  public List<Gap> gaps(Instant from, Instant to) {
    List<Gap> out = new ArrayList<>();
    sweep(from, to, (start, end, duties) -> {
      if (duties.isEmpty()) {
        out.add(new Gap(start, end));
      }
    });
    return out;
  }

  private interface Segments {
    void accept(Instant start, Instant end, List<OnDuty> duties);
  }

  /** Each maximal run of one state within {@code [from, to)}, in time order. */
  private void sweep(Instant from, Instant to, Segments sink) {
    if (!from.isBefore(to)) {
      return;
    }
    Instant runStart = from;
    List<OnDuty> run = null;
    for (long p = pageIndex(from); ; p++) {
      TimelinePage page = page(p);
      int i = page.start.isBefore(from) ? page.segmentAt(from) : 0;
      for (; i < page.size() && page.starts[i].isBefore(to); i++) {
        List<OnDuty> duties = page.duties[i];
        if (run != null && !duties.equals(run)) {
          Instant start = LayerPlan.max(page.starts[i], from);
          sink.accept(runStart, start, run);
          runStart = start;
        }
        run = duties;
      }
      if (!page.end.isBefore(to)) {
        break;
      }
    }
    sink.accept(runStart, to, run);
  }

  private static long pageIndex(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PAGE_SECONDS);
  }

  private TimelinePage page(long index) {
    int slot = (int) Math.floorMod(index, (long) CACHE_SLOTS);
    TimelinePage page = cache.get(slot);
    if (page == null || page.index != index) {
      page = compute(index);
      cache.set(slot, page);
    }
    return page;
  }

  /** Paints the page's segments: for each elementary interval, the highest source on duty. */
  @SuppressWarnings("unchecked")
  private TimelinePage compute(long index) {
    Instant start = Instant.ofEpochSecond(index * PAGE_SECONDS);
    Instant end = Instant.ofEpochSecond((index + 1) * PAGE_SECONDS);
    // sources[0] is the overrides, then the layers from last (highest) to first
    Spans[] sources = new Spans[layers.size() + 1];
    int[] next = new int[sources.length];
    sources[0] = overrides;
    next[0] = overrides.firstEndingAfter(start);
    for (int l = 0; l < layers.size(); l++) {
      Spans spans = new Spans();
      layers.get(layers.size() - 1 - l).onDuty(start, end, spans);
      sources[l + 1] = spans;
    }
    List<Instant> cuts = new ArrayList<>();
    cuts.add(start);
    for (int s = 0; s < sources.length; s++) {
      Spans spans = sources[s];
      for (int i = next[s]; i < spans.size && spans.starts[i].isBefore(end); i++) {
        if (spans.starts[i].isAfter(start)) {
          cuts.add(spans.starts[i]);
        }
        if (spans.ends[i].isBefore(end)) {
          cuts.add(spans.ends[i]);
        }
      }
    }
    Instant[] sorted = cuts.toArray(new Instant[0]);
    Arrays.sort(sorted);
    List<Instant> starts = new ArrayList<>();
    List<List<OnDuty>> duties = new ArrayList<>();
    for (int c = 0; c < sorted.length; c++) {
      Instant at = sorted[c];
      if (c > 0 && sorted[c - 1].equals(at)) {
        continue;
      }
      List<OnDuty> state = List.of();
      for (int s = 0; s < sources.length; s++) {
        Spans spans = sources[s];
        while (next[s] < spans.size && !spans.ends[next[s]].isAfter(at)) {
          next[s]++;
        }
        if (next[s] < spans.size && !spans.starts[next[s]].isAfter(at)) {
          state = (List<OnDuty>) spans.states[next[s]];
          break;
        }
      }
      if (duties.isEmpty() || !duties.get(duties.size() - 1).equals(state)) {
        starts.add(at);
        duties.add(state);
      }
    }
    return new TimelinePage(index, start, end, starts.toArray(new Instant[0]), duties.toArray(new List[0]));
  }
}
