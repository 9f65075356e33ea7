package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.EscalationStore;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Escalation episodes: core's in-memory store, each put and remove journaled. The in-memory store
 * cannot list its groups, so the keys are kept beside it for compaction.
 */
final class JournalEscalationStore implements EscalationStore, Seam {
  private static final String PUT = "escalations.put";
  private static final String REMOVE = "escalations.remove";

  private final EscalationStore memory = EscalationStore.inMemory();
  private final Set<String> groups = ConcurrentHashMap.newKeySet();
  private final Journal journal;

  JournalEscalationStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public Optional<EscalationState> get(String groupKey) {
    return memory.get(groupKey);
  }

  @Override
  public void put(String groupKey, EscalationState state) {
    byte[] line = JournalFormat.line(PUT, put(groupKey, state, Codec.object()));
    journal.change(tx -> {
      tx.append(line);
      apply(groupKey, state);
      return null;
    });
  }

  @Override
  public void remove(String groupKey) {
    byte[] line = JournalFormat.line(REMOVE, Codec.object().put("group", groupKey));
    journal.change(tx -> {
      if (groups.contains(groupKey)) {
        tx.append(line);
        memory.remove(groupKey);
        groups.remove(groupKey);
      }
      return null;
    });
  }

  private void apply(String groupKey, EscalationState state) {
    memory.put(groupKey, state);
    groups.add(groupKey);
  }

  private static ObjectNode put(String groupKey, EscalationState state, ObjectNode payload) {
    payload.put("group", groupKey).set("state", Codec.escalation(state));
    return payload;
  }

  @Override
  public String name() {
    return "escalations";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case PUT -> apply(Codec.text(p, "group"), Codec.escalation(Codec.field(p, "state")));
      case REMOVE -> {
        memory.remove(Codec.text(p, "group"));
        groups.remove(Codec.text(p, "group"));
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (String group : groups) {
      Optional<EscalationState> state = memory.get(group);
      if (state.isPresent()) {
        out.write(PUT, put(group, state.get(), Codec.object()));
      }
    }
  }
}
