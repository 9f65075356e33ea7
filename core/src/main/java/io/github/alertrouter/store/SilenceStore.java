package io.github.alertrouter.store;

import io.github.alertrouter.config.Silence;
import java.util.List;

/**
 * The silences added at run time (an API call, a chat's "silence 1 h" link), by id; configured
 * silences live in the configuration. A router built on a store that holds silences applies them.
 * Implementations must be thread-safe; arguments are never {@code null}.
 */
public interface SilenceStore {
  /** Adds {@code silence}, or replaces the one with its id. */
  void put(Silence silence);

  /** Removes the silence with this id, if there is one. */
  void remove(String id);

  /** Every stored silence, ordered by id. */
  List<Silence> all();

  /** Silences in this process's memory. */
  static SilenceStore inMemory() {
    return new InMemorySilenceStore();
  }
}
