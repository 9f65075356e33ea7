package io.github.alertrouter.binding;

import static io.github.alertrouter.binding.BindingFixture.ALICE;
import static io.github.alertrouter.binding.BindingFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory store, and what counts as bound. */
class BindingStoreTest {
  private final BindingStore store = BindingStore.inMemory();
  private final Binding alice = new Binding("alice", "dingtalk", ALICE, START);

  @Test
  void oneBindingPerContactAndPlatform() {
    Binding later = new Binding("alice", "dingtalk", ALICE, START.plus(Duration.ofDays(1)));
    Binding lark = new Binding("alice", "lark", ALICE, START);
    store.put(alice);
    store.put(later);
    store.put(lark);

    assertThat(store.find("alice", "dingtalk")).contains(later);
    assertThat(store.find("alice", "lark")).contains(lark);
    assertThat(store.find("bob", "dingtalk")).isEmpty();

    store.remove("alice", "dingtalk");
    store.remove("nobody", "dingtalk");
    assertThat(store.find("alice", "dingtalk")).isEmpty();
    assertThat(store.find("alice", "lark")).contains(lark);
  }

  @Test
  void aBindingOfANumberTheContactNoLongerHasDoesNotCount() {
    BindingFixture f = new BindingFixture();
    f.store.put(alice);
    BindingService renumbered = BindingService.create(
        BindingFixture.config(Map.of("alice", "13800000009")), f.sender, f.store, f.time.clock());

    assertThat(f.service.isBound("alice", "dingtalk")).isTrue();
    assertThat(renumbered.isBound("alice", "dingtalk")).isFalse();
    assertThat(renumbered.isBound("ghost", "dingtalk")).isFalse();
  }

  @Test
  void unbindRemovesTheBinding() {
    BindingFixture f = new BindingFixture();
    f.store.put(alice);
    f.service.unbind("alice", "dingtalk");

    assertThat(f.service.isBound("alice", "dingtalk")).isFalse();
  }

  @Test
  void contactsBindConcurrently() throws Exception {
    List<String> numbers = IntStream.range(0, 32).mapToObj(i -> String.format("1380000%04d", i)).toList();
    Map<String, String> mobiles = new java.util.HashMap<>();
    numbers.forEach(n -> mobiles.put("c" + n, n));
    BindingFixture f = new BindingFixture(BindingFixture.config(mobiles));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ConfirmResult>> results = numbers.stream().map(n -> pool.submit(() -> {
        String link = f.link();
        f.service.startVerification(link, n);
        return f.service.confirm(link, f.codeSentTo(n));
      })).toList();
      for (Future<ConfirmResult> result : results) {
        assertThat(result.get()).isInstanceOf(ConfirmResult.Bound.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(numbers).allSatisfy(n -> assertThat(f.service.isBound("c" + n, "dingtalk")).isTrue());
  }
}
