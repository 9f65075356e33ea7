package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.store.Binding;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The flow: link, number, code, binding; wrong codes, locking and expiry. */
class BindingFlowTest {
  private final BindingFixture f = new BindingFixture();

  @Test
  void theRightCodeBindsTheContactWithTheNumber() {
    String link = f.link();
    f.advance(Duration.ofMinutes(10));

    VerificationStart start = f.service.startVerification(link, "+86 138-0000-0001");
    assertThat(start).isEqualTo(new VerificationStart.Accepted("138****0001", BindingFixture.START.plus(Duration.ofMinutes(15))));
    assertThat(f.log).containsExactly("sent a verification code to 138****0001, valid until 2026-03-02T09:15:00Z");

    f.advance(Duration.ofMinutes(1));
    ConfirmResult result = f.service.confirm(link, f.codeSentTo(ALICE));

    Binding expected = new Binding("alice", "dingtalk", ALICE, BindingFixture.START.plus(Duration.ofMinutes(11)));
    assertThat(result).isEqualTo(new ConfirmResult.Bound(expected));
    assertThat(f.store.find("alice", "dingtalk")).contains(expected);
    assertThat(f.service.isBound("alice", "dingtalk")).isTrue();
    assertThat(f.service.isBound("alice", "lark")).isFalse();
    assertThat(f.service.isBound("bob", "dingtalk")).isFalse();
  }

  @Test
  void aCodeWorksOnce() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String code = f.codeSentTo(ALICE);
    f.service.confirm(link, code);

    assertThat(f.service.confirm(link, code)).isEqualTo(new ConfirmResult.NoVerification());
  }

  @Test
  void spacesInTheEnteredCodeAreIgnored() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String code = f.codeSentTo(ALICE);

    assertThat(f.service.confirm(link, " " + code.substring(0, 3) + " " + code.substring(3) + "\n"))
        .isInstanceOf(ConfirmResult.Bound.class);
  }

  @ParameterizedTest(name = "contact {0}, entered {1}")
  @CsvSource(delimiter = '|', value = {
      "+86 138-0000-0001 | 13800000001",
      "13800000001       | +86 138-0000-0001",
      "138 0000 0001     | 0086 (138) 0000.0001",
      "8613800000001     | 138-0000-0001",
      "+852 6123 4567    | 00852-6123-4567",
  })
  void numbersWrittenDifferentlyMatch(String configured, String entered) {
    BindingFixture fixture = new BindingFixture(BindingFixture.config(Map.of("carol", configured)));
    String link = fixture.link();

    fixture.service.startVerification(link, entered);
    String normalised = io.github.alertrouter.spi.MobileNumbers.normalise(configured).number();

    assertThat(fixture.service.confirm(link, fixture.codeSentTo(normalised)))
        .isEqualTo(new ConfirmResult.Bound(new Binding("carol", "dingtalk", normalised, BindingFixture.START)));
  }

  @Test
  void eachWrongCodeCountsDownAndTheFifthLocks() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String code = f.codeSentTo(ALICE);

    assertThat(Stream.generate(() -> f.service.confirm(link, wrong(code))).limit(6)).containsExactly(
        new ConfirmResult.WrongCode(4), new ConfirmResult.WrongCode(3), new ConfirmResult.WrongCode(2),
        new ConfirmResult.WrongCode(1), new ConfirmResult.Locked(), new ConfirmResult.Locked());
    assertThat(f.service.confirm(link, code)).as("locked, even for the right code").isEqualTo(new ConfirmResult.Locked());
    assertThat(f.service.isBound("alice", "dingtalk")).isFalse();
  }

  @Test
  void aRightCodeAfterSomeWrongOnesStillBinds() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String code = f.codeSentTo(ALICE);
    f.service.confirm(link, wrong(code));
    f.service.confirm(link, "12");

    assertThat(f.service.confirm(link, code)).isInstanceOf(ConfirmResult.Bound.class);
  }

  @Test
  void aNewCodeReplacesTheOnePendingOnTheLinkAndResetsAttempts() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String first = f.codeSentTo(ALICE);
    for (int i = 0; i < 5; i++) {
      f.service.confirm(link, wrong(first));
    }
    f.service.startVerification(link, ALICE);
    String second = f.codeSentTo(ALICE);

    if (!second.equals(first)) {
      assertThat(f.service.confirm(link, first)).isEqualTo(new ConfirmResult.WrongCode(4));
    }
    assertThat(f.service.confirm(link, second)).isInstanceOf(ConfirmResult.Bound.class);
  }

  static Stream<Arguments> expiry() {
    return Stream.of(
        Arguments.of("a millisecond before 5 minutes", Duration.ofMinutes(5).minusMillis(1), true),
        Arguments.of("at 5 minutes", Duration.ofMinutes(5), false),
        Arguments.of("after 6 minutes", Duration.ofMinutes(6), false),
        Arguments.of("after an hour", Duration.ofHours(1), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expiry")
  void codesWorkForFiveMinutes(String name, Duration after, boolean works) {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    String code = f.codeSentTo(ALICE);
    f.advance(after);

    ConfirmResult result = f.service.confirm(link, code);

    if (works) {
      assertThat(result).isInstanceOf(ConfirmResult.Bound.class);
    } else {
      assertThat(result).isEqualTo(new ConfirmResult.Expired());
    }
  }

  @Test
  void aLockedVerificationStaysLockedAfterItExpires() {
    String link = f.link();
    f.service.startVerification(link, ALICE);
    for (int i = 0; i < 5; i++) {
      f.service.confirm(link, wrong(f.codeSentTo(ALICE)));
    }
    f.advance(Duration.ofMinutes(10));

    assertThat(f.service.confirm(link, f.codeSentTo(ALICE))).isEqualTo(new ConfirmResult.Locked());
  }

  @Test
  void confirmingWithoutARequestedCodeFindsNothingPending() {
    assertThat(f.service.confirm(f.link(), "123456")).isEqualTo(new ConfirmResult.NoVerification());
    assertThat(f.service.confirm("no-such-link", "123456")).isEqualTo(new ConfirmResult.NoVerification());
  }
}
