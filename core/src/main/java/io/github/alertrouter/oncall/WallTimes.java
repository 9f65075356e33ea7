package io.github.alertrouter.oncall;

import io.github.alertrouter.time.TimeOfDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * {@link TimeOfDay#on}'s rule for date-times of any precision: a handoff or override may carry
 * seconds, which {@link TimeOfDay} cannot. The minute is resolved by {@link TimeOfDay#on} itself, so
 * there is one rule: a time in a spring-forward gap moves to the gap's end, an ambiguous one takes
 * the earlier offset. Stateless and thread-safe.
 */
final class WallTimes {
  private WallTimes() {}

  static Instant resolve(LocalDateTime local, ZoneId zone) {
    LocalDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
    Instant resolved = TimeOfDay.of(minute.toLocalTime()).on(minute.toLocalDate(), zone);
    Duration rest = Duration.between(minute, local);
    if (rest.isZero()) {
      return resolved;
    }
    // Transitions fall on whole minutes: if the minute was moved to the end of a gap, so was all
    // of it; otherwise the seconds count in the offset the minute got.
    boolean moved = !LocalDateTime.ofInstant(resolved, zone).equals(minute);
    return moved ? resolved : resolved.plus(rest);
  }
}
