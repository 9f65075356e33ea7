package io.github.alertrouter.store;

import io.github.alertrouter.config.Silence;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link SilenceStore} in a sorted concurrent map. */
final class InMemorySilenceStore implements SilenceStore {
  private final ConcurrentSkipListMap<String, Silence> silences = new ConcurrentSkipListMap<>();

  @Override
  public void put(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public void remove(String id) {
    silences.remove(id);
  }

  @Override
  public List<Silence> all() {
    return List.copyOf(silences.values());
  }
}
