package io.github.alertrouter.config;

import java.util.Locale;

/**
 * How a {@link Condition} compares a label with its values. Regex operators are fully anchored
 * ({@code ^(?:re)$}), as in Alertmanager; a missing label compares as {@code ""}.
 */
public enum Operator {
  /** label equals the value */
  EQ("="),
  /** label differs from the value */
  NEQ("!="),
  /** label equals one of the values */
  IN("=~"),
  /** label equals none of the values */
  NIN("!~"),
  /** label matches the anchored regex */
  RE("=~"),
  /** label does not match the anchored regex */
  NRE("!~");

  private final String alertmanagerSymbol;

  Operator(String alertmanagerSymbol) {
    this.alertmanagerSymbol = alertmanagerSymbol;
  }

  /** The name used in configs: {@code eq neq in nin re nre}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Alertmanager matcher symbol that formats this operator in route keys. */
  public String alertmanagerSymbol() {
    return alertmanagerSymbol;
  }

  /** True for {@link #IN} and {@link #NIN}, which take a list of values. */
  public boolean takesValueList() {
    return this == IN || this == NIN;
  }

  /** True for the regex operators. */
  public boolean isRegex() {
    return this == RE || this == NRE;
  }

  /** True for the negated operators, which hold when the positive form does not. */
  public boolean isNegative() {
    return this == NEQ || this == NIN || this == NRE;
  }

  /**
   * Reads a config name ({@code eq}, case-insensitive).
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static Operator fromConfigName(String name) {
    for (Operator op : values()) {
      if (op.configName().equalsIgnoreCase(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "must be one of eq, neq, in, nin, re, nre, but was \"" + name + "\"");
  }
}
