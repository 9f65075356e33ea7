package io.github.alertrouter.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EscalationStore#inMemory()}: a concurrent map; states are immutable, so sharing them is safe. */
final class InMemoryEscalationStore implements EscalationStore {
  private final Map<String, EscalationState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<EscalationState> get(String groupKey) {
    return Optional.ofNullable(states.get(Objects.requireNonNull(groupKey, "groupKey")));
  }

  @Override
  public void put(String groupKey, EscalationState state) {
    states.put(Objects.requireNonNull(groupKey, "groupKey"), Objects.requireNonNull(state, "state"));
  }

  @Override
  public void remove(String groupKey) {
    states.remove(Objects.requireNonNull(groupKey, "groupKey"));
  }
}
