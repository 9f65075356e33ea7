package io.github.alertrouter;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.TimeText;
import io.github.alertrouter.spi.render.Wording;
import io.github.alertrouter.time.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Announces handoffs: for each schedule with a {@code handoffRobot}, a timer at the schedule's
 * next change posts who is now on duty (@-ed) and who is next. A change is an instant where the
 * on-call set differs, so rapid rotations and overlapping restrictions announce each real change
 * once, and the {@link HandoffLog} keeps a handoff from being announced twice by routers that
 * follow each other in one process. Only future handoffs are announced: starting a router does
 * not repeat the current shift's.
 */
final class Handoffs {
  private final Scheduler scheduler;
  private final Dispatcher dispatcher;
  private final Platforms platforms;
  private final HandoffLog log;
  private final Map<String, Robot> robots;
  private final Map<String, Contact> contacts;
  private final List<OnCallSchedule> schedules = new ArrayList<>();
  private final Map<String, Scheduler.Cancellable> timers = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  Handoffs(RouterConfig config, Scheduler scheduler, Dispatcher dispatcher, Platforms platforms, HandoffLog log) {
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
    this.platforms = platforms;
    this.log = log;
    this.robots = config.robots().stream().collect(Collectors.toMap(Robot::id, Function.identity()));
    this.contacts = config.contacts().stream().collect(Collectors.toMap(Contact::id, Function.identity()));
    for (Schedule s : config.schedules()) {
      if (s.handoffRobot() != null) {
        schedules.add(OnCallSchedule.of(s));
      }
    }
  }

  /** Most changes one schedule can announce late at a start: a bound on a rapid rotation's backlog. */
  static final int CATCH_UP_LIMIT = 10;

  /** Announces each schedule's handoffs from now on. */
  void start() {
    start(null);
  }

  /**
   * Announces each schedule's handoffs from now on and, with {@code since}, first those after it
   * that are already past: a fleet member that takes over announces what changed while no member
   * was active (the log keeps one the old member announced from being repeated).
   */
  void start(Instant since) {
    stopped = false; // a fleet member that steps down and becomes active again starts again
    Instant now = scheduler.clock().instant();
    for (OnCallSchedule s : schedules) {
      Instant change = since == null ? null : s.nextChange(since);
      for (int i = 0; change != null && !change.isAfter(now) && i < CATCH_UP_LIMIT; i++) {
        announceOnce(s, change);
        change = s.nextChange(change);
      }
      scheduleNext(s, now);
    }
  }

  void stop() {
    stopped = true;
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
  }

  private void scheduleNext(OnCallSchedule schedule, Instant after) {
    Instant next = schedule.nextChange(after);
    if (next == null || stopped) {
      return;
    }
    Instant now = scheduler.clock().instant();
    timers.put(schedule.schedule().id(),
        scheduler.schedule(java.time.Duration.between(now, next), () -> announce(schedule, next)));
  }

  private void announce(OnCallSchedule schedule, Instant handoff) {
    if (stopped) {
      return;
    }
    announceOnce(schedule, handoff);
    scheduleNext(schedule, handoff);
  }

  /** Posts the handoff at {@code handoff} unless a router of this process or fleet already did. */
  private void announceOnce(OnCallSchedule schedule, Instant handoff) {
    Schedule s = schedule.schedule();
    if (log.claim(s.id(), handoff)) {
      Robot robot = robots.get(s.handoffRobot());
      PlatformProvider platform = platforms.find(robot.platform()).orElseThrow();
      List<OnDuty> now = schedule.onCall(handoff);
      Instant until = schedule.nextChange(handoff);
      List<OnDuty> next = until == null ? List.of() : schedule.onCall(until);
      String name = s.name() == null ? s.id() : s.name();
      List<String> lines = new ArrayList<>();
      var zone = RenderRequest.displayZone(robot);
      // a notice is worded here, where the robot is known: platforms render its lines as they are
      Wording w = Wording.of(robot);
      lines.add(w.since(TimeText.instant(handoff, zone), until == null ? null : TimeText.instant(until, zone)));
      lines.add(w.next(until == null ? null : names(next, w)));
      Notice notice = new Notice(NotifyReason.HANDOFF, "schedule:" + s.id(), "handoff:" + s.id() + ":" + handoff,
          w.onCallFor(name, names(now, w)), lines, mentions(now, platform, robot), handoff);
      dispatcher.dispatch(Delivery.of(robot.id(), notice));
    }
  }

  private List<Mention> mentions(List<OnDuty> onDuty, PlatformProvider platform, Robot robot) {
    List<Mention> out = new ArrayList<>();
    for (OnDuty d : onDuty) {
      Contact c = contacts.get(d.contactId());
      MentionTarget target = MentionTarget.contact(d.contactId());
      if (c == null) {
        out.add(Mention.unresolved(target, d.contactId(), d.contactId(), "unknown contact"));
        continue;
      }
      IdentityResolution r = platform.resolve(c, robot);
      out.add(r.isResolved()
          ? Mention.resolved(target, c.id(), c.name(), r.identity())
          : Mention.unresolved(target, c.id(), c.name(), r.reason()));
    }
    return out;
  }

  private String names(List<OnDuty> onDuty, Wording wording) {
    if (onDuty.isEmpty()) {
      return wording.nobody();
    }
    return onDuty.stream()
        .map(d -> contacts.containsKey(d.contactId()) ? contacts.get(d.contactId()).name() : d.contactId())
        .collect(Collectors.joining(", "));
  }
}
