package io.github.alertrouter.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A value that must never be printed: a webhook URL with its access token, a signing secret.
 * {@link #toString()} is {@code ***}; only {@link #reveal()} gives the value, and only code that
 * sends or signs should call it. Equality compares values in constant time. Immutable and
 * thread-safe.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret value itself. Never log it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0; // a hash of the value would leak information about it; secrets are never map keys
  }

  @Override
  public String toString() {
    return "***";
  }
}
