package io.github.alertrouter.escalate;

import static io.github.alertrouter.escalate.Policies.T0;
import static io.github.alertrouter.escalate.Policies.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EscalationStoreTest {
  private final EscalationStore store = EscalationStore.inMemory();

  @Test
  void keepsOneEpisodePerGroup() {
    EscalationState first = EscalationState.start(T0);
    EscalationState other = EscalationState.start(at(3));

    store.put("g1", first);
    store.put("g2", other);

    assertThat(store.get("g1")).contains(first);
    assertThat(store.get("g2")).contains(other);
    assertThat(store.get("g3")).isEmpty();
  }

  @Test
  void putReplacesTheEpisodesState() {
    store.put("g", EscalationState.start(T0));
    EscalationState acked = EscalationState.start(T0).acknowledge("alice", at(5));

    store.put("g", acked);

    assertThat(store.get("g")).contains(acked);
  }

  @Test
  void aGroupThatFiresAgainAfterRemoveStartsANewEpisode() {
    store.put("g", EscalationState.start(T0).resolve());

    store.remove("g");
    store.remove("g"); // removing what is absent is fine

    assertThat(store.get("g")).isEmpty();
  }

  @Test
  void isSafeToShareAcrossThreads() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    IntStream.range(0, 1000).forEach(i -> pool.execute(() -> {
      store.put("g" + i, EscalationState.start(at(i)));
      if (i % 2 == 0) {
        store.remove("g" + i);
      }
    }));
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(IntStream.range(0, 1000).filter(i -> store.get("g" + i).isPresent()).count()).isEqualTo(500);
    assertThat(store.get("g7")).contains(EscalationState.start(at(7)));
  }
}
