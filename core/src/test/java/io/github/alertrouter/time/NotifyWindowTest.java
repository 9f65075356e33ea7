package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.NotifyWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden table for {@link NotifyWindow#contains} and {@link NotifyWindow#nextOpening}: each row is
 * a window, an instant (UTC, with the local time in the row's name) and either "open" or the
 * instant the window next opens. DST rows pin the design's rule: a missing time resolves to the
 * end of the gap, a repeated one to its first occurrence.
 */
class NotifyWindowTest {
  private static final String CHICAGO = "America/Chicago"; // CST -06:00, CDT -05:00
  private static final String LONDON = "Europe/London"; // GMT +00:00, BST +01:00
  private static final String SHANGHAI = "Asia/Shanghai"; // +08:00, no DST
  private static final String HAVANA = "America/Havana"; // springs forward at midnight

  @ParameterizedTest(name = "{0}")
  @MethodSource({"plainRows", "springForwardRows", "fallBackRows", "acrossMidnightOnDstDaysRows"})
  void opensAndClosesAsTabled(String name, NotifyWindow window, Instant at, Instant expectedNext) {
    assertThat(window.contains(at)).as("contains").isEqualTo(expectedNext.equals(at));
    assertThat(window.nextOpening(at)).as("nextOpening").isEqualTo(expectedNext);
  }

  static Stream<Arguments> plainRows() {
    NotifyWindow office = window("MON,TUE,WED,THU,FRI", "09:00", "18:00", SHANGHAI);
    NotifyWindow fridayNight = window("FRI", "22:00", "06:00", SHANGHAI);
    NotifyWindow mondayEvening = window("MON", "18:00", "24:00", SHANGHAI);
    NotifyWindow mondayFullDay = window("MON", "09:00", "09:00", SHANGHAI);
    NotifyWindow sundayMidnightToMidnight = window("SUN", "00:00", "00:00", SHANGHAI);
    NotifyWindow allDay = window("ALL", "00:00", "24:00", SHANGHAI);
    return Stream.of(
        open("office hours: Mon 09:00 opens", office, "2024-03-11T01:00:00Z"),
        open("office hours: Mon 17:59:59.999 still open", office, "2024-03-11T09:59:59.999Z"),
        closed("office hours: Mon 18:00 closed, Tue 09:00 next", office, "2024-03-11T10:00:00Z", "2024-03-12T01:00:00Z"),
        closed("office hours: Mon 08:59 opens at 09:00", office, "2024-03-11T00:59:00Z", "2024-03-11T01:00:00Z"),
        closed("office hours: Fri 18:00 waits for Mon", office, "2024-03-15T10:00:00Z", "2024-03-18T01:00:00Z"),
        closed("office hours: Sat noon waits for Mon", office, "2024-03-16T04:00:00Z", "2024-03-18T01:00:00Z"),
        open("Fri 22:00-06:00 covers Sat 03:00", fridayNight, "2024-03-15T19:00:00Z"),
        open("Fri 22:00-06:00 opens Fri 22:00", fridayNight, "2024-03-15T14:00:00Z"),
        closed("Fri 22:00-06:00 closes Sat 06:00", fridayNight, "2024-03-15T22:00:00Z", "2024-03-22T14:00:00Z"),
        closed("Fri 22:00-06:00: Thu 23:00 is not Friday's", fridayNight, "2024-03-14T15:00:00Z", "2024-03-15T14:00:00Z"),
        closed("Fri 22:00-06:00: Fri 21:59", fridayNight, "2024-03-15T13:59:00Z", "2024-03-15T14:00:00Z"),
        open("Mon 18:00-24:00: Mon 23:59", mondayEvening, "2024-03-11T15:59:00Z"),
        closed("Mon 18:00-24:00: Tue 00:00 closed", mondayEvening, "2024-03-11T16:00:00Z", "2024-03-18T10:00:00Z"),
        open("Mon 09:00-09:00 is 24 hours: Tue 08:59", mondayFullDay, "2024-03-12T00:59:00Z"),
        closed("Mon 09:00-09:00 is 24 hours: Tue 09:00 closed", mondayFullDay, "2024-03-12T01:00:00Z", "2024-03-18T01:00:00Z"),
        closed("Mon 09:00-09:00: Mon 08:59 not yet", mondayFullDay, "2024-03-11T00:59:00Z", "2024-03-11T01:00:00Z"),
        open("Sun 00:00-00:00 is the whole day: Sun 23:59", sundayMidnightToMidnight, "2024-03-17T15:59:00Z"),
        closed("Sun 00:00-00:00 is the whole day: Mon 00:00 closed", sundayMidnightToMidnight,
            "2024-03-17T16:00:00Z", "2024-03-23T16:00:00Z"),
        open("every day 00:00-24:00: midnight", allDay, "2024-03-10T16:00:00Z"),
        open("every day 00:00-24:00: a second before midnight", allDay, "2024-03-10T15:59:59Z"),
        open("ALWAYS is always open", NotifyWindow.ALWAYS, "2024-02-29T23:59:59Z"));
  }

  static Stream<Arguments> springForwardRows() {
    // Chicago 2024-03-10: 02:00 CST jumps to 03:00 CDT at 08:00Z. London 2024-03-31: 01:00 GMT
    // jumps to 02:00 BST at 01:00Z. Havana 2024-03-10: 00:00 jumps to 01:00 at 05:00Z.
    NotifyWindow chicago = window("SUN", "01:30", "02:30", CHICAGO);
    NotifyWindow chicagoDaily = window("ALL", "01:30", "02:30", CHICAGO);
    NotifyWindow chicagoInGap = window("ALL", "02:00", "02:30", CHICAGO);
    NotifyWindow chicagoFromGap = window("ALL", "02:30", "04:00", CHICAGO);
    NotifyWindow london = window("SUN", "01:30", "02:30", LONDON);
    NotifyWindow havanaEvening = window("SAT", "18:00", "24:00", HAVANA);
    NotifyWindow havanaMorning = window("SUN", "00:00", "06:00", HAVANA);
    return Stream.of(
        closed("Chicago 01:30-02:30: 01:29 CST", chicago, "2024-03-10T07:29:00Z", "2024-03-10T07:30:00Z"),
        open("Chicago 01:30-02:30: 01:30 CST opens", chicago, "2024-03-10T07:30:00Z"),
        open("Chicago 01:30-02:30: 01:59 CST", chicago, "2024-03-10T07:59:00Z"),
        closed("Chicago 01:30-02:30: missing 02:30 closes at 03:00 CDT", chicago,
            "2024-03-10T08:00:00Z", "2024-03-17T06:30:00Z"),
        closed("Chicago daily 01:30-02:30: after the short day, Monday 01:30 CDT", chicagoDaily,
            "2024-03-10T08:00:00Z", "2024-03-11T06:30:00Z"),
        closed("Chicago 02:00-02:30 lies in the gap: closed all day", chicagoInGap,
            "2024-03-10T07:00:00Z", "2024-03-11T07:00:00Z"),
        closed("Chicago 02:00-02:30 lies in the gap: 03:00 CDT", chicagoInGap,
            "2024-03-10T08:00:00Z", "2024-03-11T07:00:00Z"),
        closed("Chicago 02:30-04:00: missing 02:30 opens at 03:00 CDT", chicagoFromGap,
            "2024-03-10T07:45:00Z", "2024-03-10T08:00:00Z"),
        open("Chicago 02:30-04:00: 03:00 CDT", chicagoFromGap, "2024-03-10T08:00:00Z"),
        closed("Chicago 02:30-04:00: 04:00 CDT", chicagoFromGap, "2024-03-10T09:00:00Z", "2024-03-11T07:30:00Z"),
        closed("London 01:30-02:30: 00:59 GMT", london, "2024-03-31T00:59:00Z", "2024-03-31T01:00:00Z"),
        open("London 01:30-02:30: missing 01:30 opens at 02:00 BST", london, "2024-03-31T01:00:00Z"),
        open("London 01:30-02:30: 02:29 BST", london, "2024-03-31T01:29:00Z"),
        closed("London 01:30-02:30: 02:30 BST", london, "2024-03-31T01:30:00Z", "2024-04-07T00:30:00Z"),
        open("Havana Sat 18:00-24:00: Sat 23:59 CST", havanaEvening, "2024-03-10T04:59:00Z"),
        closed("Havana Sat 18:00-24:00: missing 24:00 closes at Sun 01:00 CDT", havanaEvening,
            "2024-03-10T05:00:00Z", "2024-03-16T22:00:00Z"),
        closed("Havana Sun 00:00-06:00: Sat 23:59 CST", havanaMorning, "2024-03-10T04:59:00Z", "2024-03-10T05:00:00Z"),
        open("Havana Sun 00:00-06:00: missing 00:00 opens at 01:00 CDT", havanaMorning, "2024-03-10T05:00:00Z"));
  }

  static Stream<Arguments> fallBackRows() {
    // Chicago 2024-11-03: 02:00 CDT falls back to 01:00 CST at 07:00Z; 01:00-02:00 happens twice.
    // London 2023-10-29: 02:00 BST falls back to 01:00 GMT at 01:00Z.
    NotifyWindow chicago = window("SUN", "01:30", "02:30", CHICAGO);
    NotifyWindow chicagoUntilRepeated = window("SUN", "00:00", "01:30", CHICAGO);
    NotifyWindow london = window("SUN", "01:30", "02:30", LONDON);
    return Stream.of(
        closed("Chicago 01:30-02:30: 01:29 CDT", chicago, "2024-11-03T06:29:00Z", "2024-11-03T06:30:00Z"),
        open("Chicago 01:30-02:30: repeated 01:30 opens at its first pass (CDT)", chicago, "2024-11-03T06:30:00Z"),
        open("Chicago 01:30-02:30: 01:15 CST, second pass, no hole", chicago, "2024-11-03T07:15:00Z"),
        open("Chicago 01:30-02:30: 01:45 CST", chicago, "2024-11-03T07:45:00Z"),
        open("Chicago 01:30-02:30: 02:29 CST", chicago, "2024-11-03T08:29:00Z"),
        closed("Chicago 01:30-02:30: 02:30 CST, open two hours", chicago, "2024-11-03T08:30:00Z", "2024-11-10T07:30:00Z"),
        open("Chicago 00:00-01:30: 01:29 CDT", chicagoUntilRepeated, "2024-11-03T06:29:00Z"),
        closed("Chicago 00:00-01:30: repeated 01:30 closes at its first pass", chicagoUntilRepeated,
            "2024-11-03T06:30:00Z", "2024-11-10T06:00:00Z"),
        closed("Chicago 00:00-01:30: 01:00 CST, second pass, stays closed", chicagoUntilRepeated,
            "2024-11-03T07:00:00Z", "2024-11-10T06:00:00Z"),
        closed("London 01:30-02:30: 01:29 BST", london, "2023-10-29T00:29:00Z", "2023-10-29T00:30:00Z"),
        open("London 01:30-02:30: repeated 01:30 opens at its first pass (BST)", london, "2023-10-29T00:30:00Z"),
        open("London 01:30-02:30: 01:10 GMT, second pass", london, "2023-10-29T01:10:00Z"),
        open("London 01:30-02:30: 02:29 GMT", london, "2023-10-29T02:29:00Z"),
        closed("London 01:30-02:30: 02:30 GMT", london, "2023-10-29T02:30:00Z", "2023-11-05T01:30:00Z"));
  }

  static Stream<Arguments> acrossMidnightOnDstDaysRows() {
    NotifyWindow chicagoNight = window("SAT", "22:00", "06:00", CHICAGO);
    NotifyWindow londonNight = window("SAT", "23:00", "01:30", LONDON);
    return Stream.of(
        closed("Chicago Sat 22:00-06:00, spring: Sat 21:59 CST", chicagoNight, "2024-03-10T03:59:00Z", "2024-03-10T04:00:00Z"),
        open("Chicago Sat 22:00-06:00, spring: Sun 03:30 CDT, past the gap", chicagoNight, "2024-03-10T08:30:00Z"),
        open("Chicago Sat 22:00-06:00, spring: Sun 05:59 CDT", chicagoNight, "2024-03-10T10:59:00Z"),
        closed("Chicago Sat 22:00-06:00, spring: Sun 06:00 CDT, open 7 hours", chicagoNight,
            "2024-03-10T11:00:00Z", "2024-03-17T03:00:00Z"),
        open("Chicago Sat 22:00-06:00, fall: Sun 01:30 CST", chicagoNight, "2024-11-03T07:30:00Z"),
        open("Chicago Sat 22:00-06:00, fall: Sun 05:59 CST", chicagoNight, "2024-11-03T11:59:00Z"),
        closed("Chicago Sat 22:00-06:00, fall: Sun 06:00 CST, open 9 hours", chicagoNight,
            "2024-11-03T12:00:00Z", "2024-11-10T04:00:00Z"),
        open("London Sat 23:00-01:30, spring: Sun 00:59 GMT", londonNight, "2024-03-31T00:59:00Z"),
        closed("London Sat 23:00-01:30, spring: missing 01:30 closes at 02:00 BST", londonNight,
            "2024-03-31T01:00:00Z", "2024-04-06T22:00:00Z"),
        open("London Sat 23:00-01:30, fall: Sun 01:29 BST", londonNight, "2023-10-29T00:29:00Z"),
        closed("London Sat 23:00-01:30, fall: repeated 01:30 closes at its first pass", londonNight,
            "2023-10-29T00:30:00Z", "2023-11-04T23:00:00Z"),
        closed("London Sat 23:00-01:30, fall: 01:30 GMT, second pass, stays closed", londonNight,
            "2023-10-29T01:30:00Z", "2023-11-04T23:00:00Z"));
  }

  /** A window on {@code days} ("ALL" or comma-separated three-letter names). */
  static NotifyWindow window(String days, String from, String to, String zone) {
    Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
    if (days.equals("ALL")) {
      set = EnumSet.allOf(DayOfWeek.class);
    } else {
      for (String day : days.split(",")) {
        for (DayOfWeek d : DayOfWeek.values()) {
          if (d.name().startsWith(day)) {
            set.add(d);
          }
        }
      }
    }
    return new NotifyWindow(set, TimeOfDay.parse(from), TimeOfDay.parse(to), ZoneId.of(zone));
  }

  private static Arguments open(String name, NotifyWindow window, String at) {
    return arguments(name, window, Instant.parse(at), Instant.parse(at));
  }

  private static Arguments closed(String name, NotifyWindow window, String at, String next) {
    return arguments(name, window, Instant.parse(at), Instant.parse(next));
  }
}
