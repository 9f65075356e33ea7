package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.LOOPING;
import static io.github.alertrouter.escalate.Policies.T0;
import static io.github.alertrouter.escalate.Policies.TWO_TIERS;
import static io.github.alertrouter.escalate.Policies.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.store.FiringSlot;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalationFiringTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptions")
  void describesItselfForMessages(String name, EscalationPolicy policy, String slot, String expected) {
    FiringSlot s = slot(slot);
    EscalationFiring firing = new EscalationFiring(s, policy.steps().get(s.stepIndex()), T0);

    assertThat(firing.describe(policy)).isEqualTo(expected);
  }

  static Stream<Arguments> descriptions() {
    return Stream.of(
        arguments("a first firing", TWO_TIERS, "0/0/0", "escalation step 1 of 2"),
        arguments("a repeat", TWO_TIERS, "0/1/0", "escalation step 1 of 2 (repeat 1 of 2)"),
        arguments("the last step", TWO_TIERS, "1/0/0", "escalation step 2 of 2"),
        arguments("a looping policy names the round", LOOPING, "1/0/0", "escalation step 2 of 2, round 1 of 2"),
        arguments("a repeat in a later round", LOOPING, "0/2/1", "escalation step 1 of 2, round 2 of 2 (repeat 2 of 2)"));
  }

  @Test
  void slotNumbersAreNotNegative() {
    assertThatThrownBy(() -> new FiringSlot(0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firing slot numbers must be >= 0, but were step 0, repeat -1, loop 0");
  }
}
