package io.github.alertrouter.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value that must never be printed: a webhook URL with its access token, a signing secret.
 * {@link #toString()} is {@code ***}; only {@link #reveal()} gives the value, and only code that
 * sends or signs should call it. Equality compares values in constant time. Immutable and
 * thread-safe.
 *
 * <p>In code, read one from the environment with {@link #fromEnv(String)}: an unset variable is a
 * {@link ConfigException} naming the variable, where {@code Secret.of(System.getenv(name))} could
 * only say that a value was null.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a value; an empty one is allowed (a robot treats an empty signing secret as none).
   *
   * @param value the secret text; not null
   * @throws NullPointerException when {@code value} is null, saying so in words and pointing to
   *     {@link #fromEnv(String)}, the usual cure when the null came from an unset variable
   */
  public static Secret of(String value) {
    if (value == null) {
      throw new NullPointerException("Secret.of(null): a secret needs a value, but got null"
          + " (to read an environment variable, use Secret.fromEnv(\"NAME\"): it names a variable that is not set)");
    }
    return new Secret(value);
  }

  /**
   * The value of the process's environment variable {@code name}, as a secret.
   *
   * @param name the variable's name, such as {@code DINGTALK_SRE_URL}; not null
   * @throws ConfigException naming the variable (never a value) when it is not set or is empty:
   *     no webhook or signing secret is empty, and an empty one is usually an {@code export NAME=}
   *     that would otherwise surface later as a refused URL or a bad signature
   */
  public static Secret fromEnv(String name) {
    return fromEnv(name, System.getenv());
  }

  /**
   * Like {@link #fromEnv(String)}, reading {@code name} from {@code environment} instead of the
   * process's environment: tests and embedders that keep their own settings map pass it here, as
   * they do to {@link RouterConfig#load(java.nio.file.Path, Map)}.
   *
   * @param name the variable's name; not null
   * @param environment variable names to values; not null
   * @throws ConfigException naming the variable when {@code environment} has no value for it or
   *     an empty one
   */
  public static Secret fromEnv(String name, Map<String, String> environment) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(environment, "environment");
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      String problem = "environment variable \"" + name + "\" " + (value == null ? "is not set" : "is empty")
          + " (read by Secret.fromEnv)";
      throw new ConfigException(List.of(new ConfigProblem("", problem)));
    }
    return new Secret(value);
  }

  /** The secret value itself. Never log it. */
  public String reveal() {
    return value;
  }

  /** Whether the value is the empty string (an empty signing secret means an unsigned robot). */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** Whether {@code o} is a secret with the same value, compared in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  /** Always 0: a hash of the value would leak information about it; secrets are never map keys. */
  @Override
  public int hashCode() {
    return 0;
  }

  /** Always {@code ***}, so a secret in a record, a log line or an exception shows no value. */
  @Override
  public String toString() {
    return "***";
  }
}
