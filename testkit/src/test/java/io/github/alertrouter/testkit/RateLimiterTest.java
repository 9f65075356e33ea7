package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulators' sliding windows and penalty, on instants given by the test. */
class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** Each row: the limiter, the seconds after T0 at which messages are offered, which are admitted. */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("the window is full at the limit", RateLimiter.of(2, Duration.ofSeconds(60)),
            List.of(0.0, 1.0, 2.0), List.of(true, true, false)),
        Arguments.of("the window's start is open: a message exactly one window old no longer counts",
            RateLimiter.of(2, Duration.ofSeconds(60)), List.of(0.0, 1.0, 60.0, 61.0), List.of(true, true, true, true)),
        Arguments.of("refused messages do not count", RateLimiter.of(1, Duration.ofSeconds(60)),
            List.of(0.0, 30.0, 59.0, 60.0), List.of(true, false, false, true)),
        Arguments.of("the shorter of two windows binds first",
            RateLimiter.of(2, Duration.ofSeconds(1)).and(3, Duration.ofSeconds(60)),
            List.of(0.0, 0.1, 0.2, 1.0, 1.5, 59.0, 60.0), List.of(true, true, false, true, false, false, true)),
        Arguments.of("a penalty refuses everything until it ends",
            RateLimiter.of(1, Duration.ofSeconds(60)).withPenalty(Duration.ofMinutes(10)),
            List.of(0.0, 1.0, 120.0, 600.9, 601.0), List.of(true, false, false, false, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void admits(String name, RateLimiter limiter, List<Double> seconds, List<Boolean> expected) {
    List<Boolean> admitted = new ArrayList<>();
    for (double s : seconds) {
      admitted.add(limiter.admit(T0.plusMillis(Math.round(s * 1000))));
    }
    assertThat(admitted).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesAMeaninglessRule(String name, Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("a limit of 0", (Runnable) () -> RateLimiter.of(0, Duration.ofSeconds(1)), "0 per PT1S"),
        Arguments.of("an empty window", (Runnable) () -> RateLimiter.of(1, Duration.ZERO), "1 per PT0S"),
        Arguments.of("a negative penalty",
            (Runnable) () -> RateLimiter.of(1, Duration.ofSeconds(1)).withPenalty(Duration.ofSeconds(-1)), "PT-1S"));
  }
}
