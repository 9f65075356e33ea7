package io.github.alertrouter.action;

import static io.github.alertrouter.action.ActionTokensTest.KEY;
import static io.github.alertrouter.action.ActionTokensTest.T0;
import static io.github.alertrouter.action.ActionTokensTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsedTokensTest {
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

  @Test
  void concurrentPostsPerformExactlyOnce() throws Exception {
    ActionTokens tokens = new ActionTokens(KEY, clock, TTL);
    RecordingTarget target = new RecordingTarget();
    ActionHandler handler = new ActionHandler(tokens, target);
    String path = "/actions/" + tokens.issue(Action.RESOLVE, "g");
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        statuses.add(pool.submit(() -> {
          go.await();
          return handler.handle("POST", path, Map.of(), new byte[0]).status();
        }));
      }
      go.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : statuses) {
        results.add(f.get(10, TimeUnit.SECONDS));
      }

      assertThat(results).filteredOn(s -> s == 200).hasSize(1);
      assertThat(results).filteredOn(s -> s == 409).hasSize(threads - 1);
      assertThat(target.calls).containsExactly("resolve g by someone");
    } finally {
      pool.shutdownNow();
    }
  }
}
