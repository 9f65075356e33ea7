package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links: random ids for a configured robot, working for 24 hours. */
class BindingLinkTest {
  private final BindingFixture f = new BindingFixture();

  @Test
  void aLinkIsForItsRobotAndWorksForADay() {
    BindingLink link = f.service.issueLink("dingtalk", "ops");

    assertThat(link.platform()).isEqualTo("dingtalk");
    assertThat(link.robotId()).isEqualTo("ops");
    assertThat(link.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
    assertThat(link.id()).matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  void idsAreRandom() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(f.link());
    }
    assertThat(ids).hasSize(1000);
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource({
      "works,   PT23H59M59.999S",
      "expired, PT24H",
      "expired, PT48H",
  })
  void aLinkWorksFor24Hours(String expectation, Duration after) {
    String link = f.link();
    f.advance(after);

    VerificationStart start = f.service.startVerification(link, ALICE);

    if (expectation.equals("works")) {
      assertThat(start).isInstanceOf(VerificationStart.Accepted.class);
    } else {
      assertThat(start).isEqualTo(
          new VerificationStart.Refused("This link is unknown or has expired; use the link in a newer alert."));
      assertThat(f.log).isEmpty();
    }
  }

  @Test
  void aCodeCannotBeConfirmedOnceItsLinkHasExpired() {
    String link = f.link();
    f.advance(Duration.ofHours(24).minusMinutes(1));
    f.service.startVerification(link, ALICE);
    f.advance(Duration.ofMinutes(1));

    assertThat(f.service.confirm(link, f.codeSentTo(ALICE))).isEqualTo(new ConfirmResult.NoVerification());
  }

  @Test
  void anUnknownLinkIsRefused() {
    assertThat(f.service.startVerification("made-up", ALICE)).isInstanceOf(VerificationStart.Refused.class);
    assertThat(f.log).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "letters,       1380000000a,  mobile \"1380000000a\" is not a phone number",
      "too short,     1380000,      mobile \"1380000\" has 7 digits",
      "landline +86,  +86 10 1234 5678, has country code 86 but is not an 11-digit mainland mobile",
  })
  void aMalformedNumberIsRefusedWithWhy(String name, String written, String why) {
    VerificationStart start = f.service.startVerification(f.link(), written);

    assertThat(start).isInstanceOf(VerificationStart.Refused.class);
    assertThat(start.message()).containsIgnoringCase(why);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"dingtalk, nope", "lark, ops"})
  void onlyAConfiguredRobotGetsLinks(String platform, String robot) {
    assertThatThrownBy(() -> f.service.issueLink(platform, robot))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no robot \"" + robot + "\" on platform \"" + platform + "\"");
  }
}
