package io.github.alertrouter.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration, at a path such as
 * {@code notificationPolicies[2].notifyRule.robots[0]}. Immutable and thread-safe.
 *
 * @param path where, in config-path syntax; {@code ""} for the document itself
 * @param message what is wrong, naming the bad value
 */
public record ConfigProblem(String path, String message) implements Comparable<ConfigProblem> {
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(ConfigProblem other) {
    return path.compareTo(other.path);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
