package io.github.alertrouter.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules' defaults and invariants, and how numbers are masked in logs and answers. */
class BindingRulesTest {
  @Test
  void defaults() {
    assertThat(BindingRules.DEFAULT).isEqualTo(new BindingRules(
        Duration.ofHours(24), Duration.ofMinutes(5), 5, 3, 10, Duration.ofHours(1)));
  }

  static Stream<Arguments> invalid() {
    Duration h = Duration.ofHours(1);
    return Stream.of(
        Arguments.of(new Object[] {"zero link TTL", (Runnable) () -> new BindingRules(Duration.ZERO, h, 5, 3, 10, h),
            "linkTtl must be > 0, but was PT0S"}),
        Arguments.of(new Object[] {"negative code TTL", (Runnable) () -> new BindingRules(h, h.negated(), 5, 3, 10, h),
            "codeTtl must be > 0, but was PT-1H"}),
        Arguments.of(new Object[] {"no attempts", (Runnable) () -> new BindingRules(h, h, 0, 3, 10, h),
            "maxAttempts must be > 0, but was 0"}),
        Arguments.of(new Object[] {"no codes per number", (Runnable) () -> new BindingRules(h, h, 5, -1, 10, h),
            "codesPerNumber must be > 0, but was -1"}),
        Arguments.of(new Object[] {"no codes per link", (Runnable) () -> new BindingRules(h, h, 5, 3, 0, h),
            "codesPerLink must be > 0, but was 0"}),
        Arguments.of(new Object[] {"zero window", (Runnable) () -> new BindingRules(h, h, 5, 3, 10, Duration.ZERO),
            "rateWindow must be > 0, but was PT0S"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidRulesNameTheBadValue(String name, Runnable construct, String message) {
    assertThatThrownBy(construct::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "13800000001,   138****0001",
      "+852-61234567, +852-****4567",
      "+1-2025550123, +1-******0123",
      "1234567,       *****67",
      "12,            12",
      "+44-1234,      ******34",
  })
  void numbersAreMaskedButForTheirEnds(String mobile, String masked) {
    assertThat(MaskedMobile.of(mobile)).isEqualTo(masked);
  }
}
