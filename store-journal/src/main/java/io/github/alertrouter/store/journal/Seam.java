package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One store seam kept in the journal: a core in-memory store that holds the state, and the
 * records that change it. Its record types are its {@link #name()}, a dot and the change
 * ({@code alerts.receive}); adding a seam to {@link JournalStores} means one more of these and
 * a higher {@link JournalFormat#VERSION}.
 */
interface Seam {
  /** The prefix of this seam's record types. */
  String name();

  /**
   * Applies a record read from the journal at open to memory, as the call that wrote it did.
   *
   * @throws IllegalArgumentException when the type is not this seam's or the payload lacks what it needs
   */
  void replay(String type, JsonNode payload);

  /**
   * Writes records that rebuild the seam's current state from nothing: what compaction keeps.
   * Called with the journal's lock held, so no change runs meanwhile.
   */
  void writeState(Sink out) throws IOException;

  /** Where {@link #writeState} writes. */
  @FunctionalInterface
  interface Sink {
    void write(String type, JsonNode payload) throws IOException;
  }
}
