package io.github.alertrouter.inhibit;

import io.github.alertrouter.Fingerprint;
import java.time.Instant;

/**
 * One source alert as one rule's index keeps it: enough to decide, without the alert, whether it
 * inhibits a target at an instant. Immutable.
 *
 * @param fingerprint the source alert's fingerprint
 * @param endsAt its end, or {@code null} while it has none
 * @param matchesTarget whether it also matches the rule's target conditions, which decides
 *     Alertmanager's two-sided exclusion
 */
record SourceEntry(Fingerprint fingerprint, Instant endsAt, boolean matchesTarget) {

  /** Firing at {@code at} exactly when the alert is not resolved at {@code at}, as {@code Alert} says. */
  boolean firingAt(Instant at) {
    return endsAt == null || endsAt.isAfter(at);
  }
}
