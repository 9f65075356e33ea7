package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.MANAGER;
import static io.github.alertrouter.escalate.Policies.PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.config.EscalationTrigger;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.StepRepeat;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EscalationPolicy#roundLength()}: the last firing's offset plus the first step's after. */
class RoundLengthTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void roundLength(String name, List<EscalationStep> steps, Duration expected) {
    assertThat(new EscalationPolicy("p", steps, 1).roundLength()).isEqualTo(expected);
  }

  static Stream<Arguments> rows() {
    EscalationStep longRepeat = new EscalationStep(Duration.ofMinutes(5), EscalationTrigger.UNACKED,
        List.of(MentionTarget.contact("a")), List.of(), new StepRepeat(10, Duration.ofMinutes(10)));
    return Stream.of(
        arguments("one step: twice its after", List.of(MANAGER), Duration.ofMinutes(60)),
        arguments("the last step ends the round: 30m + 10m", List.of(PRIMARY, MANAGER), Duration.ofMinutes(40)),
        arguments("repeats end the round: 10m + 2 * 5m + 10m", List.of(PRIMARY), Duration.ofMinutes(30)),
        arguments("an earlier step's repeats outlast a later step: 5m + 100m + 5m", List.of(longRepeat, MANAGER),
            Duration.ofMinutes(110)));
  }
}
