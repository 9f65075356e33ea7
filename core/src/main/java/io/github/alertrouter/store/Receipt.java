package io.github.alertrouter.store;

/**
 * Told once how a dispatched delivery ended, so the caller can record what was <em>delivered</em>
 * (Alertmanager writes its notification log only after a successful send). Called on the sending
 * thread, outside the lane's lock; must return quickly and must not throw.
 */
@FunctionalInterface
public interface Receipt {
  /** A receipt nobody reads. */
  Receipt NONE = outcome -> { };

  /** How a delivery ended. */
  enum Outcome {
    /** The platform accepted every message of it (alone or inside a digest). */
    DELIVERED,
    /** It failed for good: a permanent error, out of attempts, or it could not be rendered. */
    GAVE_UP,
    /** A newer delivery with the same key replaced it before it was sent. */
    SUPERSEDED,
    /**
     * Not queued: the lane is still sending an earlier delivery with the same key (as Alertmanager
     * never runs two notifies of one group at once); whoever dispatched it decides again later.
     */
    BUSY
  }

  /** How the delivery ended; called once per delivery. */
  void completed(Outcome outcome);
}
