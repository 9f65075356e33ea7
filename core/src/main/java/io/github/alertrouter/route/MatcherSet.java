package io.github.alertrouter.route;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.internal.text.GoStrings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conditions that must all hold (AND): the compiled form of a {@link MatchingRule}, and of the
 * matcher lists of silences and inhibition rules. An empty set matches every alert.
 *
 * <p>Immutable and thread-safe. No argument may be {@code null}.
 */
public final class MatcherSet {
  /** Alertmanager's {@code labels.Matchers.Less}: by name, then value (Go byte order), then type. */
  static final Comparator<LabelMatcher> ALERTMANAGER_ORDER =
      Comparator.comparing(LabelMatcher::name, GoStrings::compare)
          .thenComparing(LabelMatcher::alertmanagerValue, GoStrings::compare)
          .thenComparingInt(LabelMatcher::alertmanagerTypeRank);

  private static final MatcherSet EMPTY = new MatcherSet(List.of());

  private final LabelMatcher[] matchers;
  private final List<LabelMatcher> list;
  private final String alertmanagerString;

  private MatcherSet(List<LabelMatcher> matchers) {
    this.list = List.copyOf(matchers);
    this.matchers = list.toArray(new LabelMatcher[0]);
    List<LabelMatcher> sorted = new ArrayList<>(list);
    sorted.sort(ALERTMANAGER_ORDER);
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(sorted.get(i).toAlertmanagerString());
    }
    this.alertmanagerString = sb.append('}').toString();
  }

  /** Compiles conditions (each with {@link LabelMatcher#of}). */
  public static MatcherSet of(List<Condition> conditions) {
    if (conditions.isEmpty()) {
      return EMPTY;
    }
    List<LabelMatcher> compiled = new ArrayList<>(conditions.size());
    for (Condition c : conditions) {
      compiled.add(LabelMatcher.of(c));
    }
    return new MatcherSet(compiled);
  }

  /** Compiles a matching rule's conditions. */
  public static MatcherSet of(MatchingRule rule) {
    return of(Objects.requireNonNull(rule, "rule").conditions());
  }

  /** The matchers, in the order of the conditions they were compiled from. */
  public List<LabelMatcher> matchers() {
    return list;
  }

  /** True when every matcher holds (a missing label is {@code ""}); true when empty. */
  public boolean matches(Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Alertmanager's (0.25) {@code Matchers.String()}: {@code {a="1",b=~"x|y"}}, matchers sorted as
   * {@code labels.Matchers.Less} sorts them, joined by {@code ,} without spaces; {@code {}} when
   * empty.
   */
  public String toAlertmanagerString() {
    return alertmanagerString;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatcherSet other && list.equals(other.list);
  }

  @Override
  public int hashCode() {
    return list.hashCode();
  }

  /** {@link #toAlertmanagerString()}. */
  @Override
  public String toString() {
    return alertmanagerString;
  }
}
