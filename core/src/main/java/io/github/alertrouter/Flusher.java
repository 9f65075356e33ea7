package io.github.alertrouter;

import io.github.alertrouter.action.ActionTokens;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.escalate.EscalationFiring;
import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.delivery.MentionPlanner;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.silence.Silencer;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs each group's timer: a tick runs the {@link Pipeline} over the group, then sets the next
 * tick (a group interval later, or when a held window opens) and lets the flushed resolved alerts
 * leave the group (at once when nothing was sent, else once every notice was delivered); an empty
 * group is dropped. Also sends a group's escalation steps and acknowledgement notices.
 */
final class Flusher {
  private final Scheduler scheduler;
  private final MentionPlanner planner;
  private final Silencer silencer;
  private final Inhibitor inhibitor;
  private final ConcurrentMap<GroupId, AlertGroup> groups;
  private final Escalations escalations;
  private final RobotDelivery delivery;
  private final Pipeline pipeline;

  Flusher(EngineSettings s, Silencer silencer, Inhibitor inhibitor, ConcurrentMap<GroupId, AlertGroup> groups,
      Escalations escalations, ActionTokens actionTokens) {
    this.escalations = escalations;
    this.scheduler = s.scheduler();
    this.planner = new MentionPlanner(s.config());
    this.silencer = silencer;
    this.inhibitor = inhibitor;
    this.groups = groups;
    Map<String, Robot> robots = s.config().robots().stream().collect(Collectors.toMap(Robot::id, Function.identity()));
    this.delivery = new RobotDelivery(s.dispatcher(), s.platforms(), robots, actionTokens, s.bindings());
    Map<String, TimeInterval> intervals = s.config().timeIntervals().stream()
        .collect(Collectors.toMap(TimeInterval::name, Function.identity()));
    this.pipeline = new Pipeline(List.of(
        new HoldOutsideWindow(),
        new TimeMute(intervals),
        new Mute(silencer, inhibitor),
        new DedupAgainstDelivered(),
        new Episode(escalations),
        new PlanMentions(planner),
        new Enqueue(delivery, scheduler.clock(),
            flush -> scheduler.schedule(Duration.ZERO, () -> collect(flush.group(), flush.flushedResolved())))));
  }

  /**
   * Flushes {@code group} now.
   *
   * @param reschedule whether to set the next tick (false when closing)
   */
  void flush(AlertGroup group, boolean reschedule) {
    if (reschedule) {
      group.timerFired();
    }
    Instant now = scheduler.clock().instant();
    Stage.Verdict verdict = pipeline.run(Flush.of(group, now));
    Instant nextTick = now.plus(group.settings().groupInterval());
    if (verdict instanceof Stage.Halt halt) {
      nextTick = halt.at() != null ? halt.at() : nextTick;
    } else {
      Flush done = ((Stage.Next) verdict).flush();
      if (done.notices().stream().noneMatch(Flush.RobotNotice::send) && collect(group, done.flushedResolved())) {
        return; // destroyed
      }
    }
    if (reschedule) {
      group.scheduleIn(Duration.between(now, nextTick), now, scheduler, () -> flush(group, true));
    }
  }

  /** Drops the flushed resolved alerts (unless they changed since); destroys the group when empty (true). */
  private boolean collect(AlertGroup group, List<Alert> resolved) {
    group.removeResolved(resolved);
    if (group.destroyIfEmpty()) {
      groups.remove(group.id(), group);
      escalations.ended(group);
      return true;
    }
    return false;
  }

  /**
   * One escalation firing: the group's firing (unmuted) alerts to the step's targets through the
   * step's robots (or the policy's), saying which step it is. Nothing when nothing fires.
   */
  void escalate(AlertGroup group, Instant episodeStart, EscalationFiring firing, String description, Instant now) {
    RouteSettings s = group.settings();
    List<Alert> firingAlerts = firingUnmuted(group, now);
    if (firingAlerts.isEmpty()) {
      return;
    }
    Notification notification = RobotDelivery.notification(group, NotifyReason.ESCALATION, firingAlerts, List.of(), now)
        .asEscalation(description);
    List<String> robotIds = firing.step().robots().isEmpty() ? s.robots() : firing.step().robots();
    delivery.sendStep(notification, planner.plan(firing.step().targets(), firingAlerts, now), robotIds, s,
        new Outbox.StepFired(group.id().groupKey(), episodeStart, firing.slot(), now, Set.copyOf(robotIds)));
  }

  /**
   * Tells the group's chats that {@code who} acknowledged it (or withdrew that), so that the rest
   * of the team sees someone is on it (ARMS announces a claim the same way). The group's firing
   * (unmuted) alerts, through the policy's robots, mentioning nobody; nothing when nothing fires.
   */
  void announceAcknowledgement(AlertGroup group, boolean acknowledged, String who, Instant now) {
    List<Alert> firingAlerts = firingUnmuted(group, now);
    if (firingAlerts.isEmpty()) {
      return;
    }
    Notification notification = RobotDelivery.notification(group, NotifyReason.ACKNOWLEDGED, firingAlerts, List.of(),
        now).asAcknowledgement(acknowledged, who);
    delivery.send(notification, List.of(), group.settings().robots(), group.settings(), null, Receipt.NONE);
  }

  private List<Alert> firingUnmuted(AlertGroup group, Instant now) {
    return group.snapshot().stream()
        .filter(a -> !a.isResolvedAt(now) && !silencer.silenced(a.labels(), now) && !inhibitor.inhibited(a, now))
        .toList();
  }
}
