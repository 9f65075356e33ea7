package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOfDayTest {

  @ParameterizedTest(name = "{0} is minute {1}")
  @CsvSource({"00:00, 0", "09:30, 570", "23:59, 1439", "24:00, 1440"})
  void parsesAndPrints(String text, int minute) {
    TimeOfDay time = TimeOfDay.parse(text);
    assertThat(time.minuteOfDay()).isEqualTo(minute);
    assertThat(time).hasToString(text);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"24:01", "25:00", "9:00", "09:60", "0900", "09:00:00", "", "noon"})
  void refusesInvalidTimes(String text) {
    assertThatThrownBy(() -> TimeOfDay.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be a time of day HH:mm from 00:00 to 24:00, but was \"" + text + "\"");
  }

  @Test
  void endOfDayIsOnlyTwentyFour() {
    assertThat(TimeOfDay.END_OF_DAY.isEndOfDay()).isTrue();
    assertThat(TimeOfDay.of(LocalTime.of(23, 59)).isEndOfDay()).isFalse();
    assertThat(TimeOfDay.parse("08:00")).isLessThan(TimeOfDay.parse("18:00"));
  }

  @Test
  void refusesOutOfRangeMinutes() {
    assertThatThrownBy(() -> new TimeOfDay(1441)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeOfDay(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
