package io.github.alertrouter.store;

import io.github.alertrouter.action.ActionToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Remembers which action tokens were used, so that each works once. Keyed by a token's
 * {@link ActionToken#nonce() nonce}; an entry need only be kept until the token's
 * {@code expiresAt}, after which the token is refused as expired anyway.
 *
 * <p>Implementations must be thread-safe, and {@link #markUsed} must be atomic: of two concurrent
 * calls with the same nonce exactly one returns {@code true}. A store shared by several router
 * instances (a database, Redis) makes replay protection hold across them; the in-memory default
 * protects one process only. Arguments are never {@code null}.
 */
public interface UsedTokens {

  /**
   * Marks {@code nonce} used until {@code expiresAt}.
   *
   * @return {@code true} if it was not used before (the caller may act), {@code false} if it was
   */
  boolean markUsed(String nonce, Instant expiresAt);

  /** Whether {@code nonce} is marked used and its mark has not expired. */
  boolean isUsed(String nonce);

  /**
   * Forgets that {@code nonce} was used, so the token works again. Called when the action failed
   * after {@link #markUsed} claimed it, so that the user can retry.
   */
  void release(String nonce);

  /**
   * The nonces marked used that have not expired, with their expiry: what a router's snapshot
   * keeps so that a used link stays used after a restart. A store that outlives the process
   * (a database) may leave the default, which returns nothing.
   */
  default Map<String, Instant> used() {
    return Map.of();
  }

  /**
   * A store in this process's memory that forgets entries once they expire by {@code clock}.
   * Expired entries are swept at most once a minute, during {@link #markUsed}.
   */
  static UsedTokens inMemory(Clock clock) {
    return new InMemoryUsedTokens(clock);
  }
}
