package io.github.alertrouter.time;

import static io.github.alertrouter.time.NotifyWindowTest.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.NotifyWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What must hold for every window and instant, checked on a 7-minute grid across a DST week:
 * {@code nextOpening} is {@code at} exactly when {@code contains}, always lands inside the window,
 * is never more than two weeks ahead, and skips no open minute on the way.
 */
class NotifyWindowInvariantsTest {
  private static final Duration STEP = Duration.ofMinutes(7);

  @ParameterizedTest(name = "{0} from {2}")
  @MethodSource("windows")
  void nextOpeningAgreesWithContains(String name, NotifyWindow window, String weekStart) {
    Instant start = Instant.parse(weekStart);
    // Every window edge here falls on a whole minute, so the first open minute after a closed
    // instant is exactly where the window next opens.
    int minutes = (int) Duration.ofDays(8 + 15).toMinutes();
    Instant[] firstOpenFrom = new Instant[minutes + 1];
    for (int m = minutes - 1; m >= 0; m--) {
      Instant minute = start.plus(Duration.ofMinutes(m));
      firstOpenFrom[m] = window.contains(minute) ? minute : firstOpenFrom[m + 1];
    }
    for (int m = 0; m < Duration.ofDays(8).toMinutes(); m += (int) STEP.toMinutes()) {
      Instant at = start.plus(Duration.ofMinutes(m));
      Instant next = window.nextOpening(at);
      assertThat(next.equals(at)).as("nextOpening(%s) == at", at).isEqualTo(window.contains(at));
      assertThat(window.contains(next)).as("contains(nextOpening(%s))", at).isTrue();
      assertThat(next).as("nextOpening(%s)", at).isBefore(at.plus(Duration.ofDays(15)));
      assertThat(next).as("nextOpening(%s) is the first open minute", at).isEqualTo(firstOpenFrom[m]);
    }
  }

  static Stream<Arguments> windows() {
    return Stream.of(
        arguments("Chicago Sun 01:30-02:30", window("SUN", "01:30", "02:30", "America/Chicago"), "2024-03-08T00:00:00Z"),
        arguments("Chicago Sun 01:30-02:30", window("SUN", "01:30", "02:30", "America/Chicago"), "2024-11-01T00:00:00Z"),
        arguments("Chicago Sun 02:00-02:30, in the gap", window("SUN", "02:00", "02:30", "America/Chicago"),
            "2024-03-08T00:00:00Z"),
        arguments("Chicago Sat 22:00-06:00", window("SAT", "22:00", "06:00", "America/Chicago"), "2024-03-08T00:00:00Z"),
        arguments("Chicago Sat 22:00-06:00", window("SAT", "22:00", "06:00", "America/Chicago"), "2024-11-01T00:00:00Z"),
        arguments("London every day 01:30-01:30", window("ALL", "01:30", "01:30", "Europe/London"), "2023-10-27T00:00:00Z"),
        arguments("London weekdays 09:00-17:30", window("MON,TUE,WED,THU,FRI", "09:00", "17:30", "Europe/London"),
            "2024-03-29T00:00:00Z"),
        arguments("Havana Sat 18:00-24:00", window("SAT", "18:00", "24:00", "America/Havana"), "2024-03-08T00:00:00Z"),
        arguments("Shanghai Fri 22:00-06:00", window("FRI", "22:00", "06:00", "Asia/Shanghai"), "2024-03-08T00:00:00Z"));
  }
}
