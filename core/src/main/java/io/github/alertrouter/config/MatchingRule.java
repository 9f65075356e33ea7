package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * Conditions that must all hold (AND). A policy matches when any of its rules matches (OR). A rule
 * with no conditions matches every alert. Immutable and thread-safe.
 *
 * @param conditions the conditions, all of which must hold; empty matches every alert
 */
public record MatchingRule(List<Condition> conditions) {
  /**
   * Copies the conditions.
   *
   * @throws NullPointerException when {@code conditions} is null
   */
  public MatchingRule {
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
  }

  /** A rule of these conditions, all of which must hold. */
  public static MatchingRule of(Condition... conditions) {
    return new MatchingRule(List.of(conditions));
  }
}
