package io.github.alertrouter.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A shared store for a fleet on virtual time: the alerts, the lease and the inbox behind one lock
 * (as the database's row lock on the lease serialises an intake with a takeover). Each member sees
 * it through its own clock, and can be cut off from it (a partition).
 */
final class SharedStore {
  final AlertStore alerts = AlertStore.inMemory();
  private String holder = "";
  private Instant expiresAt = Instant.MIN;
  private final Set<Fingerprint> inbox = new LinkedHashSet<>();

  /** A member named {@code name}, whose store clock is {@code clock}. */
  Member member(String name, Clock clock, Duration ttl) {
    return new Member(name, clock, ttl);
  }

  synchronized String holder() {
    return holder;
  }

  final class Member implements Fleet {
    private final String name;
    private final Clock clock;
    private final Duration ttl;
    volatile boolean cutOff;

    Member(String name, Clock clock, Duration ttl) {
      this.name = name;
      this.clock = clock;
      this.ttl = ttl;
    }

    private void reach() {
      if (cutOff) {
        throw new StoreException("shared store: unreachable from " + name, null);
      }
    }

    private boolean mine() {
      return holder.equals(name) && expiresAt.isAfter(clock.instant());
    }

    @Override
    public String member() {
      return name;
    }

    @Override
    public Duration leaseTtl() {
      return ttl;
    }

    @Override
    public boolean hold() {
      synchronized (SharedStore.this) {
        reach();
        if (holder.equals(name) || !expiresAt.isAfter(clock.instant())) {
          holder = name;
          expiresAt = clock.instant().plus(ttl);
          return true;
        }
        return false;
      }
    }

    @Override
    public void release() {
      synchronized (SharedStore.this) {
        reach();
        if (holder.equals(name)) {
          expiresAt = Instant.MIN;
        }
      }
    }

    @Override
    public Intake receive(List<Alert> received, Instant now, boolean routeHere) {
      synchronized (SharedStore.this) {
        reach();
        List<Alert> stored = alerts.receive(received, now);
        if (routeHere && mine()) {
          return new Intake(stored, true);
        }
        stored.forEach(a -> inbox.add(a.fingerprint()));
        return new Intake(stored, false);
      }
    }

    @Override
    public List<Alert> takeNew() {
      synchronized (SharedStore.this) {
        reach();
        if (!mine() || inbox.isEmpty()) {
          return List.of();
        }
        Map<Fingerprint, Alert> byFingerprint = alerts.all().stream()
            .collect(Collectors.toMap(Alert::fingerprint, Function.identity()));
        List<Alert> taken = new ArrayList<>();
        inbox.forEach(fp -> {
          Alert a = byFingerprint.get(fp);
          if (a != null) {
            taken.add(a);
          }
        });
        inbox.clear();
        return taken;
      }
    }
  }
}
