package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alertmanager's dedup decision table, one named row per case. */
class DedupTest {
  private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
  private static final Fingerprint A = new Fingerprint(1);
  private static final Fingerprint B = new Fingerprint(2);
  private static final Duration REPEAT = Duration.ofHours(4);

  private static Entry sent(Set<Fingerprint> firing, Set<Fingerprint> resolved, Duration ago) {
    return new Entry(firing, resolved, NOW.minus(ago));
  }

  static Stream<Arguments> rows() {
    Duration recent = Duration.ofMinutes(5);
    return Stream.of(
        arguments("first notification", null, Set.of(A), Set.of(), true, REPEAT, NotifyReason.FIRST_NOTIFICATION, true),
        arguments("resolved before the first notice: never announced", null, Set.of(), Set.of(A), true, REPEAT,
            null, false),
        arguments("nothing new", sent(Set.of(A), Set.of(), recent), Set.of(A), Set.of(), true, REPEAT, null, false),
        arguments("new alert added", sent(Set.of(A), Set.of(), recent), Set.of(A, B), Set.of(), true, REPEAT,
            NotifyReason.NEW_ALERTS, true),
        arguments("an alert re-fires after resolving", sent(Set.of(B), Set.of(A), recent), Set.of(A, B), Set.of(),
            true, REPEAT, NotifyReason.NEW_ALERTS, true),
        arguments("some resolved, sendResolved", sent(Set.of(A, B), Set.of(), recent), Set.of(A), Set.of(B), true,
            REPEAT, NotifyReason.SOME_RESOLVED, true),
        arguments("some resolved, no sendResolved: nothing", sent(Set.of(A, B), Set.of(), recent), Set.of(A),
            Set.of(B), false, REPEAT, null, false),
        arguments("some resolved already reported", sent(Set.of(A), Set.of(B), recent), Set.of(A), Set.of(B), true,
            REPEAT, null, false),
        arguments("all resolved, sendResolved", sent(Set.of(A), Set.of(), recent), Set.of(), Set.of(A), true, REPEAT,
            NotifyReason.ALL_RESOLVED, true),
        arguments("all resolved, no sendResolved: logged, not sent", sent(Set.of(A), Set.of(), recent), Set.of(),
            Set.of(A), false, REPEAT, NotifyReason.ALL_RESOLVED, false),
        arguments("all resolved already reported", sent(Set.of(), Set.of(A), recent), Set.of(), Set.of(A), true,
            REPEAT, null, false),
        arguments("repeat interval elapsed exactly", sent(Set.of(A), Set.of(), REPEAT), Set.of(A), Set.of(), true,
            REPEAT, NotifyReason.REPEAT, true),
        arguments("repeat interval not yet", sent(Set.of(A), Set.of(), REPEAT.minusSeconds(1)), Set.of(A), Set.of(),
            true, REPEAT, null, false),
        arguments("escalation policy: no repeat", sent(Set.of(A), Set.of(), Duration.ofDays(2)), Set.of(A), Set.of(),
            true, null, null, false),
        arguments("new alerts win over resolved", sent(Set.of(A), Set.of(), recent), Set.of(B), Set.of(A), true,
            REPEAT, NotifyReason.NEW_ALERTS, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String name, Entry last, Set<Fingerprint> firing, Set<Fingerprint> resolved, boolean sendResolved,
      Duration repeat, NotifyReason reason, boolean send) {
    Dedup.Decision d = Dedup.decide(last, firing, resolved, sendResolved, repeat, NOW);
    if (reason == null) {
      assertThat(d).isNull();
    } else {
      assertThat(d).isEqualTo(new Dedup.Decision(reason, send));
    }
  }
}
