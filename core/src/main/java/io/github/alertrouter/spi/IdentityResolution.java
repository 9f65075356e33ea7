package io.github.alertrouter.spi;

import java.util.Objects;

/**
 * The answer of {@link PlatformProvider#resolve}: the identity a contact is @-ed by on the
 * platform, or the reason there is none ("no DingTalk userId or mobile"). Immutable.
 *
 * @param identity the identity, or {@code null} when unresolved
 * @param reason why unresolved, or {@code null} when resolved
 */
public record IdentityResolution(Identity identity, String reason) {
  /** @throws IllegalArgumentException unless exactly one of {@code identity} and {@code reason} is set */
  public IdentityResolution {
    if ((identity == null) == (reason == null)) {
      throw new IllegalArgumentException("either an identity or a reason, not both or neither");
    }
  }

  /** The contact is @-ed by {@code identity}. */
  public static IdentityResolution resolved(Identity identity) {
    return new IdentityResolution(Objects.requireNonNull(identity, "identity"), null);
  }

  /** The contact cannot be @-ed on this platform, for {@code reason}. */
  public static IdentityResolution unresolved(String reason) {
    return new IdentityResolution(null, Objects.requireNonNull(reason, "reason"));
  }

  /** Whether an identity was found. */
  public boolean isResolved() {
    return identity != null;
  }
}
