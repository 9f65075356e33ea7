package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * Conditions that must all hold (AND). A policy matches when any of its rules matches (OR). A rule
 * with no conditions matches every alert. Immutable and thread-safe.
 */
public record MatchingRule(List<Condition> conditions) {
  public MatchingRule {
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
  }

  public static MatchingRule of(Condition... conditions) {
    return new MatchingRule(List.of(conditions));
  }
}
