package io.github.alertrouter.store;

import java.util.Optional;

/**
 * Where bindings are kept, at most one per (contact, platform). Implement it to keep bindings in a
 * database; {@link #inMemory()} keeps them for the life of the process.
 *
 * <p>Implementations must be thread-safe: the binding service and the router call them from any
 * thread. Arguments are never {@code null}.
 */
public interface BindingStore {
  /** The binding of {@code contactId} for {@code platform}, if any. */
  Optional<Binding> find(String contactId, String platform);

  /** Stores {@code binding}, replacing the contact's previous binding for that platform. */
  void put(Binding binding);

  /** Removes the contact's binding for {@code platform}; does nothing when there is none. */
  void remove(String contactId, String platform);

  /** A store in a concurrent map: thread-safe, lost when the process ends. */
  static BindingStore inMemory() {
    return new InMemoryBindingStore();
  }
}
