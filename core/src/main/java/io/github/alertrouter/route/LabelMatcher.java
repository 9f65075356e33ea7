package io.github.alertrouter.route;

import com.google.re2j.Pattern;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Operator;
import io.github.alertrouter.internal.text.GoStrings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled form of one {@link Condition}: tests a label of an alert. Shared by routing,
 * silences and inhibition so that all three agree on what a condition means.
 *
 * <p>Semantics (Alertmanager's): a missing label compares as {@code ""}, so {@code team eq ""}
 * matches an alert without {@code team} and {@code team neq ""} needs a non-empty one; regexes are
 * fully anchored ({@code ^(?:re)$}) and compiled once, so {@code re "pay"} does not match
 * {@code payments}; {@code in}/{@code nin} test membership in the value list.
 *
 * <p>Regexes are compiled with RE2/J, so syntax and semantics are Go's, as in Alertmanager:
 * {@code .} matches {@code \r}, {@code \s} and {@code \d} are ASCII, {@code (?i)} folds Unicode,
 * POSIX classes and {@code (?P<name>)} work, and matching takes linear time.
 *
 * <p>Immutable and thread-safe. No argument may be {@code null}.
 */
public final class LabelMatcher {
  private final Condition condition;
  private final String name;
  private final Operator op;
  private final String value;
  private final Set<String> valueSet;
  private final Pattern pattern;
  private final RegexMemo memo;
  private final String alertmanagerValue;

  private LabelMatcher(Condition condition) {
    this.condition = condition;
    this.name = condition.key();
    this.op = condition.op();
    this.value = condition.value();
    Set<String> literals = op.isRegex() ? literalAlternatives(value) : null;
    this.valueSet = op.takesValueList() ? Set.copyOf(condition.values()) : literals != null ? literals : Set.of();
    this.pattern = op.isRegex() && literals == null
        ? Pattern.compile(Condition.anchored(value)) : null;
    this.memo = pattern == null ? null : new RegexMemo(pattern);
    this.alertmanagerValue = op.takesValueList() ? alternation(condition) : value;
  }

  /**
   * Compiles a condition.
   *
   * @throws NullPointerException if {@code condition} is null
   */
  public static LabelMatcher of(Condition condition) {
    return new LabelMatcher(Objects.requireNonNull(condition, "condition"));
  }

  /** The condition this was compiled from. */
  public Condition condition() {
    return condition;
  }

  /** The label name tested. */
  public String name() {
    return name;
  }

  /** The operator. */
  public Operator op() {
    return op;
  }

  /**
   * The finite set of values the label must have for this matcher to hold: the value of
   * {@code eq}, the values of {@code in}, the alternatives of an {@code re} made only of literals
   * and {@code |}; empty for the others. Used to index matchers by label value.
   */
  public Optional<Set<String>> acceptedValues() {
    return switch (op) {
      case EQ, IN -> Optional.of(op == Operator.EQ ? Set.of(value) : valueSet);
      case RE -> memo == null ? Optional.of(valueSet) : Optional.empty();
      case NEQ, NIN, NRE -> Optional.empty();
    };
  }

  /** Tests the alert's labels; a missing label is {@code ""}. */
  public boolean matches(Map<String, String> labels) {
    String v = labels.get(name);
    return matchesValue(v == null ? "" : v);
  }

  /** Tests one label value ({@code ""} for a missing label). */
  public boolean matchesValue(String labelValue) {
    return switch (op) {
      case EQ -> value.equals(labelValue);
      case NEQ -> !value.equals(labelValue);
      case IN -> inValues(labelValue);
      case NIN -> !inValues(labelValue);
      case RE -> memo == null ? valueSet.contains(labelValue) : memo.matches(labelValue);
      case NRE -> memo == null ? !valueSet.contains(labelValue) : !memo.matches(labelValue);
    };
  }

  // A single-value list is common (imported `=` lists); equals() beats hashing for it.
  private boolean inValues(String labelValue) {
    return valueSet.size() == 1 ? value.equals(labelValue) : valueSet.contains(labelValue);
  }

  /**
   * The alternatives of a regex made only of literal text and {@code |} ({@code critical|page},
   * the usual shape), which then needs no regex engine; {@code null} for any other regex.
   */
  static Set<String> literalAlternatives(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c != '|' && "\\.+*?()[]{}^$".indexOf(c) >= 0) {
        return null;
      }
    }
    return Set.copyOf(java.util.Arrays.asList(regex.split("\\|", -1)));
  }

  /**
   * The value as Alertmanager would hold it: the operand for {@code eq neq re nre}; for
   * {@code in nin} an alternation of the values quoted as regex literals ({@code critical|error}),
   * which is the equivalent {@code =~}/{@code !~} matcher's value.
   */
  public String alertmanagerValue() {
    return alertmanagerValue;
  }

  /** Alertmanager's {@code MatchType} order: {@code = != =~ !~}; used to sort matchers. */
  int alertmanagerTypeRank() {
    return switch (op) {
      case EQ -> 0;
      case NEQ -> 1;
      case IN, RE -> 2;
      case NIN, NRE -> 3;
    };
  }

  /**
   * Alertmanager's (0.25) {@code Matcher.String()}: name, symbol, and the value in double quotes
   * with only {@code \\}, newline and {@code "} escaped (its {@code openMetricsEscape}; tabs and
   * CJK stay raw), e.g. {@code severity=~"critical|error"}.
   */
  public String toAlertmanagerString() {
    StringBuilder sb = new StringBuilder(name.length() + alertmanagerValue.length() + 5);
    sb.append(name).append(op.alertmanagerSymbol()).append('"');
    for (int i = 0; i < alertmanagerValue.length(); i++) {
      char c = alertmanagerValue.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '"' -> sb.append("\\\"");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String alternation(Condition c) {
    StringBuilder sb = new StringBuilder();
    for (String v : c.values()) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(GoStrings.quoteMeta(v));
    }
    return sb.toString();
  }

  /** Equal when compiled from equal conditions. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher other && condition.equals(other.condition);
  }

  @Override
  public int hashCode() {
    return condition.hashCode();
  }

  /** {@link #toAlertmanagerString()}. */
  @Override
  public String toString() {
    return toAlertmanagerString();
  }
}
