package io.github.alertrouter.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An on-call schedule: layers of rotations (a later layer covers an earlier one wherever the later
 * one has someone on duty), overrides on top of all layers, all in one IANA time zone. Evaluate one
 * with {@link io.github.alertrouter.oncall.OnCallSchedule#of}. Immutable and thread-safe. Build one
 * in code with {@link #builder}.
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
  /**
   * Checks the id, zone and layers and copies the lists (null overrides meaning none).
   *
   * @throws IllegalArgumentException when {@code id} is empty or there is no layer
   * @throws NullPointerException when {@code timeZone} is null
   */
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

  /**
   * Starts a builder for a schedule with no name, no handoff robot, overlapping layers allowed and
   * no overrides, as a YAML entry that leaves those out; add at least one layer.
   *
   * @param id unique schedule id, named by {@code schedule:ID} mentions
   * @param timeZone the IANA zone its handoffs, restrictions and overrides are in
   */
  public static Builder builder(String id, ZoneId timeZone) {
    return new Builder(id, timeZone);
  }

  /** A builder holding this schedule's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id, timeZone).name(name).handoffRobot(handoffRobot).layers(layers).overrides(overrides)
        .disallowOverlap(disallowOverlap);
  }

  /** Builds a {@link Schedule}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final ZoneId timeZone;
    private String name;
    private String handoffRobot;
    private final List<ScheduleLayer> layers = new ArrayList<>();
    private final List<ScheduleOverride> overrides = new ArrayList<>();
    private boolean disallowOverlap;

    private Builder(String id, ZoneId timeZone) {
      this.id = id;
      this.timeZone = timeZone;
    }

    /** Display name; {@code null} (the default) means none. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The robot that announces each handoff; {@code null} (the default) announces none. */
    public Builder handoffRobot(String robotId) {
      this.handoffRobot = robotId;
      return this;
    }

    /** Adds a layer above those added before (a later layer covers an earlier one). */
    public Builder layer(ScheduleLayer layer) {
      layers.add(layer);
      return this;
    }

    /** Replaces the layers, lowest priority first. */
    public Builder layers(List<ScheduleLayer> layers) {
      this.layers.clear();
      this.layers.addAll(layers);
      return this;
    }

    /** Adds an override; where two overlap, the one added later wins. */
    public Builder override(ScheduleOverride override) {
      overrides.add(override);
      return this;
    }

    /** Replaces the overrides. */
    public Builder overrides(List<ScheduleOverride> overrides) {
      this.overrides.clear();
      this.overrides.addAll(overrides);
      return this;
    }

    /**
     * Whether two layers that can be on duty at the same instant are a config problem, checked
     * when the {@link RouterConfig} is built; default {@code false}.
     */
    public Builder disallowOverlap(boolean disallowOverlap) {
      this.disallowOverlap = disallowOverlap;
      return this;
    }

    /**
     * Builds the schedule.
     *
     * @throws ConfigException naming each field that is wrong: an empty id, a missing or
     *     fixed-offset time zone, no layer, a null layer or override
     */
    public Schedule build() {
      return new BuildCheck("schedule", id).id("id", id).zone("timeZone", timeZone)
          .notEmpty("layers", layers, "add one with layer(...)").elements("layers", layers)
          .elements("overrides", overrides)
          .build(() -> new Schedule(id, name, timeZone, handoffRobot, layers, overrides, disallowOverlap));
    }
  }
}
