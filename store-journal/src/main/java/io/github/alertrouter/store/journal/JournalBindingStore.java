package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.store.Binding;
import io.github.alertrouter.store.BindingStore;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bindings: core's in-memory store, each put and remove journaled. The in-memory store cannot list
 * its bindings, so their keys are kept beside it for compaction.
 */
final class JournalBindingStore implements BindingStore, Seam {
  private static final String PUT = "bindings.put";
  private static final String REMOVE = "bindings.remove";

  private record Key(String contactId, String platform) {}

  private final BindingStore memory = BindingStore.inMemory();
  private final Set<Key> keys = ConcurrentHashMap.newKeySet();
  private final Journal journal;

  JournalBindingStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public Optional<Binding> find(String contactId, String platform) {
    return memory.find(contactId, platform);
  }

  @Override
  public void put(Binding binding) {
    byte[] line = JournalFormat.line(PUT, Codec.binding(binding));
    journal.change(tx -> {
      tx.append(line);
      apply(binding);
      return null;
    });
  }

  @Override
  public void remove(String contactId, String platform) {
    byte[] line = JournalFormat.line(REMOVE, Codec.object().put("contact", contactId).put("platform", platform));
    journal.change(tx -> {
      if (keys.contains(new Key(contactId, platform))) {
        tx.append(line);
        unapply(contactId, platform);
      }
      return null;
    });
  }

  private void apply(Binding binding) {
    memory.put(binding);
    keys.add(new Key(binding.contactId(), binding.platform()));
  }

  private void unapply(String contactId, String platform) {
    memory.remove(contactId, platform);
    keys.remove(new Key(contactId, platform));
  }

  @Override
  public String name() {
    return "bindings";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case PUT -> apply(Codec.binding(p));
      case REMOVE -> unapply(Codec.text(p, "contact"), Codec.text(p, "platform"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (Key key : keys) {
      Optional<Binding> binding = memory.find(key.contactId(), key.platform());
      if (binding.isPresent()) {
        out.write(PUT, Codec.binding(binding.get()));
      }
    }
  }
}
