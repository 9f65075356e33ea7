package io.github.alertrouter.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration, at a path such as
 * {@code notificationPolicies[2].notifyRule.robots[0]}. Not {@link Comparable}: sorting paths as
 * text would put {@code [10]} before {@code [2]}; loaders report problems in document order.
 * Immutable and thread-safe.
 *
 * @param path where, in config-path syntax; {@code ""} for the document itself
 * @param message what is wrong, naming the bad value
 */
public record ConfigProblem(String path, String message) {
  /**
   * Checks that both parts are present.
   *
   * @throws NullPointerException when {@code path} or {@code message} is null
   */
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code path: message}, or the message alone for the document itself. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
