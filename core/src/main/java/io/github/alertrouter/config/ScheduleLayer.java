package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One rotation of a schedule: {@code members} take turns, one shift each, the first member's shift
 * starting at {@code handoff} (wall-clock time in the schedule's zone). Shifts run on by the clock
 * in both directions: the handoff may lie before {@code start} to set the phase, and shifts before
 * the handoff extend backwards in the same phase. Immutable and thread-safe. Build one in code
 * with {@link #daily}, {@link #weekly} or {@link #custom}.
 *
 * <p>{@link Rotation#DAILY} and {@link Rotation#WEEKLY} hand off at the same wall-clock time, so a
 * 09:00 handoff stays at 09:00 across DST (that day's shift is 23 h or 25 h); {@link Rotation#CUSTOM}
 * shifts are {@code shiftLength} of real time each, counted from the handoff's instant.
 *
 * @param name layer name, or {@code null}; on-call sources call an unnamed layer by its 1-based
 *     position ({@code layer:2})
 * @param members contact ids in rotation order; not empty; a contact may appear more than once
 * @param rotation shift length kind
 * @param shiftLength the shift length when {@code rotation} is {@link Rotation#CUSTOM}, else
 *     {@code null}
 * @param handoff when the first member's shift starts; sets the phase of the rotation
 * @param start from when the layer has anyone on duty, or {@code null} for always
 * @param end until when (exclusive) the layer has anyone on duty, or {@code null} for ever; after
 *     {@code start}
 * @param restrictions when this layer is on duty at all (any of them); empty means always. Outside
 *     them nobody of this layer is on duty, and the rotation still runs on by the clock
 */
public record ScheduleLayer(
    String name,
    List<String> members,
    Rotation rotation,
    Duration shiftLength,
    LocalDateTime handoff,
    LocalDateTime start,
    LocalDateTime end,
    List<TimeRestriction> restrictions) {
  /**
   * Checks the members, rotation, shift length and bounds and copies the lists (null restrictions
   * meaning none).
   *
   * @throws IllegalArgumentException naming the layer and the field that is wrong
   * @throws NullPointerException when {@code rotation} or {@code handoff} is null
   */
  public ScheduleLayer {
    members = List.copyOf(Objects.requireNonNullElse(members, List.of()));
    if (members.isEmpty()) {
      throw new IllegalArgumentException(describe(name) + ": members must not be empty");
    }
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(handoff, "handoff");
    if ((rotation == Rotation.CUSTOM) != (shiftLength != null)) {
      throw new IllegalArgumentException(describe(name) + ": shiftLength is required with rotation CUSTOM and only then");
    }
    if (shiftLength != null && (shiftLength.isNegative() || shiftLength.isZero())) {
      throw new IllegalArgumentException(describe(name) + ": shiftLength must be > 0, but was " + Durations.format(shiftLength));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException(describe(name) + ": end must be after start, but was " + start + " – " + end);
    }
    restrictions = List.copyOf(Objects.requireNonNullElse(restrictions, List.of()));
  }

  /** A layer that is on duty from ever to ever (no {@code start}, no {@code end}). */
  public ScheduleLayer(String name, List<String> members, Rotation rotation, Duration shiftLength,
      LocalDateTime handoff, List<TimeRestriction> restrictions) {
    this(name, members, rotation, shiftLength, handoff, null, null, restrictions);
  }

  /**
   * Starts a builder for a layer whose members take turns a day each, handing off at
   * {@code handoff}'s time of day; unnamed, always on duty and unrestricted until set otherwise.
   *
   * @param handoff when the first member's shift starts, wall-clock in the schedule's zone
   * @param members contact ids in rotation order; at least one
   */
  public static Builder daily(LocalDateTime handoff, String... members) {
    return new Builder(Rotation.DAILY, null, handoff, members);
  }

  /** Like {@link #daily}, a week per member, handing off on {@code handoff}'s weekday and time. */
  public static Builder weekly(LocalDateTime handoff, String... members) {
    return new Builder(Rotation.WEEKLY, null, handoff, members);
  }

  /**
   * Like {@link #daily}, {@code shiftLength} of real time per member ({@link Rotation#CUSTOM}).
   *
   * @param shiftLength each shift's length; {@code > 0}
   */
  public static Builder custom(Duration shiftLength, LocalDateTime handoff, String... members) {
    return new Builder(Rotation.CUSTOM, shiftLength, handoff, members);
  }

  /** A builder holding this layer's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(rotation, shiftLength, handoff, members.toArray(String[]::new))
        .name(name).start(start).end(end).restrictions(restrictions);
  }

  /** Builds a {@link ScheduleLayer}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final Rotation rotation;
    private final Duration shiftLength;
    private final LocalDateTime handoff;
    private final List<String> members;
    private String name;
    private LocalDateTime start;
    private LocalDateTime end;
    private final List<TimeRestriction> restrictions = new ArrayList<>();

    private Builder(Rotation rotation, Duration shiftLength, LocalDateTime handoff, String[] members) {
      this.rotation = rotation;
      this.shiftLength = shiftLength;
      this.handoff = handoff;
      this.members = members == null ? List.of() : Arrays.asList(members);
    }

    /**
     * The layer's name; {@code null} (the default) leaves it unnamed, and on-call sources then
     * call it by its 1-based position ({@code layer:2}).
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** From when the layer has anyone on duty; {@code null} (the default) means always. */
    public Builder start(LocalDateTime start) {
      this.start = start;
      return this;
    }

    /** Until when (exclusive) the layer has anyone on duty; {@code null} (the default) means for ever. */
    public Builder end(LocalDateTime end) {
      this.end = end;
      return this;
    }

    /**
     * Adds a restriction: the layer is on duty only within any of them
     * ({@link TimeRestriction#daily}, {@link TimeRestriction#weekly}); none means always.
     */
    public Builder restriction(TimeRestriction restriction) {
      restrictions.add(restriction);
      return this;
    }

    /** Replaces the restrictions. */
    public Builder restrictions(List<TimeRestriction> restrictions) {
      this.restrictions.clear();
      this.restrictions.addAll(restrictions);
      return this;
    }

    /**
     * Builds the layer.
     *
     * @throws ConfigException naming each field that is wrong: no members or an empty member id, a
     *     missing handoff or shift length, a shift length that is not positive, an end not after
     *     the start, a null restriction
     */
    public ScheduleLayer build() {
      BuildCheck check = new BuildCheck("schedule layer", name)
          .notEmpty("members", members, "name at least one contact id").ids("members", members)
          .required("handoff", handoff).elements("restrictions", restrictions);
      if (rotation == Rotation.CUSTOM) {
        check.required("shiftLength", shiftLength);
      }
      return check.build(
          () -> new ScheduleLayer(name, members, rotation, shiftLength, handoff, start, end, restrictions));
    }
  }

  private static String describe(String name) {
    return name == null || name.isBlank() ? "unnamed layer" : "layer " + name;
  }
}
