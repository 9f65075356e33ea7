package io.github.alertrouter.oncall;

import static io.github.alertrouter.oncall.Schedules.at;
import static io.github.alertrouter.oncall.Schedules.daily;
import static io.github.alertrouter.oncall.Schedules.describe;
import static io.github.alertrouter.oncall.Schedules.layer;
import static io.github.alertrouter.oncall.Schedules.override;
import static io.github.alertrouter.oncall.Schedules.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.Schedule;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The final schedule across DST transitions, as wall-clock shifts with their real lengths. DAILY
 * and WEEKLY hand off at the same wall-clock time (23 h / 25 h shifts); a handoff in a
 * spring-forward gap moves to the gap's end; one in a fall-back overlap takes the earlier offset;
 * CUSTOM shifts are real time.
 */
class DstGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource({"dailyRows", "gapAndOverlapRows", "otherRows"})
  void render(String name, Schedule schedule, String from, String to, List<String> expected) {
    ZoneId zone = schedule.timeZone();
    List<Shift> shifts = OnCallSchedule.of(schedule).render(at(from, zone), at(to, zone));

    assertThat(shifts).map(s -> describe(s, zone)).containsExactlyElementsOf(expected);
  }

  private static Arguments row(String name, Schedule schedule, String from, String to, String... expected) {
    return arguments(name, schedule, from, to, List.of(expected));
  }

  private static Arguments dailyFrom(String name, String zone, String handoff, String... expected) {
    Schedule s = schedule(zone, layer("d", "DAILY", handoff, "a", "b"));
    return row(name, s, handoff, LocalDateTime.parse(handoff).plusDays(2).toString(), expected);
  }

  static Stream<Arguments> dailyRows() {
    return Stream.of(
        dailyFrom("Europe/London 2023-10-29 fall back: 25h", "Europe/London", "2023-10-28T09:00",
            "a@layer:d 2023-10-28T09:00–2023-10-29T09:00 (25h)",
            "b@layer:d 2023-10-29T09:00–2023-10-30T09:00 (24h)"),
        dailyFrom("Europe/London 2024-03-31 spring forward: 23h", "Europe/London", "2024-03-30T09:00",
            "a@layer:d 2024-03-30T09:00–2024-03-31T09:00 (23h)",
            "b@layer:d 2024-03-31T09:00–2024-04-01T09:00 (24h)"),
        dailyFrom("America/Chicago 2024-03-10 spring forward: 23h", "America/Chicago", "2024-03-09T09:00",
            "a@layer:d 2024-03-09T09:00–2024-03-10T09:00 (23h)",
            "b@layer:d 2024-03-10T09:00–2024-03-11T09:00 (24h)"),
        dailyFrom("America/Chicago 2024-11-03 fall back: 25h", "America/Chicago", "2024-11-02T09:00",
            "a@layer:d 2024-11-02T09:00–2024-11-03T09:00 (25h)",
            "b@layer:d 2024-11-03T09:00–2024-11-04T09:00 (24h)"),
        dailyFrom("Australia/Sydney 2024-04-07 fall back: 25h", "Australia/Sydney", "2024-04-06T09:00",
            "a@layer:d 2024-04-06T09:00–2024-04-07T09:00 (25h)",
            "b@layer:d 2024-04-07T09:00–2024-04-08T09:00 (24h)"),
        dailyFrom("Australia/Sydney 2024-10-06 spring forward: 23h", "Australia/Sydney", "2024-10-05T09:00",
            "a@layer:d 2024-10-05T09:00–2024-10-06T09:00 (23h)",
            "b@layer:d 2024-10-06T09:00–2024-10-07T09:00 (24h)"),
        dailyFrom("Asia/Shanghai has no DST: 24h", "Asia/Shanghai", "2024-03-09T09:00",
            "a@layer:d 2024-03-09T09:00–2024-03-10T09:00 (24h)",
            "b@layer:d 2024-03-10T09:00–2024-03-11T09:00 (24h)"));
  }

  static Stream<Arguments> gapAndOverlapRows() {
    return Stream.of(
        dailyFrom("Chicago 02:30 handoff on the gap day moves to 03:00", "America/Chicago", "2024-03-09T02:30",
            "a@layer:d 2024-03-09T02:30–2024-03-10T03:00 (23h30m)",
            "b@layer:d 2024-03-10T03:00–2024-03-11T02:30 (23h30m)"),
        dailyFrom("London 01:30 handoff on the gap day moves to 02:00", "Europe/London", "2024-03-30T01:30",
            "a@layer:d 2024-03-30T01:30–2024-03-31T02:00 (23h30m)",
            "b@layer:d 2024-03-31T02:00–2024-04-01T01:30 (23h30m)"),
        dailyFrom("Sydney 02:30 handoff on the gap day moves to 03:00", "Australia/Sydney", "2024-10-05T02:30",
            "a@layer:d 2024-10-05T02:30–2024-10-06T03:00 (23h30m)",
            "b@layer:d 2024-10-06T03:00–2024-10-07T02:30 (23h30m)"),
        dailyFrom("Chicago 01:30 handoff on the overlap day takes the first 01:30", "America/Chicago", "2024-11-02T01:30",
            "a@layer:d 2024-11-02T01:30–2024-11-03T01:30 (24h)",
            "b@layer:d 2024-11-03T01:30–2024-11-04T01:30 (25h)"),
        dailyFrom("London 01:30 handoff on the overlap day takes the first 01:30", "Europe/London", "2023-10-28T01:30",
            "a@layer:d 2023-10-28T01:30–2023-10-29T01:30 (24h)",
            "b@layer:d 2023-10-29T01:30–2023-10-30T01:30 (25h)"),
        dailyFrom("Sydney 02:30 handoff on the overlap day takes the first 02:30", "Australia/Sydney", "2024-04-06T02:30",
            "a@layer:d 2024-04-06T02:30–2024-04-07T02:30 (24h)",
            "b@layer:d 2024-04-07T02:30–2024-04-08T02:30 (25h)"),
        dailyFrom("Shanghai 02:30 handoff: nothing special", "Asia/Shanghai", "2024-03-09T02:30",
            "a@layer:d 2024-03-09T02:30–2024-03-10T02:30 (24h)",
            "b@layer:d 2024-03-10T02:30–2024-03-11T02:30 (24h)"));
  }

  static Stream<Arguments> otherRows() {
    String chicago = "America/Chicago";
    return Stream.of(
        row("WEEKLY keeps Monday 09:00: 167h across spring forward",
            schedule(chicago, layer("w", "WEEKLY", "2024-03-04T09:00", "a", "b")),
            "2024-03-04T09:00", "2024-03-18T09:00",
            "a@layer:w 2024-03-04T09:00–2024-03-11T09:00 (167h)",
            "b@layer:w 2024-03-11T09:00–2024-03-18T09:00 (168h)"),
        row("WEEKLY keeps Monday 09:00: 169h across fall back",
            schedule(chicago, layer("w", "WEEKLY", "2024-10-28T09:00", "a", "b")),
            "2024-10-28T09:00", "2024-11-11T09:00",
            "a@layer:w 2024-10-28T09:00–2024-11-04T09:00 (169h)",
            "b@layer:w 2024-11-04T09:00–2024-11-11T09:00 (168h)"),
        row("CUSTOM 12h is real time: 09:00/21:00 becomes 10:00/22:00",
            schedule(chicago, layer("c", "12h", "2024-03-09T09:00", "a", "b")),
            "2024-03-09T09:00", "2024-03-10T22:00",
            "a@layer:c 2024-03-09T09:00–2024-03-09T21:00 (12h)",
            "b@layer:c 2024-03-09T21:00–2024-03-10T10:00 (12h)",
            "a@layer:c 2024-03-10T10:00–2024-03-10T22:00 (12h)"),
        row("restriction 01:00–03:00 on the gap day lasts 1h",
            schedule(chicago, layer("r", "DAILY", "2024-03-01T00:00", List.of(daily("SUN 01:00-03:00")), "a")),
            "2024-03-10T00:00", "2024-03-11T00:00",
            "a@layer:r 2024-03-10T01:00–2024-03-10T03:00 (1h)"),
        row("restriction from 02:30 on the gap day starts at 03:00",
            schedule(chicago, layer("r", "DAILY", "2024-03-01T00:00", List.of(daily("SUN 02:30-04:00")), "a")),
            "2024-03-10T00:00", "2024-03-11T00:00",
            "a@layer:r 2024-03-10T03:00–2024-03-10T04:00 (1h)"),
        row("restriction 00:00–02:00 on the overlap day lasts 3h",
            schedule(chicago, layer("r", "DAILY", "2024-11-01T00:00", List.of(daily("SUN 00:00-02:00")), "a")),
            "2024-11-03T00:00", "2024-11-04T00:00",
            "a@layer:r 2024-11-03T00:00–2024-11-03T02:00 (3h)"),
        row("override 01:30–02:30 on the overlap day: first 01:30 to 02:30 is 2h",
            schedule(chicago, List.of(override("z", "2024-11-03T01:30", "2024-11-03T02:30")),
                layer("base", "DAILY", "2024-11-01T00:00", "a")),
            "2024-11-03T00:00", "2024-11-03T04:00",
            "a@layer:base 2024-11-03T00:00–2024-11-03T01:30 (1h30m)",
            "z@override 2024-11-03T01:30–2024-11-03T02:30 (2h)",
            "a@layer:base 2024-11-03T02:30–2024-11-03T04:00 (1h30m)"));
  }
}
