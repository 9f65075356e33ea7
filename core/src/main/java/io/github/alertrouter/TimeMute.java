package io.github.alertrouter;

import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.route.RouteSettings;
import java.util.Map;

/** Alertmanager's time-mute and time-active stages: inside a mute interval, or outside every active one, the tick is skipped. */
final class TimeMute implements Stage {
  private final Map<String, TimeInterval> intervals;

  TimeMute(Map<String, TimeInterval> intervals) {
    this.intervals = Map.copyOf(intervals);
  }

  @Override
  public Verdict apply(Flush flush) {
    RouteSettings s = flush.settings();
    for (String name : s.muteTimeIntervals()) {
      if (intervals.get(name).contains(flush.now())) {
        return new Halt(null);
      }
    }
    if (s.activeTimeIntervals().isEmpty()) {
      return new Next(flush);
    }
    for (String name : s.activeTimeIntervals()) {
      if (intervals.get(name).contains(flush.now())) {
        return new Next(flush);
      }
    }
    return new Halt(null);
  }
}
