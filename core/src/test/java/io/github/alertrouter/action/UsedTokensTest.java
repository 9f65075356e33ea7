package io.github.alertrouter.action;

import static io.github.alertrouter.action.ActionTokensTest.KEY;
import static io.github.alertrouter.action.ActionTokensTest.T0;
import static io.github.alertrouter.action.ActionTokensTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.time.ManualClock;
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
  final UsedTokens used = UsedTokens.inMemory(clock);

  @Test
  void concurrentPostsPerformExactlyOnce() throws Exception {
    ActionTokens tokens = new ActionTokens(KEY, clock, TTL);
    RecordingTarget target = new RecordingTarget();
    ActionHandler handler = new ActionPages(tokens, target);
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
