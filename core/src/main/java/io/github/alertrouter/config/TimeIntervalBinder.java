package io.github.alertrouter.config;

import java.util.List;

/**
 * Binds {@code timeIntervals}. Ranges are kept as text, as {@link TimePeriod} holds them; their
 * syntax is checked by the validator ({@link TimePeriodSyntax}) so code-built periods get the
 * same checks.
 */
final class TimeIntervalBinder {
  private TimeIntervalBinder() {}

  static TimeInterval interval(Node node) {
    if (!node.isMap("name", "periods")) {
      return null;
    }
    int mark = node.mark();
    String name = node.required("name").text();
    List<TimePeriod> periods = node.field("periods").list(TimeIntervalBinder::period);
    return node.build(mark, () -> new TimeInterval(name, periods));
  }

  static TimePeriod period(Node node) {
    if (!node.isMap("times", "weekdays", "daysOfMonth", "months", "years", "location")) {
      return null;
    }
    int mark = node.mark();
    List<String> times = node.field("times").texts();
    List<String> weekdays = node.field("weekdays").texts();
    List<String> daysOfMonth = node.field("daysOfMonth").texts();
    List<String> months = node.field("months").texts();
    List<String> years = node.field("years").texts();
    String location = node.field("location").text();
    return node.build(mark, () -> new TimePeriod(times, weekdays, daysOfMonth, months, years, location));
  }
}
