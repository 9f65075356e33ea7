package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.LOOPING;
import static io.github.alertrouter.escalate.Policies.T0;
import static io.github.alertrouter.escalate.Policies.TWO_TIERS;
import static io.github.alertrouter.escalate.Policies.at;
import static io.github.alertrouter.escalate.Policies.describe;
import static io.github.alertrouter.escalate.Policies.fired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.store.EscalationState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which firings are due, and when the next one is, over virtual minutes; see {@link Policies}. */
class EscalationPlannerTest {
  private static final String[] ROUND_0 = {"0/0/0", "0/1/0", "0/2/0", "1/0/0"};
  private static final String[] BOTH_ROUNDS = {"0/0/0", "0/1/0", "0/2/0", "1/0/0", "0/0/1", "0/1/1", "0/2/1", "1/0/1"};

  @ParameterizedTest(name = "{0}")
  @MethodSource("dueRows")
  void due(String name, EscalationPolicy policy, EscalationState state, int minute, List<String> expected) {
    assertThat(describe(EscalationPlanner.due(policy, state, at(minute)))).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> dueRows() {
    EscalationState fresh = EscalationState.start(T0);
    EscalationState acked = fresh.acknowledge("alice", at(5));
    return Stream.of(
        row("nothing before the first step's after", TWO_TIERS, fresh, 9),
        row("the first step at its after, inclusive", TWO_TIERS, fresh, 10, "0/0/0@10"),
        row("a recorded firing is not due again", TWO_TIERS, fired("0/0/0"), 12),
        row("repeat 1 at after + every", TWO_TIERS, fired("0/0/0"), 15, "0/1/0@15"),
        row("repeat 2 at after + 2 * every", TWO_TIERS, fired("0/0/0", "0/1/0"), 20, "0/2/0@20"),
        row("no repeat past the count", TWO_TIERS, fired("0/0/0", "0/1/0", "0/2/0"), 29),
        row("the second step at its after", TWO_TIERS, fired("0/0/0", "0/1/0", "0/2/0"), 30, "1/0/0@30"),
        row("late: only a step's latest firing is due, earlier ones are superseded", TWO_TIERS, fresh, 21,
            "0/2/0@20"),
        row("late: one firing per step, ordered by schedule", TWO_TIERS, fresh, 35, "0/2/0@20", "1/0/0@30"),
        row("late: a superseded firing stays unfired", TWO_TIERS, fired("0/2/0"), 25),
        row("acknowledged: an UNACKED step is held back", TWO_TIERS, acked, 10),
        row("acknowledged: an UNRESOLVED step still fires", TWO_TIERS, acked, 30, "1/0/0@30"),
        row("unacknowledged within the slot: the held-back firing fires late", TWO_TIERS,
            acked.unacknowledge(), 12, "0/0/0@10"),
        row("unacknowledged after the slot: the next repeat fires instead", TWO_TIERS,
            acked.unacknowledge(), 16, "0/1/0@15"),
        row("unacknowledged after the last repeat: it fires late, not never", TWO_TIERS,
            acked.unacknowledge(), 45, "0/2/0@20", "1/0/0@30"),
        row("resolved: nothing", TWO_TIERS, fresh.resolve(), 30),
        row("resolved while acknowledged: not even UNRESOLVED steps", TWO_TIERS, acked.resolve(), 30),
        row("all fired and no loops: nothing, ever", TWO_TIERS, fired(ROUND_0), 10_000),
        row("loops: round 1 starts a round length (40m) after the first notice", LOOPING, fired(ROUND_0), 50,
            "0/0/1@50"),
        row("loops: round 1 is quiet until then", LOOPING, fired(ROUND_0), 49),
        row("loops: round 1 repeats", LOOPING, fired(ROUND_0), 55, "0/1/1@55"),
        row("loops: round 1's later step", LOOPING, fired("0/0/0", "0/1/0", "0/2/0", "1/0/0", "0/0/1", "0/1/1",
            "0/2/1"), 70, "1/0/1@70"),
        row("loops: a round supersedes the previous round's unfired firing", LOOPING, fired("0/0/0"), 52,
            "1/0/0@30", "0/0/1@50"),
        row("loops: after the last round, nothing", LOOPING, fired(BOTH_ROUNDS), 10_000),
        row("loops: after the last round, a late step fires its last firing", LOOPING, fired(ROUND_0), 10_000,
            "0/2/1@60", "1/0/1@70"),
        row("before the first notice (a clock behind): nothing", TWO_TIERS, fresh, -5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextWakeRows")
  void nextWake(String name, EscalationPolicy policy, EscalationState state, int minute, Integer expected) {
    assertThat(EscalationPlanner.nextWake(policy, state, at(minute))).isEqualTo(expected == null ? null : at(expected));
  }

  static Stream<Arguments> nextWakeRows() {
    EscalationState fresh = EscalationState.start(T0);
    EscalationState acked = fresh.acknowledge("alice", at(5));
    return Stream.of(
        arguments("the first step", TWO_TIERS, fresh, 0, 10),
        arguments("strictly after now: a firing due now is due's answer", TWO_TIERS, fresh, 10, 15),
        arguments("the next repeat", TWO_TIERS, fired("0/0/0"), 11, 15),
        arguments("the next step after the repeats", TWO_TIERS, fired("0/0/0", "0/1/0", "0/2/0"), 20, 30),
        arguments("none after the last firing without loops", TWO_TIERS, fired(ROUND_0), 30, null),
        arguments("acknowledged: only UNRESOLVED steps wake", TWO_TIERS, acked, 5, 30),
        arguments("acknowledged after the UNRESOLVED step: none", TWO_TIERS, acked, 30, null),
        arguments("resolved: none", TWO_TIERS, fresh.resolve(), 0, null),
        arguments("loops: the next round", LOOPING, fired(ROUND_0), 30, 50),
        arguments("loops: within round 1", LOOPING, fired(ROUND_0), 55, 60),
        arguments("loops: none after the last round", LOOPING, fired(BOTH_ROUNDS), 70, null),
        arguments("a firing recorded ahead of its time is skipped", TWO_TIERS, fired("0/0/0"), 0, 15),
        arguments("before the first notice: the first step", TWO_TIERS, fresh, -5, 10));
  }

  private static Arguments row(String name, EscalationPolicy policy, EscalationState state, int minute,
      String... expected) {
    return arguments(name, policy, state, minute, List.of(expected));
  }
}
