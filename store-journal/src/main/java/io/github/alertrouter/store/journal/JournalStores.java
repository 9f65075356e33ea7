package io.github.alertrouter.store.journal;

import io.github.alertrouter.store.StateStores;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.store.UsedTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The router's state on one node, durable in a directory: pass its seams to
 * {@code AlertRouter.builder()}, as {@code serve --storage.path DIR} does.
 *
 * <pre>{@code
 * JournalStores stores = JournalStores.open(Path.of("/var/lib/alert-router"), Clock.systemUTC());
 * AlertRouter router = AlertRouter.builder()
 *     .alertStore(stores.alerts())
 *     .notificationLog(stores.notificationLog())
 *     .rateWindows(stores.rateWindows())
 *     .outbox(stores.outbox())
 *     ...
 * }</pre>
 *
 * <p>Each seam is core's in-memory store, which holds the state and answers every read; each
 * change is also appended to a write-ahead journal ({@code DIR/state.journal}) and synced to disk
 * before the call returns, so what a call acknowledged survives a crash ({@code kill -9}, a power
 * loss on storage that honours fsync). Concurrent changes share one fsync. Opening replays the
 * journal into memory, so after a restart the stores answer exactly as before it; then the
 * journal is rewritten as the current state alone, as it is again whenever it grows past
 * 64 MiB (or 4 times its compacted size).
 *
 * <p>One process holds a directory: opening it while another holds it (or another
 * {@code JournalStores} in this process) is refused. Thread-safe; close it after the routers that
 * use it. A change that cannot be written throws {@link StoreException}, as a database's seams do
 * when the database is down, and the alert store's {@code counts} (what {@code serve}'s readiness
 * asks) throws while the journal cannot take changes.
 */
public final class JournalStores implements StateStores, AutoCloseable {
  private final Journal journal;
  private final JournalNotificationLog notificationLog;
  private final JournalOutbox outbox;
  private final JournalRateWindows rateWindows;
  private final JournalEscalationStore escalations;
  private final JournalHandoffLog handoffs;
  private final JournalUsedTokens usedTokens;
  private final JournalBindingStore bindings;
  private final JournalAlertStore alerts;
  private final JournalSilenceStore silences;

  private JournalStores(Path dir, Clock clock, long compactAt) {
    this.journal = new Journal(dir, compactAt);
    this.alerts = new JournalAlertStore(journal);
    this.notificationLog = new JournalNotificationLog(journal);
    this.silences = new JournalSilenceStore(journal);
    this.escalations = new JournalEscalationStore(journal);
    this.rateWindows = new JournalRateWindows(journal, clock);
    this.handoffs = new JournalHandoffLog(journal, clock);
    this.usedTokens = new JournalUsedTokens(journal, clock);
    this.bindings = new JournalBindingStore(journal);
    this.outbox = new JournalOutbox(journal, notificationLog); // its delivered ends carry the log's records
    // one more seam is one more here, with its record types and a new format version
    journal.open(List.of(alerts, notificationLog, silences, escalations, rateWindows, handoffs, usedTokens, bindings,
        outbox));
  }

  /**
   * Opens the state in {@code dir} (created if missing): locks it, replays its journal and
   * compacts it.
   *
   * @param clock the router's clock: when used action links and rate-window sends expire
   * @throws StoreException when another process holds {@code dir}; when its journal is damaged
   *     before its last record, or was written by a newer version (the message names the file, the
   *     line and byte offset, and what to do); when {@code dir} cannot be written
   */
  public static JournalStores open(Path dir, Clock clock) {
    return open(dir, clock, Journal.COMPACT_AT);
  }

  /** With another compaction bound than 64 MiB (tests compact small journals). */
  static JournalStores open(Path dir, Clock clock, long compactAt) {
    return new JournalStores(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(clock, "clock"), compactAt);
  }

  @Override
  public NotificationLog notificationLog() {
    return notificationLog;
  }

  /**
   * Each robot's queue: an entry is kept from its offer until its lane ends it, and a delivered
   * entry's end is one record with its notification-log record, so after a crash what was queued
   * or out comes back with the next reload (a POST out at the crash is sent again) and what was
   * delivered does not.
   */
  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  @Override
  public EscalationStore escalations() {
    return escalations;
  }

  @Override
  public HandoffLog handoffs() {
    return handoffs;
  }

  @Override
  public UsedTokens usedTokens() {
    return usedTokens;
  }

  @Override
  public BindingStore bindings() {
    return bindings;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public SilenceStore silences() {
    return silences;
  }

  /** The journal file, for messages. */
  public Path file() {
    return journal.file();
  }

  /** The journal itself, for tests (faults, size). */
  Journal journal() {
    return journal;
  }

  /** Syncs, closes the journal and gives the directory up; later changes throw. Idempotent. */
  @Override
  public void close() {
    journal.close();
  }

  /** Lets go of the directory as a killed process would: nothing synced, nothing compacted. For tests. */
  void crash() {
    journal.crash();
  }

  @Override
  public String toString() {
    return "JournalStores[" + journal.file() + "]";
  }
}
