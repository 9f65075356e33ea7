package io.github.alertrouter.inhibit;

import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.config.InhibitRule;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alertmanager's inhibitor: mutes an alert while another, firing alert matches the source side of
 * an {@link InhibitRule} whose target side the muted alert matches, and both have the same values
 * for every label the rule lists in {@code equal} (a label missing on both sides is {@code ""} on
 * both, so it counts as equal).
 *
 * <p>The engine {@link #observe observes} every stored alert on every update, resolved ones
 * included, and {@link #forget forgets} an alert when it leaves the store. The inhibitor keeps,
 * per rule, the alerts that match its source side, indexed by their {@code equal}-label values with
 * their fingerprint and {@code endsAt}; {@link #inhibitedBy} is then one hash lookup per rule whose
 * target side matches. A source inhibits at {@code at} while it fires then
 * ({@code !alert.isResolvedAt(at)}), so a source whose {@code endsAt} is in the future still
 * inhibits and one whose {@code endsAt} has passed no longer does, with no update needed. An alert
 * that matches both sides of a rule is not inhibited, under that rule, by alerts that also match
 * both sides of it (Alertmanager's two-sided exclusion); in particular no alert inhibits itself.
 *
 * <p>When several sources qualify, the answer is deterministic: the first rule, in configuration
 * order, that has one, and within it the qualifying source with the lowest fingerprint (in the
 * order of its hex form). Alertmanager picks any.
 *
 * <p>Alerts are identified by fingerprint, as in Alertmanager: the last {@code observe} of a
 * fingerprint wins, whatever its timestamps. Resolved sources stay indexed until forgotten; they
 * cost a little memory, not correctness.
 *
 * <p>Thread-safe: {@code observe}, {@code forget} and queries may run concurrently from any
 * threads. Queries never block; updates to one fingerprint are atomic with respect to each other,
 * and a query sees each rule's part of an update entirely or not at all. No argument may be
 * {@code null}.
 */
public final class Inhibitor {
  private final RuleIndex[] rules;
  /** Where each indexed source sits: its key in each rule (null where it is not a source). */
  private final ConcurrentHashMap<Fingerprint, Indexed> sources = new ConcurrentHashMap<>();

  private Inhibitor(RuleIndex[] rules) {
    this.rules = rules;
  }

  /**
   * An inhibitor for {@code rules} (typically {@code RouterConfig.inhibitRules()}), knowing no
   * alerts yet.
   *
   * @throws NullPointerException if {@code rules} or an element is {@code null}
   */
  public static Inhibitor of(List<InhibitRule> rules) {
    return new Inhibitor(Objects.requireNonNull(rules, "rules").stream()
        .map(r -> new RuleIndex(Objects.requireNonNull(r, "rule")))
        .toArray(RuleIndex[]::new));
  }

  /**
   * Records the current state of a stored alert: indexes it under every rule whose source side it
   * matches, with its {@code endsAt}, replacing what an earlier observation of its fingerprint
   * recorded. An alert that matches no source side costs a few matcher tests and nothing more.
   */
  public void observe(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    if (rules.length == 0) {
      return;
    }
    List<String>[] keys = null;
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].matchesSource(alert.labels())) {
        if (keys == null) {
          keys = newKeys();
        }
        keys[i] = rules[i].equalValues(alert.labels());
      }
    }
    if (keys == null) {
      // labels define the fingerprint, so only a hash collision could have indexed this one before
      if (!sources.isEmpty()) {
        Fingerprint fp = alert.fingerprint();
        if (sources.containsKey(fp)) { // a lock-free look first: computeIfPresent locks a bin
          forget(fp);
        }
      }
      return;
    }
    Fingerprint fp = alert.fingerprint();
    Indexed now = new Indexed(keys, alert.endsAt());
    // compute() makes concurrent observe/forget of one fingerprint take turns, so the rule indexes
    // never keep an entry that sources has lost track of
    sources.compute(fp, (k, before) -> {
      if (now.equals(before)) {
        return before; // an update that changed nothing relevant, e.g. a repeated firing alert
      }
      for (int i = 0; i < rules.length; i++) {
        List<String> old = before == null ? null : before.keys[i];
        if (old != null && !old.equals(now.keys[i])) {
          rules[i].remove(old, fp);
        }
        if (now.keys[i] != null) {
          rules[i].put(now.keys[i], new SourceEntry(fp, now.endsAt, rules[i].matchesTarget(alert.labels())));
        }
      }
      return now;
    });
  }

  /** Drops the alert with this fingerprint from every rule's index; unknown ones are ignored. */
  public void forget(Fingerprint fingerprint) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    sources.computeIfPresent(fingerprint, (k, before) -> {
      for (int i = 0; i < rules.length; i++) {
        if (before.keys[i] != null) {
          rules[i].remove(before.keys[i], fingerprint);
        }
      }
      return null;
    });
  }

  /**
   * The fingerprint of a source alert that inhibits {@code target} at {@code at}, or empty when
   * none does; see the class documentation for which one when several do. The target itself need
   * not have been observed.
   */
  public Optional<Fingerprint> inhibitedBy(Alert target, Instant at) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    for (RuleIndex rule : rules) {
      if (rule.matchesTarget(target.labels())) {
        Fingerprint source = rule.inhibitingSource(target.labels(), at);
        if (source != null) {
          return Optional.of(source);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether some source alert inhibits {@code target} at {@code at}; see {@link #inhibitedBy}. */
  public boolean inhibited(Alert target, Instant at) {
    return inhibitedBy(target, at).isPresent();
  }

  /** How many (alert, rule) source entries are indexed; for tests and diagnostics. */
  int indexedSources() {
    int n = 0;
    for (RuleIndex rule : rules) {
      n += rule.indexedSources();
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private List<String>[] newKeys() {
    return (List<String>[]) new List<?>[rules.length];
  }

  /** An indexed source: its key per rule (null where it is no source) and its end. */
  private record Indexed(List<String>[] keys, Instant endsAt) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Indexed other && Arrays.equals(keys, other.keys) && Objects.equals(endsAt, other.endsAt);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(keys) + Objects.hashCode(endsAt);
    }
  }
}
