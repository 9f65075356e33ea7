package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.config.TimePeriod;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports {@code time_intervals} (and the older top-level {@code mute_time_intervals}, same shape)
 * as named {@link TimeInterval}s whose periods keep Alertmanager's range syntax. One per import.
 */
final class TimeIntervalImporter {
  private static final Set<String> INTERVAL_FIELDS = Set.of("name", "time_intervals");
  private static final Set<String> PERIOD_FIELDS =
      Set.of("times", "weekdays", "days_of_month", "months", "years", "location");
  private static final Set<String> TIME_FIELDS = Set.of("start_time", "end_time");

  private final ImportContext ctx;

  TimeIntervalImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  List<TimeInterval> importAll(JsonNode node, String path) {
    return ctx.list(node, path, e -> {
      if (!ctx.requireMap(e.node(), e.path())) {
        return null;
      }
      ctx.checkFields(e.node(), e.path(), INTERVAL_FIELDS, Map.of());
      String name = ctx.text(e.node().get("name"), e.path() + ".name");
      if (name == null || name.isEmpty()) {
        ctx.problem(e.path() + ".name", "missing name in time interval");
        return null;
      }
      return new TimeInterval(name, ctx.list(e.node().get("time_intervals"), e.path() + ".time_intervals", this::period));
    });
  }

  private TimePeriod period(ImportContext.Element e) {
    if (!ctx.requireMap(e.node(), e.path())) {
      return null;
    }
    JsonNode n = e.node();
    String p = e.path();
    ctx.checkFields(n, p, PERIOD_FIELDS, Map.of());
    List<String> times = ctx.list(n.get("times"), p + ".times", t -> {
      if (!ctx.requireMap(t.node(), t.path())) {
        return null;
      }
      ctx.checkFields(t.node(), t.path(), TIME_FIELDS, Map.of());
      String start = ctx.text(t.node().get("start_time"), t.path() + ".start_time");
      String end = ctx.text(t.node().get("end_time"), t.path() + ".end_time");
      return start == null || end == null ? null : start + "-" + end;
    });
    return new TimePeriod(
        times,
        strings(n.get("weekdays"), p + ".weekdays"),
        strings(n.get("days_of_month"), p + ".days_of_month"),
        strings(n.get("months"), p + ".months"),
        strings(n.get("years"), p + ".years"),
        ctx.text(n.get("location"), p + ".location"));
  }

  private List<String> strings(JsonNode node, String path) {
    return ctx.list(node, path, e -> ctx.text(e.node(), e.path()));
  }
}
