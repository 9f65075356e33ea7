package io.github.alertrouter.store;

import io.github.alertrouter.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Several routers (a fleet of {@code serve} instances) on one shared store, exactly one of them
 * <em>active</em>: it alone forms groups, runs their timers and sends. Every member accepts
 * alerts into the store; the active one routes what any member accepted. Being active is a lease
 * with a time to live, kept on the store's clock: a member that stops renewing it (a crash, a lost
 * connection) is replaced once it expires, and the member taking over carries on from the stored
 * alerts and what each chat received.
 *
 * <p>What makes it safe: a member stops acting as the active one before its lease can expire on
 * the store (it counts the time to live from before each renewal, less a margin), and an intake
 * that finds this member holding the lease keeps the lease from changing hands until the alerts
 * are stored, so a member taking over always sees them. Alerts accepted while this member does
 * not hold it wait in the store for whichever member does ({@link #takeNew}).
 *
 * <p>Implementations must be thread-safe; their calls throw {@link StoreException} when the store
 * cannot be reached.
 */
public interface Fleet {
  /** This member's name, unique in the fleet (for logs and the lease's holder). */
  String member();

  /** How long the lease lasts after its last renewal. */
  Duration leaseTtl();

  /** Takes the lease if nobody holds it (or its holder's expired), or renews it; true when this member holds it. */
  boolean hold();

  /** Gives the lease up if this member holds it (a clean stop), so that another takes over at once. */
  void release();

  /**
   * Stores {@code alerts} as {@link AlertStore#receive} does. When {@code routeHere} and this
   * member holds the lease, the answer says so and the caller routes them; otherwise they are
   * recorded as new for the active member to take.
   */
  Intake receive(List<Alert> alerts, Instant now, boolean routeHere);

  /**
   * The alerts recorded as new since the last take, as stored now, each handed out once across
   * the fleet and only to the lease holder (an empty list for anyone else).
   */
  List<Alert> takeNew();

  /**
   * What an intake stored, and whether the caller routes it (it holds the lease).
   *
   * @param stored the alerts as stored
   * @param routeHere whether the caller holds the lease and routes them itself
   */
  record Intake(List<Alert> stored, boolean routeHere) {
    /** Copies {@code stored}, which must not be null. */
    public Intake {
      stored = List.copyOf(stored);
    }
  }
}
