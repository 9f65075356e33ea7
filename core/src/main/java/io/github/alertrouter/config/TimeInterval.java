package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * A named set of time periods (Alertmanager {@code time_intervals}), referenced by a policy's
 * {@code muteTimeIntervals} / {@code activeTimeIntervals}. A time is in the interval when it is in
 * any of its periods. Immutable and thread-safe.
 */
public record TimeInterval(String name, List<TimePeriod> periods) {
  public TimeInterval {
    Contact.requireId(name, "time interval");
    periods = List.copyOf(Objects.requireNonNullElse(periods, List.of()));
  }
}
