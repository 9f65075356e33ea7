package io.github.alertrouter.oncall;

import static io.github.alertrouter.oncall.Schedules.at;
import static io.github.alertrouter.oncall.Schedules.daily;
import static io.github.alertrouter.oncall.Schedules.describe;
import static io.github.alertrouter.oncall.Schedules.layer;
import static io.github.alertrouter.oncall.Schedules.override;
import static io.github.alertrouter.oncall.Schedules.schedule;
import static io.github.alertrouter.oncall.Schedules.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code render}, {@code gaps} and {@code nextChange}, and that they agree with {@code onCall}. */
class FinalScheduleTest {
  private static final String SH = "Asia/Shanghai";
  private static final ZoneId SHANGHAI = ZoneId.of(SH);

  private static final Schedule OFFICE = schedule(SH, List.of(override("zoe", "2026-01-07T12:00", "2026-01-07T14:00")),
      layer("day", "DAILY", "2026-01-05T09:00", List.of(daily("MON,TUE,WED,THU,FRI 09:00-18:00")), "alice", "bob"));

  /** A realistic mix, in a zone with DST, for the consistency checks. */
  private static final Schedule MIX = schedule("America/Chicago",
      List.of(override("zoe", "2024-03-09T12:00", "2024-03-10T12:00"), override("yann", "2024-03-10T00:00", "2024-03-10T03:00"),
          override("alice", "2024-03-20T09:00", "2024-03-21T09:00")),
      layer("base", "WEEKLY", "2024-01-01T09:00", "alice", "bob", "carol"),
      layer("day", "DAILY", "2024-01-01T09:00", List.of(daily("MON,TUE,WED,THU,FRI 09:00-18:00")), "dave", "erin"),
      layer("weekend", "12h", "2024-01-05T18:00", List.of(weekly("FRI 18:00 - MON 09:00")), "frank", "gina"),
      layer(null, "DAILY", "2024-01-01T00:00", "2024-03-08T00:00", "2024-03-15T00:00",
          List.of(daily("SUN,MON 01:00-03:00")), "hugo"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderRows")
  void render(String name, Schedule schedule, String from, String to, List<String> expected) {
    ZoneId zone = schedule.timeZone();
    assertThat(OnCallSchedule.of(schedule).render(at(from, zone), at(to, zone)))
        .map(s -> describe(s, zone)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> renderRows() {
    return Stream.of(
        arguments("one member: consecutive shifts merge into one entry",
            schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "alice")), "2026-01-05T00:00", "2026-01-26T00:00",
            List.of("alice@layer:d 2026-01-05T00:00–2026-01-26T00:00 (504h)")),
        arguments("clipped to the range at both ends",
            schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "alice", "bob")), "2026-01-05T12:00", "2026-01-06T10:00",
            List.of("alice@layer:d 2026-01-05T12:00–2026-01-06T09:00 (21h)", "bob@layer:d 2026-01-06T09:00–2026-01-06T10:00 (1h)")),
        arguments("the same contact from another source is another entry",
            schedule(SH, List.of(override("alice", "2026-01-05T12:00", "2026-01-05T13:00")),
                layer("d", "DAILY", "2026-01-05T09:00", "alice")), "2026-01-05T10:00", "2026-01-05T14:00",
            List.of("alice@layer:d 2026-01-05T10:00–2026-01-05T12:00 (2h)", "alice@override 2026-01-05T12:00–2026-01-05T13:00 (1h)",
                "alice@layer:d 2026-01-05T13:00–2026-01-05T14:00 (1h)")),
        arguments("gaps are left out; an override splits a shift", OFFICE, "2026-01-06T00:00", "2026-01-08T00:00",
            List.of("bob@layer:day 2026-01-06T09:00–2026-01-06T18:00 (9h)",
                "alice@layer:day 2026-01-07T09:00–2026-01-07T12:00 (3h)", "zoe@override 2026-01-07T12:00–2026-01-07T14:00 (2h)",
                "alice@layer:day 2026-01-07T14:00–2026-01-07T18:00 (4h)")),
        arguments("an empty range", OFFICE, "2026-01-06T10:00", "2026-01-06T10:00", List.of()),
        arguments("a reversed range", OFFICE, "2026-01-07T10:00", "2026-01-06T10:00", List.of()));
  }

  @Test
  void gapsAreClippedAndMerged() {
    OnCallSchedule oncall = OnCallSchedule.of(OFFICE);

    assertThat(oncall.gaps(at("2026-01-09T12:00", SHANGHAI), at("2026-01-13T12:00", SHANGHAI))).containsExactly(
        new Gap(at("2026-01-09T18:00", SHANGHAI), at("2026-01-12T09:00", SHANGHAI)),
        new Gap(at("2026-01-12T18:00", SHANGHAI), at("2026-01-13T09:00", SHANGHAI)));
    assertThat(oncall.gaps(at("2026-01-10T00:00", SHANGHAI), at("2026-01-11T00:00", SHANGHAI)))
        .containsExactly(new Gap(at("2026-01-10T00:00", SHANGHAI), at("2026-01-11T00:00", SHANGHAI)));
    assertThat(oncall.gaps(at("2026-01-12T10:00", SHANGHAI), at("2026-01-12T11:00", SHANGHAI))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextChangeRows")
  void nextChange(String name, Schedule schedule, String after, String expected) {
    ZoneId zone = schedule.timeZone();
    Instant next = OnCallSchedule.of(schedule).nextChange(at(after, zone));

    assertThat(next == null ? null : LocalDateTime.ofInstant(next, zone).toString()).isEqualTo(expected);
  }

  static Stream<Arguments> nextChangeRows() {
    Schedule rotating = schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "alice", "bob"));
    Schedule alone = schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "alice"));
    return Stream.of(
        arguments("the next handoff", rotating, "2026-01-05T10:00", "2026-01-06T09:00"),
        arguments("strictly after: at a handoff, the following one", rotating, "2026-01-06T09:00", "2026-01-07T09:00"),
        arguments("the end of the restriction", OFFICE, "2026-01-06T10:00", "2026-01-06T18:00"),
        arguments("from a gap, the start of the next window", OFFICE, "2026-01-09T19:00", "2026-01-12T09:00"),
        arguments("a change of source only (override of the same contact)",
            schedule(SH, List.of(override("alice", "2026-02-01T00:00", "2026-02-02T00:00")),
                layer("d", "DAILY", "2026-01-05T09:00", "alice")), "2026-01-05T10:00", "2026-02-01T00:00"),
        arguments("one member, no restrictions: never", alone, "2026-01-05T10:00", null),
        arguments("a layer starting within 400 days",
            schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "2027-01-01T00:00", null, List.of(), "alice")),
            "2026-01-05T10:00", "2027-01-01T00:00"),
        arguments("a layer starting after 400 days: null",
            schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "2027-03-01T00:00", null, List.of(), "alice")),
            "2026-01-05T10:00", null));
  }

  /** Every entry of {@code render} is what {@code onCall} says at its ends, and ends at {@code nextChange}. */
  @Test
  void renderGapsOnCallAndNextChangeAgree() {
    ZoneId zone = MIX.timeZone();
    OnCallSchedule oncall = OnCallSchedule.of(MIX);
    Instant from = at("2024-02-25T00:00", zone);
    Instant to = at("2024-04-01T00:00", zone);
    List<Shift> shifts = oncall.render(from, to);
    List<Gap> gaps = oncall.gaps(from, to);

    List<Instant[]> covered = new ArrayList<>();
    for (Shift s : shifts) {
      OnDuty duty = new OnDuty(s.contactId(), s.source());
      assertThat(oncall.onCall(s.start())).as("at %s", s.start()).containsExactly(duty);
      assertThat(oncall.onCall(s.end().minusNanos(1))).as("before %s", s.end()).containsExactly(duty);
      if (s.end().isBefore(to)) {
        assertThat(oncall.nextChange(s.start())).isEqualTo(s.end());
        assertThat(oncall.onCall(s.end())).doesNotContain(duty);
      }
      covered.add(new Instant[] {s.start(), s.end()});
    }
    for (Gap g : gaps) {
      assertThat(oncall.onCall(g.start())).isEmpty();
      assertThat(oncall.onCall(g.end().minusNanos(1))).isEmpty();
      covered.add(new Instant[] {g.start(), g.end()});
    }
    covered.sort((a, b) -> a[0].compareTo(b[0]));
    Instant cursor = from;
    for (Instant[] span : covered) {
      assertThat(span[0]).isEqualTo(cursor);
      cursor = span[1];
    }
    assertThat(cursor).isEqualTo(to);
    assertThat(shifts).extracting(Shift::source)
        .contains("layer:base", "layer:day", "layer:weekend", "layer:4", "override");
  }

  @Test
  void renderingInPiecesGivesTheSameScheduleAsAtOnce() {
    ZoneId zone = MIX.timeZone();
    Instant from = at("2024-03-01T00:00", zone);
    Instant to = at("2024-03-29T00:00", zone);
    List<Shift> whole = OnCallSchedule.of(MIX).render(from, to);
    OnCallSchedule fresh = OnCallSchedule.of(MIX);
    List<Shift> pieces = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(7))) {
      Instant end = t.plus(Duration.ofHours(7)).isBefore(to) ? t.plus(Duration.ofHours(7)) : to;
      for (Shift s : fresh.render(t, end)) {
        Shift last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
        if (last != null && last.end().equals(s.start()) && last.contactId().equals(s.contactId())
            && last.source().equals(s.source())) {
          pieces.set(pieces.size() - 1, new Shift(last.start(), s.end(), s.contactId(), s.source()));
        } else {
          pieces.add(s);
        }
      }
    }
    assertThat(pieces).isEqualTo(whole);
  }

  @Test
  void concurrentQueriesSeeTheSameAnswers() throws Exception {
    OnCallSchedule shared = OnCallSchedule.of(MIX);
    OnCallSchedule reference = OnCallSchedule.of(MIX);
    Instant base = at("2024-01-01T00:00", MIX.timeZone());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        futures.add(pool.submit(() -> {
          // strides of 61 weeks plus a bit make the threads fight over the page cache's slots
          for (int i = 0; i < 2_000; i++) {
            Instant t = base.plus(Duration.ofMinutes(37L * i + offset * 61L * 7 * 24 * 60));
            assertThat(shared.onCall(t)).isEqualTo(reference.onCall(t));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
