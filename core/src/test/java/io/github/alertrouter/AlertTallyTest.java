package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.store.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The counts the router keeps ({@link AlertTally}) against a full count of the store it mirrors:
 * the in-memory store, given the same receives, resolves and expiries, asked at times that move
 * forward, stand still and (a clock set back) move back.
 */
class AlertTallyTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");

  @Test
  void anAlertStopsFiringWhenItsEndPassesWithNothingToldAndStartsAgainWhenTheClockGoesBack() {
    AlertTally tally = new AlertTally();
    tally.stored(List.of(alert("A", T0.plusSeconds(60)), alert("B", null), alert("C", T0.plusSeconds(60))));

    assertThat(tally.counts(T0)).isEqualTo(new AlertStore.Counts(3, 3));
    assertThat(tally.counts(T0.plusSeconds(60))).as("ended at +60 s").isEqualTo(new AlertStore.Counts(3, 1));
    assertThat(tally.counts(T0.plusSeconds(59))).as("a clock set back").isEqualTo(new AlertStore.Counts(3, 3));

    tally.stored(List.of(alert("A", T0.plusSeconds(600)))); // the source sent it again
    assertThat(tally.counts(T0.plusSeconds(60))).isEqualTo(new AlertStore.Counts(3, 2));
    tally.expired(List.of(alert("C", null).fingerprint()));
    assertThat(tally.counts(T0.plusSeconds(60))).isEqualTo(new AlertStore.Counts(2, 2));
  }

  @Test
  void aResolveByHandEndsAFiringAlertButNotOneThatHadEndedOrIsNotHeld() {
    AlertTally tally = new AlertTally();
    tally.stored(List.of(alert("A", T0.plusSeconds(600)), alert("B", T0.plusSeconds(30))));

    tally.resolved(alert("A", T0.plusSeconds(60)), T0.plusSeconds(60));
    tally.resolved(alert("B", T0.plusSeconds(900)), T0.plusSeconds(60)); // had ended at +30 s
    tally.resolved(alert("C", T0.plusSeconds(900)), T0.plusSeconds(60));

    assertThat(tally.counts(T0.plusSeconds(59))).isEqualTo(new AlertStore.Counts(2, 1));
    assertThat(tally.counts(T0.plusSeconds(60))).isEqualTo(new AlertStore.Counts(2, 0));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 19, 2026})
  void randomChangesAndTimesAlwaysCountAsTheStoreDoes(long seed) {
    Random random = new Random(seed);
    AlertStore store = AlertStore.inMemory();
    AlertTally tally = new AlertTally();
    Instant now = T0;
    for (int step = 0; step < 3_000; step++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> { // a batch, updates of held alerts among them
          List<Alert> batch = new ArrayList<>();
          for (int i = random.nextInt(20); i >= 0; i--) {
            batch.add(alert("A" + random.nextInt(200), randomEnd(random, now)));
          }
          tally.stored(store.receive(batch, now));
        }
        case 2 -> { // resolved by hand
          Alert ended = alert("A" + random.nextInt(200), now.minusSeconds(random.nextInt(5)));
          store.resolved(ended, now);
          tally.resolved(ended, now);
        }
        case 3 -> tally.expired(store.expire(now.minusSeconds(random.nextInt(600))));
        case 4 -> now = now.plusSeconds(random.nextInt(120)); // past ends, and often onto one
        default -> { } // asked again at the same time
      }
      // asked at now, and now and then at another time, before or after it
      Instant asked = random.nextInt(10) == 0 ? now.plusSeconds(random.nextInt(1_200) - 600) : now;
      assertThat(tally.counts(asked)).as("step %d at %s", step, asked).isEqualTo(store.counts(asked));
    }
  }

  /** No end, one already passed, or one ahead; in whole seconds, as time moves, so that ends are met exactly. */
  private static Instant randomEnd(Random random, Instant now) {
    int pick = random.nextInt(10);
    return pick == 0 ? null : now.plus(Duration.ofSeconds(random.nextInt(900) - (pick == 1 ? 900 : 0)));
  }

  private static Alert alert(String name, Instant endsAt) {
    Instant start = endsAt == null || endsAt.isAfter(T0) ? T0 : endsAt;
    return Alert.firing(Map.of("alertname", name)).startsAt(start).endsAt(endsAt).build();
  }
}
