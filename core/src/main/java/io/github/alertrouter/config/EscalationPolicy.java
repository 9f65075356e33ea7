package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * Tiers that raise a group which nobody acknowledges or resolves. Steps are ordered by
 * {@code after}. Immutable and thread-safe.
 */
public record EscalationPolicy(String id, List<EscalationStep> steps) {
  public EscalationPolicy {
    Contact.requireId(id, "escalation policy");
    steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("escalation policy " + id + ": steps must not be empty");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException(
            "escalation policy " + id + ": steps must be ordered by after, but step " + i + " comes before step " + (i - 1));
      }
    }
  }
}
