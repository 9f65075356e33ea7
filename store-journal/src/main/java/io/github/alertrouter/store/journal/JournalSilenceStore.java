package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.SilenceStore;
import java.io.IOException;
import java.util.List;

/** Run-time silences: core's in-memory store, each put and remove journaled. */
final class JournalSilenceStore implements SilenceStore, Seam {
  private static final String PUT = "silences.put";
  private static final String REMOVE = "silences.remove";

  private final SilenceStore memory = SilenceStore.inMemory();
  private final Journal journal;

  JournalSilenceStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void put(Silence silence) {
    byte[] line = JournalFormat.line(PUT, Codec.silence(silence));
    journal.change(tx -> {
      tx.append(line);
      memory.put(silence);
      return null;
    });
  }

  @Override
  public void remove(String id) {
    byte[] line = JournalFormat.line(REMOVE, Codec.object().put("id", id));
    journal.change(tx -> {
      tx.append(line);
      memory.remove(id);
      return null;
    });
  }

  @Override
  public List<Silence> all() {
    return memory.all();
  }

  @Override
  public String name() {
    return "silences";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case PUT -> memory.put(Codec.silence(p));
      case REMOVE -> memory.remove(Codec.text(p, "id"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (Silence silence : memory.all()) {
      out.write(PUT, Codec.silence(silence));
    }
  }
}
