package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.wrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A code appears in no answer, log line, {@code toString} or exception. */
class NoCodeLeaksTest {
  @Test
  void theCodeIsInNothingPrinted() {
    BindingFixture f = new BindingFixture();
    String link = f.link();
    List<Object> printed = new ArrayList<>();
    printed.add(f.service.startVerification(link, ALICE));
    String code = f.codeSentTo(ALICE);
    VerificationCode sent = f.sender.lastCode(ALICE).orElseThrow();
    printed.add(f.service.confirm(link, wrong(code)));
    printed.add(f.service);
    printed.add(f.sender);
    printed.add(f.store);
    printed.add(sent);
    printed.add(f.service.confirm(link, code));
    printed.add(f.store);

    List<String> text = new ArrayList<>(f.log);
    for (Object o : printed) {
      text.add(o.toString());
      if (o instanceof VerificationStart start) {
        text.add(start.message());
      } else if (o instanceof ConfirmResult result) {
        text.add(result.message());
      }
    }

    assertThat(text).hasSize(12).noneMatch(line -> line.contains(code));
    assertThat(sent).hasToString("******");
    assertThat(f.log).singleElement().asString().contains("138****0001").doesNotContain(ALICE);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullSource
  @ValueSource(strings = {"12345", "1234567", "12345a", "١٢٣٤٥٦"})
  void aMalformedCodeIsRefusedWithoutBeingQuoted(String digits) {
    assertThatThrownBy(() -> VerificationCode.of(digits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a verification code must be 6 digits");
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
      "123456, 123456, true",
      "123456, 123457, false",
      "123456, 12345,  false",
      "123456, 1234567, false",
      "123456, '',     false",
  })
  void codesCompare(String code, String entered, boolean matches) {
    assertThat(VerificationCode.of(code).matches(entered)).isEqualTo(matches);
  }

  @Test
  void codesAreEqualOnlyToThemselves() {
    VerificationCode code = VerificationCode.of("123456");
    assertThat(code).isEqualTo(code).isNotEqualTo(VerificationCode.of("123456"));
  }
}
