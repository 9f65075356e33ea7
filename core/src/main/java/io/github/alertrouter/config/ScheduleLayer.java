package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One rotation of a schedule: {@code members} take turns, one shift each, the first member's shift
 * starting at {@code handoff} (wall-clock time in the schedule's zone). Shifts run on by the clock
 * in both directions: the handoff may lie before {@code start} to set the phase, and shifts before
 * the handoff extend backwards in the same phase. Immutable and thread-safe.
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

  private static String describe(String name) {
    return name == null || name.isBlank() ? "unnamed layer" : "layer " + name;
  }
}
