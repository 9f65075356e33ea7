package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "500ms, PT0.5S",
      "30s, PT30S",
      "5m, PT5M",
      "4h, PT4H",
      "1d, PT24H",
      "1w, PT168H",
      "1h30m, PT1H30M",
      "1d2h3m4s5ms, PT26H3M4.005S",
      "0, PT0S",
      "0s, PT0S",
  })
  void parsesValidDurations(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"5", "-5s", "1h1h", "30s5m", "5x", "", "s", "1.5h", " 5s", "5 s", "5S", "ms"})
  void refusesInvalidDurations(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be a duration such as 500ms, 30s, 5m, 4h or 1d, but was \"" + text + "\"");
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({
      "PT0.5S, 500ms",
      "PT30S, 30s",
      "PT1H30M, 1h30m",
      "PT24H, 1d",
      "PT0S, 0s",
      "PT336H, 2w",
  })
  void formatsTheShortestForm(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
    assertThat(Durations.parse(expected)).isEqualTo(duration);
  }

  @org.junit.jupiter.api.Test
  void namesAnOverflowingDuration() {
    assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99999999999999999999d");
  }
}
