package io.github.alertrouter.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link BindingStore#inMemory()}: a concurrent map keyed by (contact, platform). Thread-safe. */
final class InMemoryBindingStore implements BindingStore {
  private record Key(String contactId, String platform) {}

  private final ConcurrentMap<Key, Binding> bindings = new ConcurrentHashMap<>();

  @Override
  public Optional<Binding> find(String contactId, String platform) {
    return Optional.ofNullable(bindings.get(new Key(contactId, platform)));
  }

  @Override
  public void put(Binding binding) {
    bindings.put(new Key(binding.contactId(), binding.platform()), binding);
  }

  @Override
  public void remove(String contactId, String platform) {
    bindings.remove(new Key(contactId, platform));
  }

  @Override
  public String toString() {
    return "InMemoryBindingStore[" + bindings.size() + " bindings]";
  }
}
