package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One test on one label: {@code team eq payments}, {@code severity in [critical, error]},
 * {@code instance re "db-.*"}. {@code eq neq re nre} take exactly one value; {@code in nin} take
 * one or more. Regex values use RE2 syntax (Go's, as in Alertmanager) and must compile. Immutable and thread-safe; matching itself is done by the
 * compiled form in {@code io.github.alertrouter.route}.
 *
 * @param key label name, not empty
 * @param op the operator
 * @param values the operand(s)
 */
public record Condition(String key, Operator op, List<String> values) {

  /**
   * Checks the key, the number of values for the operator, and that a regex compiles.
   *
   * @throws IllegalArgumentException naming what is wrong (RE2's own message for a bad regex)
   * @throws NullPointerException when {@code op} or {@code values} is null
   */
  public Condition {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("condition key must not be empty");
    }
    Objects.requireNonNull(op, "op");
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (op.takesValueList() ? values.isEmpty() : values.size() != 1) {
      throw new IllegalArgumentException(
          op.takesValueList()
              ? "operator " + op.configName() + " needs at least one value"
              : "operator " + op.configName() + " needs exactly one value, but got " + values.size());
    }
    if (op.isRegex()) {
      try {
        Pattern.compile(anchored(values.get(0)));
      } catch (PatternSyntaxException e) {
        // RE2's own message, identical to Go's and so to Alertmanager's
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
  }

  /**
   * The fully anchored form {@code ^(?:regex)$} that {@code re}/{@code nre} match against, as in
   * Alertmanager.
   */
  public static String anchored(String regex) {
    return "^(?:" + regex + ")$";
  }

  /** {@code key} equals {@code value}; a missing label equals {@code ""}. */
  public static Condition eq(String key, String value) {
    return new Condition(key, Operator.EQ, List.of(value));
  }

  /** {@code key} differs from {@code value}. */
  public static Condition neq(String key, String value) {
    return new Condition(key, Operator.NEQ, List.of(value));
  }

  /** {@code key} equals one of {@code values}, at least one. */
  public static Condition in(String key, String... values) {
    return new Condition(key, Operator.IN, List.of(values));
  }

  /** {@code key} equals none of {@code values}, at least one. */
  public static Condition nin(String key, String... values) {
    return new Condition(key, Operator.NIN, List.of(values));
  }

  /** {@code key} matches {@code regex} (RE2 syntax, fully anchored: {@code "db-.*"} matches all of the value). */
  public static Condition re(String key, String regex) {
    return new Condition(key, Operator.RE, List.of(regex));
  }

  /** {@code key} does not match {@code regex} (RE2 syntax, fully anchored). */
  public static Condition nre(String key, String regex) {
    return new Condition(key, Operator.NRE, List.of(regex));
  }

  /** The single operand of {@code eq neq re nre}; the first of {@code in nin}. */
  public String value() {
    return values.get(0);
  }
}
