package io.github.alertrouter.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An on-call schedule: layers of rotations (a later layer wins where it is on duty), overrides on
 * top, all in one IANA time zone. Immutable and thread-safe.
 *
 * @param id unique schedule id
 * @param timeZone the zone its wall-clock times are in
 * @param handoffRobot robot that announces handoffs, or {@code null}
 * @param layers rotations, lowest priority first; not empty
 * @param overrides temporary replacements
 */
public record Schedule(
    String id, ZoneId timeZone, String handoffRobot, List<ScheduleLayer> layers, List<ScheduleOverride> overrides) {
  public Schedule {
    Contact.requireId(id, "schedule");
    Objects.requireNonNull(timeZone, "timeZone");
    layers = List.copyOf(Objects.requireNonNullElse(layers, List.of()));
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("schedule " + id + ": layers must not be empty");
    }
    overrides = List.copyOf(Objects.requireNonNullElse(overrides, List.of()));
  }
}
