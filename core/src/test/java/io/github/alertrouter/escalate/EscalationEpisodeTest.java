package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.LOOPING;
import static io.github.alertrouter.escalate.Policies.T0;
import static io.github.alertrouter.escalate.Policies.TWO_TIERS;
import static io.github.alertrouter.escalate.Policies.at;
import static io.github.alertrouter.escalate.Policies.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.store.EscalationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole episodes driven the way the engine will: record what is due, then sleep until the next
 * wake. Polling every minute and jumping from wake to wake must send the same firings, each once.
 */
class EscalationEpisodeTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("episodes")
  void pollingEveryMinuteSendsEachFiringOnce(String name, EscalationPolicy policy, int ackAt, List<String> expected) {
    EscalationState state = EscalationState.start(T0);
    List<EscalationFiring> sent = new ArrayList<>();
    for (int minute = 0; minute <= 200; minute++) {
      state = ackIfDue(state, ackAt, minute);
      List<EscalationFiring> due = EscalationPlanner.due(policy, state, at(minute));
      sent.addAll(due);
      state = state.withFired(EscalationFiring.slots(due), at(minute));
    }
    assertThat(describe(sent)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("episodes")
  void jumpingFromWakeToWakeSendsTheSame(String name, EscalationPolicy policy, int ackAt, List<String> expected) {
    EscalationState state = EscalationState.start(T0);
    List<EscalationFiring> sent = new ArrayList<>();
    Instant now = T0;
    while (now != null) {
      int minute = (int) Duration.between(T0, now).toMinutes();
      state = ackIfDue(state, ackAt, minute);
      List<EscalationFiring> due = EscalationPlanner.due(policy, state, now);
      sent.addAll(due);
      state = state.withFired(EscalationFiring.slots(due), now);
      Instant wake = EscalationPlanner.nextWake(policy, state, now);
      // the engine also wakes when the state changes: here, the acknowledgement
      now = !state.acknowledged() && ackAt > minute && (wake == null || at(ackAt).isBefore(wake)) ? at(ackAt) : wake;
    }
    assertThat(describe(sent)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> episodes() {
    return Stream.of(
        arguments("two tiers, never acknowledged", TWO_TIERS, Integer.MAX_VALUE,
            List.of("0/0/0@10", "0/1/0@15", "0/2/0@20", "1/0/0@30")),
        arguments("acknowledged at 17m: the UNACKED repeats stop, the UNRESOLVED step fires", TWO_TIERS, 17,
            List.of("0/0/0@10", "0/1/0@15", "1/0/0@30")),
        arguments("looping once", LOOPING, Integer.MAX_VALUE,
            List.of("0/0/0@10", "0/1/0@15", "0/2/0@20", "1/0/0@30", "0/0/1@50", "0/1/1@55", "0/2/1@60", "1/0/1@70")),
        arguments("looping, acknowledged at 12m: only the UNRESOLVED step, every round", LOOPING, 12,
            List.of("0/0/0@10", "1/0/0@30", "1/0/1@70")));
  }

  private static EscalationState ackIfDue(EscalationState state, int ackAt, int minute) {
    return minute >= ackAt && !state.acknowledged() ? state.acknowledge("alice", at(minute)) : state;
  }
}
