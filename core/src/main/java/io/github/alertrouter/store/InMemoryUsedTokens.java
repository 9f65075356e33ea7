package io.github.alertrouter.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link UsedTokens} in a concurrent map from nonce to expiry. Thread-safe: {@code markUsed} is a
 * single {@code putIfAbsent}, and the sweep that drops expired entries runs in at most one thread
 * at a time.
 */
final class InMemoryUsedTokens implements UsedTokens {
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> nextSweep;

  public InMemoryUsedTokens(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_EVERY));
  }

  @Override
  public boolean markUsed(String nonce, Instant expiresAt) {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Instant now = clock.instant();
    sweepIfDue(now);
    // an entry that expired but was not swept yet must not block: its token is refused as expired
    // before it gets here, and the nonce is random, so a clash means the same token
    return used.putIfAbsent(nonce, expiresAt) == null;
  }

  @Override
  public boolean isUsed(String nonce) {
    // an expired entry no longer counts, swept or not: what used() reports and a shared store keeps
    Instant expiresAt = used.get(Objects.requireNonNull(nonce, "nonce"));
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }

  @Override
  public void release(String nonce) {
    used.remove(Objects.requireNonNull(nonce, "nonce"));
  }

  @Override
  public Map<String, Instant> used() {
    Instant now = clock.instant();
    Map<String, Instant> live = new HashMap<>();
    used.forEach((nonce, expiresAt) -> {
      if (now.isBefore(expiresAt)) {
        live.put(nonce, expiresAt);
      }
    });
    return live;
  }

  /** How many nonces are remembered; for tests. */
  public int size() {
    return used.size();
  }

  private void sweepIfDue(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
      return;
    }
    used.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
  }

  @Override
  public String toString() {
    return "InMemoryUsedTokens[" + used.size() + " used]";
  }
}
