package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a policy batches alerts (Alertmanager's {@code group_by}, {@code group_wait},
 * {@code group_interval}). Any field may be {@code null}: a nested route then inherits it from its
 * parent, a top-level policy takes the named default. Immutable and thread-safe. Build one in
 * code with {@link #builder()}.
 *
 * @param groupWait how long a new group waits for more alerts before its first notice
 * @param groupInterval how long to wait before notifying about alerts added to a group
 * @param groupingFields label names whose values form the group; {@code ["..."]} groups by all
 *     labels; an empty list puts every alert of the policy in one group
 */
public record GroupRule(Duration groupWait, Duration groupInterval, List<String> groupingFields) {
  /** A top-level policy's {@code groupWait} when unset: 30 seconds, as Alertmanager's. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  /** A top-level policy's {@code groupInterval} when unset: 5 minutes, as Alertmanager's. */
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  /** A top-level policy's {@code groupingFields} when unset: one group per {@code alertname}. */
  public static final List<String> DEFAULT_GROUPING_FIELDS = List.of("alertname");
  /** The grouping field that means "group by all labels". */
  public static final String ALL_LABELS = "...";
  /** A rule that sets nothing, so everything is inherited or defaulted. */
  public static final GroupRule INHERIT = new GroupRule(null, null, null);

  /**
   * Checks the durations and the grouping fields, copying the fields.
   *
   * @throws IllegalArgumentException when {@code groupWait} is negative, {@code groupInterval} is
   *     not positive, or {@code "..."} is combined with other fields
   */
  public GroupRule {
    requireNotNegative(groupWait, "groupWait");
    if (groupInterval != null && (groupInterval.isNegative() || groupInterval.isZero())) {
      throw new IllegalArgumentException("groupInterval must be > 0, but was " + Durations.format(groupInterval));
    }
    groupingFields = groupingFields == null ? null : List.copyOf(groupingFields);
    if (groupingFields != null && groupingFields.contains(ALL_LABELS) && groupingFields.size() > 1) {
      throw new IllegalArgumentException(
          "groupingFields: \"...\" groups by all labels and cannot be combined with other fields, but was "
              + groupingFields);
    }
  }

  /** True when the fields are {@code ["..."]}. */
  public boolean groupsByAllLabels() {
    return groupingFields != null && groupingFields.equals(List.of(ALL_LABELS));
  }

  /**
   * Starts a builder that sets nothing: every field is inherited by a nested route or defaulted at
   * the top level, as an empty {@code groupRule} in YAML.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder().groupWait(groupWait).groupInterval(groupInterval);
    b.groupingFields = groupingFields;
    return b;
  }

  static void requireNotNegative(Duration d, String name) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + Durations.format(d));
    }
  }

  /** Builds a {@link GroupRule}; each field left unset stays {@code null} (inherited or defaulted). Not thread-safe. */
  public static final class Builder {
    private Duration groupWait;
    private Duration groupInterval;
    private List<String> groupingFields;

    private Builder() {}

    /** How long a new group waits for more alerts before its first notice; {@code >= 0}. */
    public Builder groupWait(Duration groupWait) {
      this.groupWait = groupWait;
      return this;
    }

    /** How long to wait before notifying about alerts added to a notified group; {@code > 0}. */
    public Builder groupInterval(Duration groupInterval) {
      this.groupInterval = groupInterval;
      return this;
    }

    /**
     * Label names whose values form the group, replacing any set before; {@link GroupRule#ALL_LABELS}
     * alone groups by all labels, no names put every alert of the policy in one group.
     */
    public Builder groupingFields(String... fields) {
      return groupingFields(fields == null ? null : Arrays.asList(fields));
    }

    /** Like {@link #groupingFields(String...)}; {@code null} unsets them (inherit or default). */
    public Builder groupingFields(List<String> fields) {
      this.groupingFields = fields;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws ConfigException naming what is wrong: a negative {@code groupWait}, a {@code groupInterval}
     *     that is not positive, an empty field name, {@code "..."} with other fields
     */
    public GroupRule build() {
      return new BuildCheck("group rule", null).ids("groupingFields", groupingFields)
          .build(() -> new GroupRule(groupWait, groupInterval, groupingFields));
    }
  }
}
