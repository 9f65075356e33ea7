package io.github.alertrouter.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MobileNumbersTest {
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "13800000001           | 13800000001",
      "+86 138 0000 0001     | 13800000001",
      "+86-138-0000-0001     | 13800000001",
      "0086 13800000001      | 13800000001",
      "8613800000001         | 13800000001",
      "(+86) 138.0000.0001   | 13800000001",
      "+852 6123 4567        | +852-61234567",
      "00852 61234567        | +852-61234567",
      "+1 415 555 0100       | +1-4155550100",
      "+86 010 1234 5678     | -",
      "1380000000            | -",
      "call 13800000001      | -",
      "+                     | -",
  })
  void normalisesAsMentionListsExpectOrRefuses(String written, String expected) {
    MobileNumbers.Normalised n = MobileNumbers.normalise(written.strip());
    assertThat(n.number()).isEqualTo(expected);
    assertThat(n.ok()).isEqualTo(expected != null);
    if (expected == null) {
      assertThat(n.problem()).startsWith("mobile \"" + written.strip() + "\"");
    }
  }
}
