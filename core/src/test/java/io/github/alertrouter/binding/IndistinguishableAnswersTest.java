package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.STRANGER;
import static io.github.alertrouter.binding.BindingFixture.wrong;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.store.BindingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A number that is no contact's gets the same answers as a contact's, at every step, but no code:
 * the page cannot be used to find out who is a contact.
 */
class IndistinguishableAnswersTest {
  /** Everything a visitor sees for one number: the start, then {@code guess} six times. */
  private static List<Object> transcript(BindingFixture f, String number, Function<BindingFixture, String> guess) {
    List<Object> seen = new ArrayList<>();
    String link = f.link();
    seen.add(f.service.startVerification(link, number));
    String code = guess.apply(f);
    for (int i = 0; i < 6; i++) {
      seen.add(f.service.confirm(link, code));
    }
    return seen;
  }

  @Test
  void aStrangersNumberIsAnsweredLikeAContactsButGetsNoCode() {
    BindingFixture contact = new BindingFixture();
    BindingFixture stranger = new BindingFixture();
    List<Object> alice = transcript(contact, ALICE, f -> wrong(f.codeSentTo(ALICE)));
    String aliceGuess = wrong(contact.codeSentTo(ALICE));

    assertThat(transcript(stranger, STRANGER, f -> aliceGuess)).isEqualTo(alice);
    assertThat(stranger.log).isEmpty();
    assertThat(stranger.sender.lastCode(STRANGER)).isEmpty();
    assertThat(contact.log).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "no contact has it,          13812340001",
      "another contact's format,   +852 6123 4568",
      "Alice's with a digit off,   13800000002",
  })
  void aMismatchedNumberIsAcceptedWithoutACodeAndNeverBinds(String name, String number) {
    BindingFixture f = new BindingFixture();
    String link = f.link();

    assertThat(f.service.startVerification(link, number)).isInstanceOf(VerificationStart.Accepted.class);
    assertThat(f.log).isEmpty();
    // every code is refused like a wrong one, the decoy's own included
    for (int code = 0; code < 4; code++) {
      assertThat(f.service.confirm(link, String.format("%06d", code))).isInstanceOf(ConfirmResult.WrongCode.class);
    }
    assertThat(f.store.find("alice", "dingtalk")).isEmpty();
  }

  @Test
  void aStrangersNumberIsRateLimitedLikeAContacts() {
    BindingFixture contact = new BindingFixture();
    BindingFixture stranger = new BindingFixture();
    List<VerificationStart> alice = new ArrayList<>();
    List<VerificationStart> other = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      alice.add(contact.service.startVerification(contact.link(), ALICE));
      other.add(stranger.service.startVerification(stranger.link(), STRANGER));
    }

    assertThat(other).isEqualTo(alice);
    assertThat(alice.get(3)).isEqualTo(new VerificationStart.RateLimited(Instant.parse("2026-03-02T10:00:00Z")));
  }

  @Test
  void aNumberTwoContactsShareBindsNeither() {
    BindingFixture f = new BindingFixture(BindingFixture.config(Map.of("alice", ALICE, "desk", "+86 13800000001")));
    String link = f.link();

    assertThat(f.service.startVerification(link, ALICE)).isInstanceOf(VerificationStart.Accepted.class);
    assertThat(f.log).isEmpty();
  }

  @Test
  void aSenderFailureChangesNothingTheVisitorSees() {
    BindingFixture ok = new BindingFixture();
    BindingService failing = BindingService.create(BindingFixture.config(Map.of("alice", ALICE)),
        (mobile, code, expiresAt) -> {
          throw new IllegalStateException("gateway down");
        }, BindingStore.inMemory(), ok.time.clock());

    assertThat(failing.startVerification(failing.issueLink("dingtalk", "ops").id(), ALICE))
        .isEqualTo(ok.service.startVerification(ok.link(), ALICE));
  }
}
