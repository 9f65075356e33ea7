package io.github.alertrouter.internal.engine;

import io.github.alertrouter.Fingerprint;
import java.time.Instant;
import java.util.Set;

/**
 * What a group last notified: Alertmanager's notification-log entry. Immutable.
 *
 * @param firing fingerprints that were firing in the last notification
 * @param resolved fingerprints that were resolved in it
 * @param at when it was made
 */
record LogEntry(Set<Fingerprint> firing, Set<Fingerprint> resolved, Instant at) {
  LogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }
}
