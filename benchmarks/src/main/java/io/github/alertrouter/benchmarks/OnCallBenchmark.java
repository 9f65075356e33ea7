package io.github.alertrouter.benchmarks;

import io.github.alertrouter.config.Rotation;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.config.ScheduleLayer;
import io.github.alertrouter.config.ScheduleOverride;
import io.github.alertrouter.config.TimeRestriction;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link OnCallSchedule#onCall} on a schedule with 5 layers (weekly, daily office hours, a weekly
 * FRI→MON weekend restriction with 12h shifts, a follow-the-sun night layer, a bounded project
 * layer) and 100 overrides, in Europe/London (so DST applies). Query instants are precomputed
 * (1024, cycled):
 *
 * <ul>
 *   <li>{@code onCallNearNow}: instants within four weeks, what the engine asks ("who is on call
 *       now?") as time goes by;
 *   <li>{@code onCallAcrossAYear}: instants spread at random over a year, so every query lands on
 *       another cached week;
 *   <li>{@code compileAndFirstQuery}: {@link OnCallSchedule#of} and one query, i.e. the cost of
 *       compiling the schedule and computing its first week.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OnCallBenchmark {
  private static final int QUERIES = 1024;
  private static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 0, 0);

  private Schedule schedule;
  private OnCallSchedule oncall;
  private Instant[] nearNow;
  private Instant[] acrossAYear;
  private int next;

  @Setup
  public void setUp() {
    schedule = schedule();
    oncall = OnCallSchedule.of(schedule);
    Random random = new Random(20260105L);
    Instant base = START.atZone(schedule.timeZone()).toInstant();
    nearNow = new Instant[QUERIES];
    acrossAYear = new Instant[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      nearNow[i] = base.plus(Duration.ofMinutes(39L * i)); // ~4 weeks
      acrossAYear[i] = base.plusSeconds((long) (random.nextDouble() * Duration.ofDays(365).toSeconds()));
    }
  }

  static Schedule schedule() {
    List<String> people = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hugo", "ines", "jon");
    EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    List<ScheduleLayer> layers = List.of(
        new ScheduleLayer("base", people.subList(0, 4), Rotation.WEEKLY, null, START.plusHours(9), List.of()),
        new ScheduleLayer("office", people.subList(4, 7), Rotation.DAILY, null, START.plusHours(9),
            List.of(TimeRestriction.daily(weekdays, TimeOfDay.parse("09:00"), TimeOfDay.parse("18:00")))),
        new ScheduleLayer("weekend", people.subList(7, 10), Rotation.CUSTOM, Duration.ofHours(12),
            START.minusDays(3).plusHours(18), null, null,
            List.of(TimeRestriction.weekly(DayOfWeek.FRIDAY, TimeOfDay.parse("18:00"), DayOfWeek.MONDAY,
                TimeOfDay.parse("09:00")))),
        new ScheduleLayer("night", people.subList(2, 6), Rotation.DAILY, null, START.plusHours(22),
            List.of(TimeRestriction.daily(weekdays, TimeOfDay.parse("22:00"), TimeOfDay.parse("06:00")))),
        new ScheduleLayer("project", people.subList(5, 8), Rotation.WEEKLY, null, START,
            START.plusDays(30), START.plusDays(120),
            List.of(TimeRestriction.daily(EnumSet.of(DayOfWeek.WEDNESDAY), TimeOfDay.parse("12:00"),
                TimeOfDay.parse("14:00")))));
    List<ScheduleOverride> overrides = new ArrayList<>();
    Random random = new Random(7L);
    for (int i = 0; i < 100; i++) {
      LocalDateTime from = START.plusHours(random.nextInt(365 * 24));
      overrides.add(new ScheduleOverride(people.get(random.nextInt(people.size())), from,
          from.plusHours(1 + random.nextInt(48))));
    }
    return new Schedule("bench", "Benchmark", ZoneId.of("Europe/London"), null, layers, overrides, false);
  }

  @Benchmark
  public List<OnDuty> onCallNearNow() {
    return oncall.onCall(nearNow[next++ & (QUERIES - 1)]);
  }

  @Benchmark
  public List<OnDuty> onCallAcrossAYear() {
    return oncall.onCall(acrossAYear[next++ & (QUERIES - 1)]);
  }

  @Benchmark
  public List<OnDuty> compileAndFirstQuery() {
    return OnCallSchedule.of(schedule).onCall(nearNow[next++ & (QUERIES - 1)]);
  }
}
