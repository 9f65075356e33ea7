package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one wall-clock-to-instant rule: gaps resolve to their end, overlaps to the earlier offset. */
class WallClockTest {

  @ParameterizedTest(name = "{0}: {1} {2} in {3} is {4}")
  @CsvSource({
      "plain time,                      2024-03-11, 09:00, Asia/Shanghai,   2024-03-11T01:00:00Z",
      "24:00 is next midnight,          2024-03-11, 24:00, Asia/Shanghai,   2024-03-11T16:00:00Z",
      "Chicago gap: 02:30 is 03:00 CDT, 2024-03-10, 02:30, America/Chicago, 2024-03-10T08:00:00Z",
      "Chicago gap start: 02:00,        2024-03-10, 02:00, America/Chicago, 2024-03-10T08:00:00Z",
      "Chicago after gap: 03:00 CDT,    2024-03-10, 03:00, America/Chicago, 2024-03-10T08:00:00Z",
      "Chicago overlap: 01:30 CDT,      2024-11-03, 01:30, America/Chicago, 2024-11-03T06:30:00Z",
      "Chicago after overlap: 02:00,    2024-11-03, 02:00, America/Chicago, 2024-11-03T08:00:00Z",
      "London gap: 01:30 is 02:00 BST,  2024-03-31, 01:30, Europe/London,   2024-03-31T01:00:00Z",
      "London overlap: 01:30 BST,       2023-10-29, 01:30, Europe/London,   2023-10-29T00:30:00Z",
      "Havana 24:00 in a midnight gap,  2024-03-09, 24:00, America/Havana,  2024-03-10T05:00:00Z",
  })
  void resolvesWallClockTimes(String name, LocalDate date, String time, String zone, Instant expected) {
    assertThat(WallClock.resolve(date, TimeOfDay.parse(time), ZoneId.of(zone))).isEqualTo(expected);
  }
}
