package io.github.alertrouter.oncall;

import static io.github.alertrouter.oncall.Schedules.at;
import static io.github.alertrouter.oncall.Schedules.daily;
import static io.github.alertrouter.oncall.Schedules.layer;
import static io.github.alertrouter.oncall.Schedules.override;
import static io.github.alertrouter.oncall.Schedules.schedule;
import static io.github.alertrouter.oncall.Schedules.weekly;
import static io.github.alertrouter.oncall.Schedules.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.Schedule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who is on duty: one row per rule, a schedule, a wall-clock time in its zone (or an instant with
 * an offset) and the answer ({@code contact@source}, {@code -} for nobody). 2026-01-05 is a Monday.
 */
class OnCallTableTest {
  private static final String SH = "Asia/Shanghai";

  @ParameterizedTest(name = "{0}")
  @MethodSource({"rotationRows", "restrictionRows", "startEndRows", "precedenceRows", "overrideRows"})
  void onCall(String name, Schedule schedule, String time, String expected) {
    OnCallSchedule oncall = OnCallSchedule.of(schedule);

    assertThat(who(oncall.onCall(at(time, schedule.timeZone())))).isEqualTo(expected);
  }

  private static Arguments row(String name, Schedule schedule, String time, String expected) {
    return arguments(name, schedule, time, expected);
  }

  static Stream<Arguments> rotationRows() {
    Schedule daily = schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "alice", "bob", "carol"));
    Schedule weekly = schedule(SH, layer("w", "WEEKLY", "2026-01-07T10:00", "alice", "bob"));
    Schedule custom = schedule(SH, layer("c", "12h", "2026-01-05T09:00", "alice", "bob", "carol"));
    Schedule odd = schedule(SH, layer("c", "90m", "2026-01-05T00:00", "alice", "bob"));
    return Stream.of(
        row("daily: first member at the handoff", daily, "2026-01-05T09:00", "alice@layer:d"),
        row("daily: still the first member just before the next handoff", daily, "2026-01-06T08:59", "alice@layer:d"),
        row("daily: second member at the next handoff", daily, "2026-01-06T09:00", "bob@layer:d"),
        row("daily: third member", daily, "2026-01-07T12:00", "carol@layer:d"),
        row("daily: back to the first after all members", daily, "2026-01-08T09:00", "alice@layer:d"),
        row("daily: far after the handoff keeps the phase", daily, "2026-04-14T09:00", "alice@layer:d"),
        row("daily: before the handoff, same phase backwards", daily, "2026-01-05T08:59", "carol@layer:d"),
        row("daily: two days before the handoff", daily, "2026-01-03T10:00", "bob@layer:d"),
        row("daily: a year before the handoff", daily, "2025-01-05T10:00", "bob@layer:d"),
        row("weekly: first member from the handoff weekday and time", weekly, "2026-01-07T10:00", "alice@layer:w"),
        row("weekly: first member until the same time a week on", weekly, "2026-01-14T09:59", "alice@layer:w"),
        row("weekly: second member the week after", weekly, "2026-01-14T10:00", "bob@layer:w"),
        row("weekly: anchor after the query sets the phase", weekly, "2026-01-05T00:00", "bob@layer:w"),
        row("custom 12h: first member", custom, "2026-01-05T20:59", "alice@layer:c"),
        row("custom 12h: second member at 21:00", custom, "2026-01-05T21:00", "bob@layer:c"),
        row("custom 12h: third member at 09:00 next day", custom, "2026-01-06T09:00", "carol@layer:c"),
        row("custom 12h: before the anchor", custom, "2026-01-05T08:00", "carol@layer:c"),
        row("custom 90m: fourth shift", odd, "2026-01-05T04:30", "bob@layer:c"),
        row("custom 90m: before the anchor", odd, "2026-01-04T23:00", "bob@layer:c"),
        row("member order as written, repeats allowed",
            schedule(SH, layer("d", "DAILY", "2026-01-05T09:00", "bob", "alice", "bob")), "2026-01-07T09:00",
            "bob@layer:d"),
        row("unnamed layers are named by 1-based position",
            schedule(SH, layer("base", "DAILY", "2026-01-05T09:00", "alice"),
                layer(null, "DAILY", "2026-01-05T09:00", "bob")), "2026-01-05T12:00", "bob@layer:2"));
  }

  static Stream<Arguments> restrictionRows() {
    Schedule office = schedule(SH, layer("day", "DAILY", "2026-01-05T09:00",
        List.of(daily("MON,TUE,WED,THU,FRI 09:00-18:00")), "alice", "bob"));
    Schedule night = schedule(SH, layer("night", "DAILY", "2026-01-05T09:00",
        List.of(daily("MON 22:00-06:00")), "alice", "bob"));
    Schedule weekend = schedule(SH, layer("wknd", "WEEKLY", "2026-01-02T18:00",
        List.of(weekly("FRI 18:00 - MON 09:00")), "alice", "bob"));
    Schedule several = schedule(SH, layer("split", "DAILY", "2026-01-05T00:00",
        List.of(daily("MON 08:00-10:00"), daily("MON 16:00-18:00"), weekly("SAT 12:00 - SAT 13:00")), "alice", "bob"));
    Schedule week = schedule(SH, layer("all", "DAILY", "2026-01-05T00:00",
        List.of(weekly("WED 10:00 - WED 10:00")), "alice"));
    return Stream.of(
        row("daily: inside", office, "2026-01-06T12:00", "bob@layer:day"),
        row("daily: from is inclusive", office, "2026-01-05T09:00", "alice@layer:day"),
        row("daily: to is exclusive", office, "2026-01-05T18:00", "-"),
        row("daily: not on a listed day", office, "2026-01-10T12:00", "-"),
        row("daily: rotation runs on by the clock outside", office, "2026-01-07T09:00", "alice@layer:day"),
        row("across midnight: evening of the listed day", night, "2026-01-05T23:00", "alice@layer:night"),
        row("across midnight: the morning after, still that shift", night, "2026-01-06T05:59", "alice@layer:night"),
        row("across midnight: ends at to", night, "2026-01-06T06:00", "-"),
        row("across midnight: not the morning of the listed day", night, "2026-01-05T05:00", "-"),
        row("weekly: Friday evening", weekend, "2026-01-09T18:00", "bob@layer:wknd"),
        row("weekly: Sunday", weekend, "2026-01-11T12:00", "bob@layer:wknd"),
        row("weekly: Monday morning before the end", weekend, "2026-01-12T08:59", "bob@layer:wknd"),
        row("weekly: Monday at the end", weekend, "2026-01-12T09:00", "-"),
        row("weekly: Wednesday", weekend, "2026-01-07T12:00", "-"),
        row("weekly: Friday before the start", weekend, "2026-01-09T17:59", "-"),
        row("several: first window", several, "2026-01-05T09:00", "alice@layer:split"),
        row("several: between windows", several, "2026-01-05T12:00", "-"),
        row("several: second window", several, "2026-01-05T17:00", "alice@layer:split"),
        row("several: weekly window among daily ones", several, "2026-01-10T12:30", "bob@layer:split"),
        row("weekly from a day and time to the same: the whole week", week, "2026-01-06T03:00", "alice@layer:all"));
  }

  static Stream<Arguments> startEndRows() {
    Schedule bounded = schedule(SH, layer("b", "DAILY", "2026-01-01T09:00", "2026-01-05T12:00", "2026-01-10T00:00",
        List.of(), "alice", "bob"));
    return Stream.of(
        row("before start: nobody", bounded, "2026-01-05T11:59", "-"),
        row("at start: the member whose shift it is (phase from the earlier handoff)", bounded, "2026-01-05T12:00",
            "alice@layer:b"),
        row("inside", bounded, "2026-01-06T12:00", "bob@layer:b"),
        row("end is exclusive", bounded, "2026-01-10T00:00", "-"),
        row("after end", bounded, "2026-02-01T00:00", "-"));
  }

  static Stream<Arguments> precedenceRows() {
    Schedule layered = schedule(SH,
        layer("base", "WEEKLY", "2026-01-05T09:00", "alice", "bob"),
        layer("day", "DAILY", "2026-01-05T09:00", List.of(daily("MON,TUE,WED,THU,FRI 09:00-18:00")), "carol", "dave"),
        layer("lunch", "DAILY", "2026-01-05T00:00", List.of(daily("WED 12:00-13:00")), "erin"));
    return Stream.of(
        row("a later layer wins where it is on duty", layered, "2026-01-05T10:00", "carol@layer:day"),
        row("an earlier layer where the later has nobody", layered, "2026-01-05T19:00", "alice@layer:base"),
        row("the earlier layer on the weekend", layered, "2026-01-10T10:00", "alice@layer:base"),
        row("the last layer over both", layered, "2026-01-07T12:30", "erin@layer:lunch"),
        row("the middle layer around the last one", layered, "2026-01-07T13:00", "carol@layer:day"),
        row("nobody in any layer",
            schedule(SH, layer("a", "DAILY", "2026-01-05T00:00", List.of(daily("MON 09:00-10:00")), "alice"),
                layer("b", "DAILY", "2026-01-05T00:00", List.of(daily("TUE 09:00-10:00")), "bob")),
            "2026-01-05T11:00", "-"));
  }

  static Stream<Arguments> overrideRows() {
    Schedule overridden = schedule(SH, List.of(
            override("zoe", "2026-01-05T12:00", "2026-01-06T12:00"),
            override("yann", "2026-01-06T00:00", "2026-01-06T06:00"),
            override("xia", "2026-01-10T00:00", "2026-01-11T00:00")),
        layer("base", "DAILY", "2026-01-05T09:00", "alice", "bob"),
        layer("day", "DAILY", "2026-01-05T09:00", List.of(daily("MON,TUE,WED,THU,FRI 09:00-18:00")), "carol"));
    return Stream.of(
        row("an override beats the last layer", overridden, "2026-01-05T13:00", "zoe@override"),
        row("an override beats the first layer", overridden, "2026-01-05T23:00", "zoe@override"),
        row("from is inclusive", overridden, "2026-01-05T12:00", "zoe@override"),
        row("to is exclusive", overridden, "2026-01-06T12:00", "carol@layer:day"),
        row("overlapping: the later override wins", overridden, "2026-01-06T03:00", "yann@override"),
        row("overlapping: the earlier one again after the later ends", overridden, "2026-01-06T06:00", "zoe@override"),
        row("overlapping: the later wins whichever starts first",
            schedule(SH, List.of(override("zoe", "2026-01-06T00:00", "2026-01-06T06:00"),
                    override("yann", "2026-01-05T00:00", "2026-01-07T00:00")),
                layer("base", "DAILY", "2026-01-05T09:00", "alice")),
            "2026-01-06T03:00", "yann@override"),
        row("an override where no layer is on duty", overridden, "2026-01-10T10:00", "xia@override"),
        row("before any override: layers", overridden, "2026-01-05T11:00", "carol@layer:day"));
  }
}
