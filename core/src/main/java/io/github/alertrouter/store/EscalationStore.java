package io.github.alertrouter.store;

import java.util.Optional;

/**
 * Keeps each alert group's current escalation episode between decisions. Implementations are
 * thread-safe; a shared store (JDBC, Redis) can implement it so that several routers escalate a
 * group once.
 *
 * <p><b>Contract with the engine.</b> The engine {@link #put}s a state when a group's first notice
 * goes out and after each change (firings recorded, ack, unack), and {@link #remove}s it when the
 * group resolves. A group that fires again after resolving therefore finds no state and starts a
 * new episode from the first step.
 */
public interface EscalationStore {
  /** The group's current episode, or empty when it has none. */
  Optional<EscalationState> get(String groupKey);

  /** Stores {@code state} as the group's current episode, replacing any earlier one. */
  void put(String groupKey, EscalationState state);

  /** Forgets the group's episode; nothing happens when it has none. */
  void remove(String groupKey);

  /** A store in this process's memory, for one router. */
  static EscalationStore inMemory() {
    return new InMemoryEscalationStore();
  }
}
