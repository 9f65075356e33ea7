package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One rotation of a schedule: {@code members} take turns, one shift each, starting with the first
 * member at {@code handoff} (wall-clock time in the schedule's zone, so a 09:00 handoff stays at
 * 09:00 across DST). Immutable and thread-safe.
 *
 * @param name layer name
 * @param members contact ids in rotation order; not empty
 * @param rotation shift length kind
 * @param shiftLength the shift length when {@code rotation} is {@link Rotation#CUSTOM}, else
 *     {@code null}
 * @param handoff when the first shift starts
 * @param restrictions when this layer is on duty at all; empty means always
 */
public record ScheduleLayer(
    String name,
    List<String> members,
    Rotation rotation,
    Duration shiftLength,
    LocalDateTime handoff,
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
    restrictions = List.copyOf(Objects.requireNonNullElse(restrictions, List.of()));
  }

  private static String describe(String name) {
    return name == null || name.isBlank() ? "unnamed layer" : "layer " + name;
  }
}
