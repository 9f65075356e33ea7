package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * How a policy batches alerts (Alertmanager's {@code group_by}, {@code group_wait},
 * {@code group_interval}). Any field may be {@code null}: a nested route then inherits it from its
 * parent, a top-level policy takes the named default. Immutable and thread-safe.
 *
 * @param groupWait how long a new group waits for more alerts before its first notice
 * @param groupInterval how long to wait before notifying about alerts added to a group
 * @param groupingFields label names whose values form the group; {@code ["..."]} groups by all
 *     labels; an empty list puts every alert of the policy in one group
 */
public record GroupRule(Duration groupWait, Duration groupInterval, List<String> groupingFields) {
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final List<String> DEFAULT_GROUPING_FIELDS = List.of("alertname");
  /** The grouping field that means "group by all labels". */
  public static final String ALL_LABELS = "...";
  /** A rule that sets nothing, so everything is inherited or defaulted. */
  public static final GroupRule INHERIT = new GroupRule(null, null, null);

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

  static void requireNotNegative(Duration d, String name) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + Durations.format(d));
    }
  }
}
