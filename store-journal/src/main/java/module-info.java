/**
 * The router's state on one node in a write-ahead journal ({@code serve --storage.path}). Only
 * {@code JournalStores} is public; the seams and the file format are package-private.
 */
module io.github.alertrouter.store.journal {
  requires transitive io.github.alertrouter.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.github.alertrouter.store.journal;
}
