package io.github.alertrouter.time;

import static io.github.alertrouter.time.TimePeriodTest.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.TimeInterval;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TimeInterval#contains}: any one period, each in its own location; no periods, no time. */
class TimeIntervalTest {
  private static final TimeInterval OFF_HOURS = new TimeInterval("off-hours", List.of(
      period("weekdays=saturday|sunday; location=Asia/Shanghai"),
      period("weekdays=monday:friday; times=00:00-09:00|18:00-24:00; location=Asia/Shanghai")));
  private static final TimeInterval TWO_ZONES = new TimeInterval("two-zones", List.of(
      period("times=09:00-10:00; location=Europe/London"),
      period("times=09:00-10:00; location=Asia/Shanghai")));

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void containsAsTabled(String name, TimeInterval interval, String at, boolean expected) {
    assertThat(interval.contains(Instant.parse(at))).isEqualTo(expected);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        arguments("off hours: Saturday noon, first period", OFF_HOURS, "2024-03-16T04:00:00Z", true),
        arguments("off hours: Monday 08:59, second period", OFF_HOURS, "2024-03-11T00:59:00Z", true),
        arguments("off hours: Monday 09:00, neither", OFF_HOURS, "2024-03-11T01:00:00Z", false),
        arguments("off hours: Friday 18:00, second period", OFF_HOURS, "2024-03-15T10:00:00Z", true),
        arguments("two zones: 09:30 in Shanghai", TWO_ZONES, "2024-03-11T01:30:00Z", true),
        arguments("two zones: 09:30 in London (GMT)", TWO_ZONES, "2024-03-11T09:30:00Z", true),
        arguments("two zones: 09:30 in London (BST)", TWO_ZONES, "2024-04-11T08:30:00Z", true),
        arguments("two zones: 09:30 UTC in April is 10:30 BST, neither", TWO_ZONES, "2024-04-11T09:30:00Z", false),
        arguments("no periods contain nothing", new TimeInterval("never", List.of()), "2024-03-11T01:30:00Z", false),
        arguments("an empty period contains everything",
            new TimeInterval("always", List.of(period(""))), "2024-03-11T01:30:00Z", true));
  }
}
