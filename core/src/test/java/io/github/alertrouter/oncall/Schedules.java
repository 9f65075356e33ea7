package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Rotation;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.config.ScheduleLayer;
import io.github.alertrouter.config.ScheduleOverride;
import io.github.alertrouter.config.TimeRestriction;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** Short ways to write schedules and read results in the on-call tables. */
final class Schedules {
  private Schedules() {}

  static Schedule schedule(String zone, List<ScheduleOverride> overrides, ScheduleLayer... layers) {
    return new Schedule("s", null, ZoneId.of(zone), null, List.of(layers), overrides, false);
  }

  static Schedule schedule(String zone, ScheduleLayer... layers) {
    return schedule(zone, List.of(), layers);
  }

  /** A layer; {@code rotation} is DAILY, WEEKLY or a CUSTOM shift length such as {@code 12h}. */
  static ScheduleLayer layer(String name, String rotation, String handoff, String... members) {
    return layer(name, rotation, handoff, null, null, List.of(), members);
  }

  static ScheduleLayer layer(String name, String rotation, String handoff, List<TimeRestriction> restrictions,
      String... members) {
    return layer(name, rotation, handoff, null, null, restrictions, members);
  }

  static ScheduleLayer layer(String name, String rotation, String handoff, String start, String end,
      List<TimeRestriction> restrictions, String... members) {
    boolean custom = !rotation.equals("DAILY") && !rotation.equals("WEEKLY");
    return new ScheduleLayer(name, List.of(members), custom ? Rotation.CUSTOM : Rotation.valueOf(rotation),
        custom ? Duration.parse("PT" + rotation.toUpperCase()) : null, local(handoff),
        start == null ? null : local(start), end == null ? null : local(end), restrictions);
  }

  /** {@code "MON,TUE 09:00-18:00"}: a daily restriction. */
  static TimeRestriction daily(String spec) {
    String[] parts = spec.split(" ");
    String[] times = parts[1].split("-");
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(parts[0].split(",")).forEach(d -> days.add(day(d)));
    return TimeRestriction.daily(days, TimeOfDay.parse(times[0]), TimeOfDay.parse(times[1]));
  }

  /** {@code "FRI 18:00 - MON 09:00"}: a weekly restriction. */
  static TimeRestriction weekly(String spec) {
    String[] p = spec.split(" ");
    return TimeRestriction.weekly(day(p[0]), TimeOfDay.parse(p[1]), day(p[3]), TimeOfDay.parse(p[4]));
  }

  static ScheduleOverride override(String contact, String from, String to) {
    return new ScheduleOverride(contact, local(from), local(to));
  }

  static LocalDateTime local(String text) {
    return LocalDateTime.parse(text);
  }

  /** An instant: with an offset ({@code 2024-03-10T08:00Z}) as is, else wall-clock in {@code zone}. */
  static Instant at(String text, ZoneId zone) {
    if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
      return OffsetDateTime.parse(text).toInstant();
    }
    return LocalDateTime.parse(text).atZone(zone).toInstant();
  }

  /** {@code alice@layer:day}, several joined by {@code ,}, or {@code -} for nobody. */
  static String who(List<OnDuty> duties) {
    return duties.isEmpty() ? "-"
        : duties.stream().map(d -> d.contactId() + "@" + d.source()).collect(Collectors.joining(","));
  }

  /** A shift as {@code alice@layer:day 2024-03-09T09:00–2024-03-10T09:00 (23h)} in local time. */
  static String describe(Shift s, ZoneId zone) {
    return s.contactId() + "@" + s.source() + " " + LocalDateTime.ofInstant(s.start(), zone) + "–"
        + LocalDateTime.ofInstant(s.end(), zone) + " (" + hours(s.start(), s.end()) + ")";
  }

  static String hours(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toHours() + "h" + d.toMinutesPart() + "m";
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(abbreviation)) {
        return d;
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }
}
