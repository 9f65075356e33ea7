package io.github.alertrouter;

import io.github.alertrouter.action.Action;
import io.github.alertrouter.action.ActionLinks;
import io.github.alertrouter.action.ActionTokens;
import io.github.alertrouter.action.PageText;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.delivery.MentionPlanner;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.delivery.PlannedMention;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Per robot: resolves the planned mentions to the identities its platform @s by, adds the signed
 * action links (and a bind link when someone was left un-@-ed for lack of binding), and hands the
 * delivery to the robot's lane (the outbox). Used by a group's flush, its escalation steps and
 * acknowledgement notices alike. Thread-safe.
 */
final class RobotDelivery {
  /** How long the links in a message work: a day covers a night's on-call. */
  static final Duration ACTION_LINK_TTL = Duration.ofHours(24);
  static final Duration SILENCE_FOR = Duration.ofHours(1);

  private final Dispatcher dispatcher;
  private final Platforms platforms;
  private final Map<String, Robot> robots;
  private final ActionTokens actionTokens;
  private final BindingService bindings;

  RobotDelivery(Dispatcher dispatcher, Platforms platforms, Map<String, Robot> robots, ActionTokens actionTokens,
      BindingService bindings) {
    this.dispatcher = dispatcher;
    this.platforms = platforms;
    this.robots = Map.copyOf(robots);
    this.actionTokens = actionTokens;
    this.bindings = bindings;
  }

  /** A notification about a group's alerts. */
  static Notification notification(AlertGroup group, NotifyReason reason, List<Alert> firing, List<Alert> resolved,
      Instant now) {
    RouteSettings s = group.settings();
    List<Alert> shown = new ArrayList<>(firing);
    shown.addAll(resolved);
    return Notification.of(s.name() == null ? "" : s.name(), group.id().groupKey(), group.groupLabels(), reason,
        firing, resolved, NotificationLink.fromAlerts(shown), now);
  }

  /**
   * Hands each robot the notification with the planned mentions resolved for its platform; a
   * queued delivery with the same {@code key} is replaced, {@code receipt} hears how each ended.
   */
  void send(Notification notification, List<PlannedMention> planned, List<String> robotIds, RouteSettings s,
      String key, Receipt receipt) {
    send(notification, planned, robotIds, s, key, robotId -> null, receipt);
  }

  /** {@link #send} with what the notification log records once each robot's delivery was accepted. */
  void send(Notification notification, List<PlannedMention> planned, List<String> robotIds, RouteSettings s,
      String key, Function<String, Outbox.Delivered> delivered, Receipt receipt) {
    send(notification, planned, robotIds, s, key, delivered, null, receipt);
  }

  /** An escalation firing's notices, each entry carrying {@code step}, which recovery records the firing from. */
  void sendStep(Notification notification, List<PlannedMention> planned, List<String> robotIds, RouteSettings s,
      Outbox.StepFired step) {
    send(notification, planned, robotIds, s, null, robotId -> null, step, Receipt.NONE);
  }

  private void send(Notification notification, List<PlannedMention> planned, List<String> robotIds, RouteSettings s,
      String key, Function<String, Outbox.Delivered> delivered, Outbox.StepFired step, Receipt receipt) {
    for (String robotId : robotIds) {
      Robot robot = robots.get(robotId);
      PlatformProvider platform = platforms.find(robot.platform()).orElseThrow();
      List<Mention> mentions = MentionPlanner.resolve(planned, platform, robot, bound(s));
      dispatcher.dispatch(new Outbox.Entry(new Delivery(robotId,
          withBindLink(withActions(notification, robot, s), robot, mentions), mentions, s.templateFor(robot)),
          key, delivered.apply(robotId), step, receipt));
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
    String url = base + "/bind/" + bindings.issueLink(robot.platform(), robot.id()).id() + language(robot);
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
    String lang = language(robot);
    List<NotificationLink> actions = new ArrayList<>();
    if (s.escalationPolicy() != null) {
      actions.add(new NotificationLink(NotificationLink.Kind.ACKNOWLEDGE, "Claim",
          links.link(Action.ACKNOWLEDGE, n.groupKey()) + lang));
    }
    actions.add(new NotificationLink(NotificationLink.Kind.RESOLVE, "Resolve",
        links.link(Action.RESOLVE, n.groupKey()) + lang));
    actions.add(new NotificationLink(NotificationLink.Kind.SILENCE, "Silence 1h",
        links.silenceLink(n.groupKey(), SILENCE_FOR) + lang));
    return n.withLinks(actions);
  }

  /**
   * {@code ?lang=zh-CN} for a robot whose messages are not in English, so the page a link opens
   * speaks the chat's language whatever the browser's; outside the signed token, which it does
   * not change (the language grants nothing).
   */
  private static String language(Robot robot) {
    Wording w = Wording.of(robot);
    return w == Wording.DEFAULT ? "" : "?" + PageText.LANG + "=" + w.tag();
  }
}
