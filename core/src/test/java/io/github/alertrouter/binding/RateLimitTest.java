package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 3 codes per number and 10 per link in any hour; a refused request does not count. */
class RateLimitTest {
  private final BindingFixture f = new BindingFixture();

  @Test
  void threeCodesPerNumberPerHourWhicheverLinkAsksAndHoweverTheNumberIsWritten() {
    VerificationStart first = f.service.startVerification(f.link(), ALICE);
    f.advance(Duration.ofMinutes(20));
    f.service.startVerification(f.link(), "+86 138 0000 0001");
    f.advance(Duration.ofMinutes(20));
    f.service.startVerification(f.link(), "0086-138-0000-0001");
    f.advance(Duration.ofMinutes(19));

    assertThat(first).isInstanceOf(VerificationStart.Accepted.class);
    assertThat(f.service.startVerification(f.link(), ALICE))
        .isEqualTo(new VerificationStart.RateLimited(START.plus(Duration.ofHours(1))));
    assertThat(f.log).hasSize(3);

    f.advance(Duration.ofMinutes(1));
    assertThat(f.service.startVerification(f.link(), ALICE)).isInstanceOf(VerificationStart.Accepted.class);
    assertThat(f.service.startVerification(f.link(), ALICE))
        .as("the second code, 20 minutes in, still counts")
        .isEqualTo(new VerificationStart.RateLimited(START.plus(Duration.ofMinutes(80))));
  }

  @Test
  void tenCodesPerLinkPerHour() {
    String link = f.link();
    for (int i = 0; i < 10; i++) {
      assertThat(f.service.startVerification(link, "1380000010" + i)).isInstanceOf(VerificationStart.Accepted.class);
      f.advance(Duration.ofMinutes(1));
    }

    assertThat(f.service.startVerification(link, ALICE)).isEqualTo(new VerificationStart.RateLimited(START.plus(Duration.ofHours(1))));
    assertThat(f.service.startVerification(f.link(), ALICE)).as("another link").isInstanceOf(VerificationStart.Accepted.class);
  }

  @Test
  void aRateLimitedRequestDoesNotCountOrReplaceThePendingCode() {
    String link = f.link();
    for (int i = 0; i < 3; i++) {
      f.service.startVerification(link, ALICE);
    }
    String code = f.codeSentTo(ALICE);
    for (int i = 0; i < 20; i++) {
      f.service.startVerification(link, ALICE);
    }

    assertThat(f.service.confirm(link, code)).isInstanceOf(ConfirmResult.Bound.class);
    f.advance(Duration.ofHours(1));
    assertThat(f.service.startVerification(link, ALICE)).isInstanceOf(VerificationStart.Accepted.class);
  }

  @Test
  void theLaterOfTwoLimitsIsWhenToRetry() {
    BindingFixture tight = new BindingFixture(BindingFixture.config(java.util.Map.of("alice", ALICE)),
        new BindingRules(Duration.ofDays(1), Duration.ofMinutes(5), 5, 1, 2, Duration.ofHours(1)));
    String link = tight.link();
    tight.service.startVerification(link, "13900000001");
    tight.advance(Duration.ofMinutes(10));
    tight.service.startVerification(link, ALICE);

    assertThat(tight.service.startVerification(link, ALICE))
        .isEqualTo(new VerificationStart.RateLimited(Instant.parse("2026-03-02T10:10:00Z")));
  }
}
