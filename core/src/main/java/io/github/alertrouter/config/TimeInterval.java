package io.github.alertrouter.config;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named set of time periods (Alertmanager {@code time_intervals}), referenced by a policy's
 * {@code muteTimeIntervals} / {@code activeTimeIntervals}. A time is in the interval when it is in
 * any of its periods; an interval with no periods contains no time. Immutable and thread-safe.
 *
 * @param name unique name, referenced by policies
 * @param periods the periods; a time in any of them is in the interval
 */
public record TimeInterval(String name, List<TimePeriod> periods) {
  /**
   * Checks the name and copies the periods (null meaning none).
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public TimeInterval {
    Contact.requireId(name, "time interval");
    periods = List.copyOf(Objects.requireNonNullElse(periods, List.of()));
  }

  /**
   * An interval of these periods ({@link TimePeriod#builder()}).
   *
   * @param name unique name, referenced by policies' {@code muteTimeIntervals} and
   *     {@code activeTimeIntervals}
   * @param periods the periods; none makes an interval that contains no time
   * @throws ConfigException when the name is empty or a period is null
   */
  public static TimeInterval of(String name, TimePeriod... periods) {
    List<TimePeriod> list = periods == null ? List.of() : Arrays.asList(periods);
    return new BuildCheck("time interval", name).id("name", name).elements("periods", list)
        .build(() -> new TimeInterval(name, list));
  }

  /**
   * Whether {@code at} is in any of this interval's periods, each judged in its own location by
   * {@link TimePeriod#contains}. Pure: never reads the clock.
   *
   * @param at the instant to judge; not null
   * @throws IllegalArgumentException when a period's range or location is not valid, which a
   *     validated config never has
   */
  public boolean contains(Instant at) {
    Objects.requireNonNull(at, "at");
    for (TimePeriod period : periods) {
      if (period.contains(at)) {
        return true;
      }
    }
    return false;
  }
}
