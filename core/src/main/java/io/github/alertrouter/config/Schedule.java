package io.github.alertrouter.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An on-call schedule: layers of rotations (a later layer covers an earlier one wherever the later
 * one has someone on duty), overrides on top of all layers, all in one IANA time zone. Evaluate one
 * with {@link io.github.alertrouter.oncall.OnCallSchedule#of}. Immutable and thread-safe.
 *
 * @param id unique schedule id
 * @param name display name, or {@code null}
 * @param timeZone the zone its wall-clock times (handoffs, restrictions, overrides) are in
 * @param handoffRobot robot that announces handoffs, or {@code null}
 * @param layers rotations, lowest priority first; not empty
 * @param overrides temporary replacements; where two overlap, the later in the list wins
 * @param disallowOverlap when {@code true}, two layers that can both be on duty at the same instant
 *     are a config problem (ARMS's "shifts in one schedule may not overlap"); checked when the
 *     config is validated, over a bounded horizon: 8 weeks from when both layers have started (or
 *     from the day of the earlier handoff), since restrictions repeat weekly in wall-clock time
 *     and rotations do not matter (every shift has a member on duty)
 */
public record Schedule(
    String id,
    String name,
    ZoneId timeZone,
    String handoffRobot,
    List<ScheduleLayer> layers,
    List<ScheduleOverride> overrides,
    boolean disallowOverlap) {
  public Schedule {
    Contact.requireId(id, "schedule");
    Objects.requireNonNull(timeZone, "timeZone");
    layers = List.copyOf(Objects.requireNonNullElse(layers, List.of()));
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("schedule " + id + ": layers must not be empty");
    }
    overrides = List.copyOf(Objects.requireNonNullElse(overrides, List.of()));
  }

  /** A schedule without a name that allows overlapping layers. */
  public Schedule(
      String id, ZoneId timeZone, String handoffRobot, List<ScheduleLayer> layers, List<ScheduleOverride> overrides) {
    this(id, null, timeZone, handoffRobot, layers, overrides, false);
  }
}
