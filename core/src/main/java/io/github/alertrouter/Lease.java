package io.github.alertrouter;

import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet member's hold on the lease, renewed (or tried) every tenth of its time to live on the
 * scheduler. It tells the member when it becomes active, while it stays so, and when it must step
 * down. A renewal that fails (the store unreachable) keeps the member active only until its lease
 * could have expired on the store: counted from before the last renewal that succeeded, less a
 * fifth of the time to live for clocks that run at slightly different rates. So a member always
 * stops before another can start.
 */
final class Lease {
  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final Fleet fleet;
  private final Scheduler scheduler;
  // what the member does as the lease comes and goes, on the scheduler, one at a time
  private final Runnable gained;
  private final Runnable kept; // renewed: the tick's chance to take what other members accepted
  private final Runnable lost; // no longer this member's, or no longer surely
  private final BooleanSupplier stopped;
  private volatile boolean held;
  private volatile Instant validUntil = Instant.MIN;

  Lease(Fleet fleet, Scheduler scheduler, Runnable gained, Runnable kept, Runnable lost, BooleanSupplier stopped) {
    this.fleet = fleet;
    this.scheduler = scheduler;
    this.gained = gained;
    this.kept = kept;
    this.lost = lost;
    this.stopped = stopped;
  }

  /** How often the lease is renewed or tried. */
  static Duration tick(Duration ttl) {
    return ttl.dividedBy(10);
  }

  void start() {
    scheduler.schedule(Duration.ZERO, this::tick);
  }

  /** Goes on with the lease {@code previous} held (the same member, a reload). */
  void continueFrom(Lease previous) {
    validUntil = previous.validUntil;
    held = previous.held;
  }

  private void tick() {
    if (stopped.getAsBoolean()) {
      return;
    }
    Instant started = scheduler.clock().instant();
    boolean now;
    try {
      now = fleet.hold();
      if (now) {
        validUntil = started.plus(fleet.leaseTtl()).minus(fleet.leaseTtl().dividedBy(5));
      }
    } catch (RuntimeException e) {
      now = held && scheduler.clock().instant().isBefore(validUntil);
      LOG.warn("fleet member {}: cannot renew the lease{}: {}", fleet.member(),
          now ? " (still active until " + validUntil + ")" : "", e.getMessage());
    }
    boolean was = held;
    held = now;
    try {
      if (now && !was) {
        gained.run();
      } else if (!now && was) {
        lost.run();
      } else if (now) {
        kept.run();
      }
    } catch (RuntimeException e) {
      LOG.warn("fleet member {}: {}", fleet.member(), e.getMessage());
    }
    scheduler.schedule(tick(fleet.leaseTtl()), this::tick);
  }
}
