package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * Alertmanager inhibition: while an alert matching all {@code source} conditions fires, alerts
 * matching all {@code target} conditions with equal values for the {@code equal} labels are muted
 * (an alert never inhibits itself). Immutable and thread-safe.
 */
public record InhibitRule(List<Condition> source, List<Condition> target, List<String> equal) {
  public InhibitRule {
    source = List.copyOf(Objects.requireNonNullElse(source, List.of()));
    target = List.copyOf(Objects.requireNonNullElse(target, List.of()));
    equal = List.copyOf(Objects.requireNonNullElse(equal, List.of()));
  }
}
