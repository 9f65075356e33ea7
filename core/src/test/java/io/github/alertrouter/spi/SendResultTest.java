package io.github.alertrouter.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SendResult.Sent}: what fired is what was planned less what was withheld. */
class SendResultTest {
  private static final Mention ALL = Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
  private static final Mention ALICE = person("alice");
  private static final Mention BOB = person("bob");
  private static final Mention CAROL =
      Mention.unresolved(MentionTarget.contact("carol"), "carol", "Carol", "no lark id");
  private static final String WHY = "group allows only admins to @all (11235)";

  private static Mention person(String id) {
    return Mention.resolved(MentionTarget.contact(id), id, id, new Identity("userId", "u-" + id));
  }

  static Stream<Arguments> fired() {
    return Stream.of(
        Arguments.of("nothing withheld: all planned fired", List.of(), List.of(ALICE, ALL), List.of(ALICE, ALL)),
        Arguments.of("@all withheld", List.of(ALL), List.of(ALICE, ALL, BOB), List.of(ALICE, BOB)),
        Arguments.of("only @all planned and withheld", List.of(ALL), List.of(ALL), List.of()),
        Arguments.of("several withheld, planned order kept", List.of(BOB, ALL), List.of(ALL, ALICE, BOB, CAROL),
            List.of(ALICE, CAROL)),
        Arguments.of("a withheld mention the message did not plan changes nothing", List.of(BOB), List.of(ALICE),
            List.of(ALICE)),
        Arguments.of("a part that carries no mentions", List.of(ALL), List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void fired(String name, List<Mention> withheld, List<Mention> planned, List<Mention> fired) {
    SendResult.Sent sent = withheld.isEmpty() ? new SendResult.Sent() : new SendResult.Sent(withheld, WHY);
    assertThat(sent.fired(planned)).containsExactlyElementsOf(fired);
  }

  @Test
  void theOldWaysOfSayingSentStillMeanNothingWithheld() {
    assertThat(SendResult.sent()).isEqualTo(new SendResult.Sent()).isEqualTo(new SendResult.Sent(List.of(), ""));
    assertThat(SendResult.sent().isSent()).isTrue();
    assertThat(new SendResult.Sent().withheld()).isEmpty();
    assertThat(new SendResult.Sent().note()).isEmpty();
  }

  @Test
  void aSentThatWithheldMentionsIsStillSentAndSaysWhoAndWhy() {
    SendResult r = new SendResult.Sent(List.of(ALL), WHY);
    assertThat(r.isSent()).isTrue();
    assertThat(r).isNotEqualTo(SendResult.sent());
    assertThat(r.toString()).contains("all").contains(WHY);
  }

  @Test
  void withheldMentionsNeedANoteAndANoteNeedsWithheldMentions() {
    assertThatThrownBy(() -> new SendResult.Sent(List.of(ALL), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("withheld mentions need a note saying why, but it was blank");
    assertThatThrownBy(() -> new SendResult.Sent(List.of(), WHY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a note says why mentions were withheld, but none was: \"" + WHY + "\"");
    assertThatThrownBy(() -> new SendResult.Sent(List.of(ALL), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theWithheldListIsACopy() {
    List<Mention> withheld = new ArrayList<>(List.of(ALL));
    SendResult.Sent sent = new SendResult.Sent(withheld, WHY);
    withheld.clear();
    assertThat(sent.withheld()).containsExactly(ALL);
  }

  @Test
  void failureKindIsThatOfAFailureAndEmptyForASend() {
    assertThat(SendResult.sent().failureKind()).isEmpty();
    assertThat(new SendResult.Sent(List.of(ALL), WHY).failureKind()).isEmpty();
    assertThat(new SendResult.Retryable(FailureKind.RATE_LIMITED, "130101", "slow down", null).failureKind())
        .contains(FailureKind.RATE_LIMITED);
    assertThat(new SendResult.Permanent(FailureKind.SIGNATURE_REJECTED, "310000", "sign not match").failureKind())
        .contains(FailureKind.SIGNATURE_REJECTED);
  }
}
