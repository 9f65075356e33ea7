package io.github.alertrouter.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified contents of an action token: what to do to which alert group, until when.
 *
 * <p>{@code silenceFor} is present exactly when {@code action} is {@link Action#SILENCE}, and then
 * positive. {@code expiresAt} is after {@code issuedAt}. {@code nonce} is the token's unique
 * random id (base64url), used to refuse replays; {@code keyId} names the signing key. Immutable and
 * thread-safe; no component is {@code null}.
 *
 * @throws IllegalArgumentException from the constructor if an invariant does not hold
 */
public record ActionToken(
    Action action,
    String groupKey,
    Optional<Duration> silenceFor,
    Instant issuedAt,
    Instant expiresAt,
    String nonce,
    String keyId) {

  public ActionToken {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(silenceFor, "silenceFor");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(keyId, "keyId");
    if ((action == Action.SILENCE) != silenceFor.isPresent()) {
      throw new IllegalArgumentException(
          "silenceFor must be present exactly for SILENCE, but action was " + action
              + " and silenceFor was " + silenceFor.map(Duration::toString).orElse("empty"));
    }
    silenceFor.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("silenceFor must be > 0, but was " + d);
      }
    });
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "expiresAt must be after issuedAt, but was " + expiresAt + " <= " + issuedAt);
    }
  }

  /** Whether the token is expired at {@code now}: expiry is exclusive, so at {@code expiresAt} it is. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
