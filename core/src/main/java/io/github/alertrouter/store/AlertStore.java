package io.github.alertrouter.store;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import java.time.Instant;
import java.util.List;

/**
 * The router's alerts by fingerprint: what it received and has not yet dropped. A router answers
 * a submit only once its alerts are here, so a store that survives the process (a database, a
 * file) means an accepted alert survives a crash; a router built on a store that holds alerts
 * carries on with them. Implementations must be thread-safe; arguments are never {@code null}.
 */
public interface AlertStore {
  /**
   * Stores alerts as received at {@code now}, each with its start and end already set by the
   * router, and returns each as stored, in the order given: an update of an alert that still
   * fires keeps its original start ({@link #continued}). A later alert in the list with the same
   * fingerprint updates an earlier one. Durable, as far as the store is, when it returns.
   *
   * @throws StoreException when the store cannot take them (nothing of the list is stored then)
   */
  List<Alert> receive(List<Alert> alerts, Instant now);

  /** Records that a stored alert was resolved by hand ({@code ended}), unless it had ended by {@code now}. */
  void resolved(Alert ended, Instant now);

  /** Every stored alert, in no particular order. */
  List<Alert> all();

  /**
   * How many alerts are stored, and how many of them fire at {@code now}: a full count, which may
   * read every alert. The router keeps its own counts for {@code stats()} and does not call this;
   * it is for checks and tools.
   */
  Counts counts(Instant now);

  /**
   * Returns when the store can take alerts now, throws {@link StoreException} when it cannot. The
   * router asks on every {@code stats()}, which is {@code serve}'s readiness probe and each
   * {@code /metrics} scrape, so it must cost the same however many alerts are stored: a file
   * checks that its last write succeeded, a database runs a trivial query. The default, for a
   * store in memory, has nothing to check.
   */
  default void probe() {}

  /**
   * Drops the alerts resolved at {@code cutoff} (ended then or before) and returns their
   * fingerprints. An alert updated meanwhile so that it fires is kept.
   */
  List<Fingerprint> expire(Instant cutoff);

  /** How many alerts a store holds. */
  record Counts(int stored, int firing) {}

  /**
   * What an alert stored as {@code stored} becomes when {@code received} arrives at {@code now}
   * (Alertmanager's rule): an update of an alert still firing that began earlier keeps that start
   * (one episode); otherwise the received alert replaces it (a new episode, or a correction).
   */
  static Alert continued(Alert stored, Alert received, Instant now) {
    if (stored.isResolvedAt(now) || stored.startsAt() == null || received.startsAt() == null
        || !stored.startsAt().isBefore(received.startsAt())) {
      return received;
    }
    return new Alert(received.labels(), received.annotations(), stored.startsAt(), received.endsAt(),
        received.generatorURL());
  }

  /** Alerts in this process's memory. */
  static AlertStore inMemory() {
    return new InMemoryAlertStore();
  }
}
