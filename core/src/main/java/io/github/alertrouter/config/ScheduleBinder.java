package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Binds {@code schedules} entries with their layers, restrictions and overrides. */
final class ScheduleBinder {
  private ScheduleBinder() {}

  static Schedule schedule(Node node) {
    if (!node.isMap("id", "name", "timeZone", "handoffRobot", "disallowOverlap", "layers", "overrides")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    String name = node.field("name").text();
    ZoneId zone = node.required("timeZone").as(Values::zone);
    String handoffRobot = node.field("handoffRobot").text();
    Boolean disallowOverlap = node.field("disallowOverlap").bool();
    List<ScheduleLayer> layers = node.required("layers").list(ScheduleBinder::layer);
    List<ScheduleOverride> overrides = node.field("overrides").list(ScheduleBinder::override);
    return node.build(mark, () -> new Schedule(id, name, zone, handoffRobot, layers, overrides,
        Boolean.TRUE.equals(disallowOverlap)));
  }

  static ScheduleLayer layer(Node node) {
    if (!node.isMap("name", "members", "rotation", "shiftLength", "handoff", "start", "end", "restrictions")) {
      return null;
    }
    int mark = node.mark();
    String name = node.field("name").text();
    List<String> members = node.required("members").texts();
    Rotation rotation = node.required("rotation").as(text -> Values.enumValue(Rotation.class, text));
    Duration shiftLength = node.field("shiftLength").as(Durations::parse);
    LocalDateTime handoff = node.required("handoff").as(Values::localDateTime);
    LocalDateTime start = node.field("start").as(Values::localDateTime);
    LocalDateTime end = node.field("end").as(Values::localDateTime);
    List<TimeRestriction> restrictions = node.field("restrictions").list(ScheduleBinder::restriction);
    return node.build(mark,
        () -> new ScheduleLayer(name, members, rotation, shiftLength, handoff, start, end, restrictions));
  }

  /**
   * A daily ({@code days, from, to}) or weekly ({@code fromDay, from, toDay, to}) restriction; the
   * record says which combinations are allowed.
   */
  static TimeRestriction restriction(Node node) {
    if (!node.isMap("days", "fromDay", "from", "toDay", "to")) {
      return null;
    }
    int mark = node.mark();
    Set<DayOfWeek> days = days(node.field("days"));
    DayOfWeek fromDay = node.field("fromDay").as(Values::dayOfWeek);
    TimeOfDay from = node.required("from").as(TimeOfDay::parse);
    DayOfWeek toDay = node.field("toDay").as(Values::dayOfWeek);
    TimeOfDay to = node.required("to").as(TimeOfDay::parse);
    return node.build(mark, () -> new TimeRestriction(days, from, to, fromDay, toDay));
  }

  static ScheduleOverride override(Node node) {
    if (!node.isMap("contact", "from", "to")) {
      return null;
    }
    int mark = node.mark();
    String contact = node.required("contact").text();
    LocalDateTime from = node.required("from").as(Values::localDateTime);
    LocalDateTime to = node.required("to").as(Values::localDateTime);
    return node.build(mark, () -> new ScheduleOverride(contact, from, to));
  }

  /** A list of days; {@code null} when absent. */
  static Set<DayOfWeek> days(Node node) {
    List<DayOfWeek> days = node.texts(Values::dayOfWeek);
    if (days == null) {
      return null;
    }
    return days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
  }
}
