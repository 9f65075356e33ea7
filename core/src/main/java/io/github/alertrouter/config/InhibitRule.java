package io.github.alertrouter.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Alertmanager inhibition: while an alert matching all {@code source} conditions fires, alerts
 * matching all {@code target} conditions with equal values for the {@code equal} labels are muted
 * (an alert never inhibits itself). Immutable and thread-safe. Build one in code with
 * {@link #builder()}.
 *
 * @param source conditions the inhibiting alert meets, all of them
 * @param target conditions the inhibited alert meets, all of them
 * @param equal label names whose values the two alerts share; empty means no such requirement
 */
public record InhibitRule(List<Condition> source, List<Condition> target, List<String> equal) {
  /** Copies the lists, null meaning empty. */
  public InhibitRule {
    source = List.copyOf(Objects.requireNonNullElse(source, List.of()));
    target = List.copyOf(Objects.requireNonNullElse(target, List.of()));
    equal = List.copyOf(Objects.requireNonNullElse(equal, List.of()));
  }

  /**
   * Starts a builder; {@link Builder#source} and {@link Builder#target} are required, as in YAML,
   * and {@code equal} defaults to none.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder().source(source).target(target).equal(equal);
  }

  /** Builds an {@link InhibitRule}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private List<Condition> source;
    private List<Condition> target;
    private List<String> equal = List.of();

    private Builder() {}

    /** The conditions an alert must meet to inhibit others, replacing any set before. */
    public Builder source(Condition... conditions) {
      return source(conditions == null ? null : Arrays.asList(conditions));
    }

    /** Like {@link #source(Condition...)}. */
    public Builder source(List<Condition> conditions) {
      this.source = conditions;
      return this;
    }

    /** The conditions an alert must meet to be inhibited, replacing any set before. */
    public Builder target(Condition... conditions) {
      return target(conditions == null ? null : Arrays.asList(conditions));
    }

    /** Like {@link #target(Condition...)}. */
    public Builder target(List<Condition> conditions) {
      this.target = conditions;
      return this;
    }

    /** Label names whose values the source and target alert must share, replacing any set before. */
    public Builder equal(String... labels) {
      return equal(labels == null ? null : Arrays.asList(labels));
    }

    /** Like {@link #equal(String...)}; {@code null} means none. */
    public Builder equal(List<String> labels) {
      this.equal = labels;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws ConfigException naming each field that is wrong: {@code source} or {@code target}
     *     never set, a null condition, an empty label name
     */
    public InhibitRule build() {
      return new BuildCheck("inhibit rule", null).required("source", source).elements("source", source)
          .required("target", target).elements("target", target).ids("equal", equal)
          .build(() -> new InhibitRule(source, target, equal));
    }
  }
}
