/**
 * Inhibition: Alertmanager's {@code inhibit_rules}. While a firing alert matches a rule's source
 * conditions, alerts that match its target conditions and have the same values for its
 * {@code equal} labels are muted. {@link io.github.alertrouter.inhibit.Inhibitor} keeps, per
 * rule, an index of source alerts by their {@code equal}-label values, fed by the engine as alerts
 * are stored, updated and removed, so asking whether an alert is inhibited is a hash lookup per
 * rule, not a scan of all alerts.
 *
 * <p>Semantics follow Alertmanager's {@code inhibit/inhibit.go}: matchers are compiled with
 * {@link io.github.alertrouter.route.MatcherSet} (a missing label is {@code ""}, regexes fully
 * anchored RE2); a missing {@code equal} label is {@code ""} on both sides; an alert that matches
 * both sides of a rule is not inhibited by alerts that also match both sides of it, so no alert
 * inhibits itself. Time is always passed in; nothing here reads a clock.
 *
 * <p>All public types are thread-safe; no method accepts or returns {@code null}.
 */
package io.github.alertrouter.inhibit;
