package io.github.alertrouter.store;

import io.github.alertrouter.Fingerprint;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each robot's chat last received from each alert group: Alertmanager's notification log,
 * written only once the platform accepted the notice, and what dedup decides against. Keyed by the
 * group (its route path and group key, stable across configurations) and the robot id.
 *
 * <p>Routers that follow each other (a reload) may share one log, so that a notice still queued
 * in a robot's lane at the reload is recorded where the next router reads it. Implementations
 * must be thread-safe; arguments are never {@code null}.
 */
public interface NotificationLog {
  /** What {@code robotId}'s chat last received from {@code group}, or {@code null}. */
  Entry get(String group, String robotId);

  /** Records a delivery; an entry older than the one recorded is ignored. */
  void record(String group, String robotId, Entry entry);

  /** Forgets a group (it ended: its next alert starts a new episode). */
  void forget(String group);

  /** Every entry, by group and robot id: what a snapshot keeps. */
  Map<String, Map<String, Entry>> entries();

  /** A log in this process's memory. */
  static NotificationLog inMemory() {
    return new InMemoryNotificationLog();
  }

  /**
   * One delivered notice. Immutable.
   *
   * @param firing fingerprints it showed firing
   * @param resolved fingerprints it showed resolved
   * @param at when it was delivered
   */
  record Entry(Set<Fingerprint> firing, Set<Fingerprint> resolved, Instant at) {
    /**
     * Copies the sets.
     *
     * @throws NullPointerException if a component is null
     */
    public Entry {
      firing = Set.copyOf(firing);
      resolved = Set.copyOf(resolved);
      Objects.requireNonNull(at, "at");
    }
  }
}
