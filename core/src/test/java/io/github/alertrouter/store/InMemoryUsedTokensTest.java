package io.github.alertrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryUsedTokensTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
  final ManualClock clock = new ManualClock(T0);
  final InMemoryUsedTokens used = new InMemoryUsedTokens(clock);

  @Test
  void markUsedSucceedsOnce() {
    assertThat(used.markUsed("n1", T0.plusSeconds(60))).isTrue();
    assertThat(used.markUsed("n1", T0.plusSeconds(60))).isFalse();
    assertThat(used.isUsed("n1")).isTrue();
    assertThat(used.isUsed("n2")).isFalse();
  }

  @Test
  void expiredEntriesAreForgottenBySweep() {
    used.markUsed("short", T0.plusSeconds(30));
    used.markUsed("long", T0.plus(Duration.ofHours(2)));

    clock.advance(Duration.ofSeconds(59));
    used.markUsed("trigger-1", T0.plus(Duration.ofHours(2)));
    assertThat(used.size()).as("no sweep before a minute has passed").isEqualTo(3);

    clock.advance(Duration.ofSeconds(1));
    used.markUsed("trigger-2", T0.plus(Duration.ofHours(2)));

    assertThat(used.isUsed("short")).isFalse();
    assertThat(used.isUsed("long")).isTrue();
    assertThat(used.size()).isEqualTo(3);

    clock.advance(Duration.ofHours(3));
    used.markUsed("trigger-3", clock.instant().plusSeconds(1));
    assertThat(used.size()).isEqualTo(1);
  }

}
