package io.github.alertrouter.internal.engine;

import io.github.alertrouter.notify.NotificationLog.Entry;
import io.github.alertrouter.Alert;
import io.github.alertrouter.Fingerprint;
import io.github.alertrouter.action.Action;
import io.github.alertrouter.action.ActionLinks;
import io.github.alertrouter.action.ActionTokens;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.OutsideWindow;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.TimeInterval;
import io.github.alertrouter.escalate.EscalationFiring;
import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.MentionPlanner;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.PlannedMention;
import io.github.alertrouter.notify.Receipt;
import io.github.alertrouter.time.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.silence.Silencer;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A group's flush, on its timer: Alertmanager's notify pipeline for one group. Outside the
 * policy's notify window the group is held until the window opens ({@link OutsideWindow#HOLD}), or
 * the notice is recorded but not sent ({@link OutsideWindow#DROP});
 * inside a mute time interval (or outside an active one) the tick is skipped; silenced and
 * inhibited alerts are left out; for each robot, the dedup decision against what its chat last
 * <em>received</em> says whether and why to notify it (a notice that gave up is sent again at the
 * next flush); mentions are
 * planned now, so a repeat @s whoever the targets name now; each robot gets a delivery; resolved
 * alerts that were flushed leave the group, and an empty group is dropped.
 */
final class Flusher {
  private static final Logger LOG = LoggerFactory.getLogger(Flusher.class);
  /** How long the links in a message work: a day covers a night's on-call. */
  static final Duration ACTION_LINK_TTL = Duration.ofHours(24);
  static final Duration SILENCE_FOR = Duration.ofHours(1);

  private final Scheduler scheduler;
  private final Dispatcher dispatcher;
  private final Platforms platforms;
  private final MentionPlanner planner;
  private final Silencer silencer;
  private final Inhibitor inhibitor;
  private final ConcurrentMap<GroupId, AlertGroup> groups;
  private final Map<String, Robot> robots;
  private final Map<String, TimeInterval> intervals;
  private final Escalations escalations;
  private final ActionTokens actionTokens;
  private final BindingService bindings;

  Flusher(EngineSettings s, Silencer silencer, Inhibitor inhibitor, ConcurrentMap<GroupId, AlertGroup> groups,
      Escalations escalations, ActionTokens actionTokens) {
    this.escalations = escalations;
    this.actionTokens = actionTokens;
    this.bindings = s.bindings();
    this.scheduler = s.scheduler();
    this.dispatcher = s.dispatcher();
    this.platforms = s.platforms();
    this.planner = new MentionPlanner(s.config());
    this.silencer = silencer;
    this.inhibitor = inhibitor;
    this.groups = groups;
    this.robots = s.config().robots().stream().collect(Collectors.toMap(Robot::id, Function.identity()));
    this.intervals = s.config().timeIntervals().stream()
        .collect(Collectors.toMap(TimeInterval::name, Function.identity()));
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
    RouteSettings s = group.settings();
    Runnable next = () -> group.scheduleIn(s.groupInterval(), now, scheduler, () -> flush(group, true));
    boolean inWindow = s.window().contains(now);
    if (!inWindow && s.window().outsideWindow() == OutsideWindow.HOLD) {
      if (reschedule) {
        Instant opens = s.window().nextOpening(now);
        group.scheduleIn(Duration.between(now, opens), now, scheduler, () -> flush(group, true));
      }
      return;
    }
    if (timeMuted(s, now)) {
      if (reschedule) {
        next.run();
      }
      return;
    }
    List<Alert> alerts = group.snapshot();
    List<Alert> firing = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    List<Alert> allResolved = new ArrayList<>();
    for (Alert a : alerts) {
      boolean isResolved = a.isResolvedAt(now);
      if (isResolved) {
        allResolved.add(a);
      }
      if (muted(a, now)) {
        continue;
      }
      (isResolved ? resolved : firing).add(a);
    }
    Set<Fingerprint> firingFps = fingerprints(firing);
    Set<Fingerprint> resolvedFps = fingerprints(resolved);
    Duration repeat = s.escalationPolicy() == null ? s.repeatInterval() : null;
    // the group's own decision times escalation episodes; each robot's decides what its chat gets
    Dedup.Decision decision = Dedup.decide(group.last(), firingFps, resolvedFps, s.sendResolved(), repeat, now);
    for (String robotId : s.robots()) {
      Dedup.Decision d = Dedup.decide(group.delivered(robotId), firingFps, resolvedFps, s.sendResolved(), repeat, now);
      if (d == null) {
        continue;
      }
      Entry said = new Entry(firingFps, resolvedFps, now);
      if (d.send() && inWindow) {
        deliver(group, s, robotId, d, firing, s.sendResolved() ? resolved : List.of(), said, allResolved, now);
      } else {
        group.recordDelivered(robotId, said); // nothing to send: a resolution kept quiet, or a notice dropped
      }
    }
    group.flushed(decision == null ? null : new Entry(firingFps, resolvedFps, now));
    if (decision != null && s.escalationPolicy() != null) {
      if (decision.reason() == NotifyReason.FIRST_NOTIFICATION) {
        escalations.started(group, now);
      } else if (decision.reason() == NotifyReason.ALL_RESOLVED) {
        escalations.ended(group);
      }
    }
    if (s.escalationPolicy() != null && !firing.isEmpty()) {
      escalations.resumeIfRunning(group, now);
    }
    if (!collect(group, allResolved) && reschedule) {
      next.run();
    }
  }

  /** Drops the resolved alerts no chat is owed any more; destroys the group when empty (true). */
  private boolean collect(AlertGroup group, List<Alert> resolved) {
    group.removeResolved(resolved, group.settings().sendResolved());
    if (group.destroyIfEmpty()) {
      groups.remove(group.id(), group);
      escalations.ended(group);
      return true;
    }
    return false;
  }

  /**
   * Hands one robot its notice; only when the platform accepts it does the group record it as
   * delivered. One that gives up leaves the log as it was, so the next flush (a group interval
   * later) decides again and sends it again, until it gets through.
   */
  private void deliver(AlertGroup group, RouteSettings s, String robotId, Dedup.Decision decision,
      List<Alert> firing, List<Alert> resolved, Entry said, List<Alert> flushedResolved, Instant now) {
    List<Alert> shown = new ArrayList<>(firing);
    shown.addAll(resolved);
    Notification notification = notification(group, decision.reason(), firing, resolved, shown, now);
    Receipt receipt = outcome -> {
      switch (outcome) {
        case DELIVERED -> {
          group.recordDelivered(robotId, new Entry(said.firing(), said.resolved(), scheduler.clock().instant()));
          if (!resolved.isEmpty()) {
            // the chat has its resolved notice: the alerts it owed may leave now, not a tick later,
            // so an alert that fires again starts a new episode (on the timers' thread)
            scheduler.schedule(Duration.ZERO, () -> collect(group, flushedResolved));
          }
        }
        case GAVE_UP -> {
          group.gaveUp(robotId);
          LOG.warn("{} group {}: the notice to robot {} was not delivered; it is tried again at the group's "
              + "next flush, in {}", s.name() == null ? "policy" : "policy " + s.name(), group.id().groupKey(),
              robotId, Durations.format(s.groupInterval()));
        }
        case SUPERSEDED -> { } // the newer notice carries the same receipt duty
      }
    };
    dispatch(notification, planner.plan(s.mention(), shown, now), List.of(robotId), s,
        Engine.logKey(group.id()), receipt);
  }

  /**
   * One escalation firing: the group's firing (unmuted) alerts to the step's targets through the
   * step's robots (or the policy's), saying which step it is. Nothing when nothing fires.
   */
  void escalate(AlertGroup group, EscalationFiring firing, String description, Instant now) {
    RouteSettings s = group.settings();
    List<Alert> firingAlerts = firingUnmuted(group, now);
    if (firingAlerts.isEmpty()) {
      return;
    }
    Notification notification = notification(group, NotifyReason.ESCALATION, firingAlerts, List.of(), firingAlerts, now)
        .asEscalation(description);
    List<String> robotIds = firing.step().robots().isEmpty() ? s.robots() : firing.step().robots();
    dispatch(notification, planner.plan(firing.step().targets(), firingAlerts, now), robotIds, s, null, Receipt.NONE);
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
    Notification notification = notification(group, NotifyReason.ACKNOWLEDGED, firingAlerts, List.of(), firingAlerts, now)
        .asAcknowledgement(acknowledged, who);
    dispatch(notification, List.of(), group.settings().robots(), group.settings(), null, Receipt.NONE);
  }

  private List<Alert> firingUnmuted(AlertGroup group, Instant now) {
    return group.snapshot().stream().filter(a -> !a.isResolvedAt(now) && !muted(a, now)).toList();
  }

  private static Notification notification(AlertGroup group, NotifyReason reason, List<Alert> firing,
      List<Alert> resolved, List<Alert> shown, Instant now) {
    RouteSettings s = group.settings();
    return Notification.of(s.name() == null ? "" : s.name(), group.id().groupKey(), group.groupLabels(), reason,
        firing, resolved, NotificationLink.fromAlerts(shown), now);
  }

  /** Each robot gets the notification with the planned mentions resolved for its platform. */
  private void dispatch(Notification notification, List<PlannedMention> planned, List<String> robotIds,
      RouteSettings s, String key, Receipt receipt) {
    for (String robotId : robotIds) {
      Robot robot = robots.get(robotId);
      PlatformProvider platform = platforms.find(robot.platform()).orElseThrow();
      List<Mention> mentions = MentionPlanner.resolve(planned, platform, robot, bound(s));
      dispatcher.dispatch(new Delivery(robotId, withBindLink(withActions(notification, robot, s), robot, mentions),
          mentions, s.templates().get(robot.platform())), key, receipt);
    }
  }

  /**
   * A "bind your number" link when someone was not @-ed only because their number is not bound
   * and the robot has an action base URL (ARMS: the card carries the binding entry).
   */
  private Notification withBindLink(Notification n, Robot robot, List<Mention> mentions) {
    String base = robot.option(RenderRequest.OPTION_ACTION_BASE_URL, null);
    boolean unbound = mentions.stream().anyMatch(m -> MentionPlanner.NOT_BOUND.equals(m.reason()));
    if (!unbound || base == null || bindings == null) {
      return n;
    }
    String url = base + "/bind/" + bindings.issueLink(robot.platform(), robot.id()).id();
    return n.withLinks(List.of(new NotificationLink(NotificationLink.Kind.BIND, "Bind your number to be @-ed", url)));
  }

  /** The binding check for a policy with {@code requireBinding}, or {@code null}. */
  private BiPredicate<String, String> bound(RouteSettings s) {
    if (!s.requireBinding()) {
      return null;
    }
    return bindings == null ? (contact, platform) -> false : bindings::isBound;
  }

  /** The actions a chat can take on a group, as signed links, when the robot has a base URL. */
  private Notification withActions(Notification n, Robot robot, RouteSettings s) {
    String base = robot.option(RenderRequest.OPTION_ACTION_BASE_URL, null);
    if (actionTokens == null || base == null || n.isResolved()) {
      return n;
    }
    ActionLinks links = new ActionLinks(base, actionTokens);
    List<NotificationLink> actions = new ArrayList<>();
    if (s.escalationPolicy() != null) {
      actions.add(new NotificationLink(NotificationLink.Kind.ACKNOWLEDGE, "Claim",
          links.link(Action.ACKNOWLEDGE, n.groupKey())));
    }
    actions.add(new NotificationLink(NotificationLink.Kind.RESOLVE, "Resolve", links.link(Action.RESOLVE, n.groupKey())));
    actions.add(new NotificationLink(NotificationLink.Kind.SILENCE, "Silence 1h",
        links.silenceLink(n.groupKey(), SILENCE_FOR)));
    return n.withLinks(actions);
  }

  private boolean muted(Alert alert, Instant now) {
    return silencer.silenced(alert.labels(), now) || inhibitor.inhibited(alert, now);
  }

  /** Alertmanager's time mute and time active stages: the whole tick is skipped. */
  private boolean timeMuted(RouteSettings s, Instant now) {
    for (String name : s.muteTimeIntervals()) {
      if (intervals.get(name).contains(now)) {
        return true;
      }
    }
    if (s.activeTimeIntervals().isEmpty()) {
      return false;
    }
    for (String name : s.activeTimeIntervals()) {
      if (intervals.get(name).contains(now)) {
        return false;
      }
    }
    return true;
  }

  private static Set<Fingerprint> fingerprints(List<Alert> alerts) {
    Set<Fingerprint> out = new LinkedHashSet<>();
    alerts.forEach(a -> out.add(a.fingerprint()));
    return out;
  }
}
