package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.PRIMARY;
import static io.github.alertrouter.escalate.Policies.T0;
import static io.github.alertrouter.escalate.Policies.at;
import static io.github.alertrouter.escalate.Policies.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.store.EscalationState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationStateTest {

  @Test
  void recordsAFiringOnceWithItsFirstTime() {
    EscalationFiring firing = new EscalationFiring(slot("0/0/0"), PRIMARY, at(10));

    EscalationState state = EscalationState.start(T0)
        .withFired(List.of(firing.slot()), at(11))
        .withFired(List.of(firing.slot()), at(12));

    assertThat(state.fired()).isEqualTo(Map.of(slot("0/0/0"), at(11)));
    assertThat(state.hasFired(slot("0/0/0"))).isTrue();
    assertThat(state.hasFired(slot("0/0/1"))).isFalse();
  }

  @Test
  void acknowledgesAndUnacknowledges() {
    EscalationState acked = EscalationState.start(T0).acknowledge("alice", at(5));

    assertThat(acked.acknowledged()).isTrue();
    assertThat(acked.acknowledgedBy()).isEqualTo("alice");
    assertThat(acked.acknowledgedAt()).isEqualTo(at(5));
    assertThat(acked.unacknowledge().acknowledged()).isFalse();
    assertThat(acked.unacknowledge().acknowledgedBy()).isNull();
    assertThat(acked.resolve().resolved()).isTrue();
    assertThat(acked.resolve().acknowledged()).isTrue();
  }

  @Test
  void whoAndWhenAreSetTogether() {
    assertThatThrownBy(() -> new EscalationState(T0, Map.of(), "alice", null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acknowledgedBy and acknowledgedAt must be set together, but were alice and null");
  }
}
