package io.github.alertrouter.preview;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.OutsideWindow;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.escalate.EscalationPlanner;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.delivery.MentionPlanner;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RouteNode;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.route.RoutingTree;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first notification of each group the previewed alerts form, per robot of its policy: the
 * alerts firing at the preview instant, grouped as the routing tree groups them, planned and
 * rendered exactly as the dispatcher would. Alerts already resolved are left out: a group's
 * first notice never announces an alert that resolved before it. The notice is due
 * {@code groupWait} after the preview instant, or when the policy's notify window next opens; a
 * notice due outside a window that drops such notices is not listed.
 */
final class NotificationPreviews {
  private NotificationPreviews() {}

  public static List<NotificationPreview> of(
      RouterConfig config, RoutingTree routes, List<Alert> alerts, Instant at, Platforms platforms,
      BindingService bindings) {
    Map<GroupId, Group> groups = new LinkedHashMap<>();
    for (Alert alert : alerts) {
      if (alert.isResolvedAt(at)) {
        continue;
      }
      for (RouteMatch match : routes.match(alert.labels())) {
        GroupId id = new GroupId(match.node(), match.groupKey(alert.labels()));
        groups.computeIfAbsent(id, k -> new Group(match, alert)).alerts.add(alert);
      }
    }
    MentionPlanner planner = new MentionPlanner(config);
    Map<String, Robot> robots = new LinkedHashMap<>();
    config.robots().forEach(r -> robots.put(r.id(), r));
    List<NotificationPreview> out = new ArrayList<>();
    for (Map.Entry<GroupId, Group> e : groups.entrySet()) {
      Group group = e.getValue();
      RouteSettings settings = group.match.settings();
      Instant due = at.plus(settings.groupWait());
      if (!settings.window().contains(due) && settings.window().outsideWindow() == OutsideWindow.DROP) {
        continue; // the engine would record this first notice without sending it
      }
      Instant sendAt = settings.window().nextOpening(due); // held until the window opens
      Notification notification = Notification.of(
          settings.name() == null ? "" : settings.name(), e.getKey().groupKey,
          group.match.groupLabels(group.first.labels()), NotifyReason.FIRST_NOTIFICATION, group.alerts, List.of(),
          NotificationLink.fromAlerts(group.alerts), sendAt);
      var planned = planner.plan(settings.mention(), group.alerts, sendAt);
      var plan = escalationPlan(config, settings, sendAt);
      for (String robotId : settings.robots()) {
        Robot robot = robots.get(robotId);
        Optional<PlatformProvider> platform = platforms.find(robot.platform());
        if (platform.isEmpty()) {
          out.add(preview(notification, robot, List.of(), List.of(), platforms.missing(robot.platform()), plan));
          continue;
        }
        List<Mention> mentions = MentionPlanner.resolve(planned, platform.get(), robot,
            !settings.requireBinding() ? null : bindings == null ? (c, p) -> false : bindings::isBound);
        try {
          List<OutboundMessage> messages = platform.get().render(RenderRequest.of(
              notification, mentions, robot, settings.templateFor(robot)));
          out.add(preview(notification, robot, mentions, messages, null, plan));
        } catch (RuntimeException ex) {
          out.add(preview(notification, robot, mentions, List.of(), "cannot render: " + ex.getMessage(), plan));
        }
      }
    }
    return out;
  }

  private static NotificationPreview preview(Notification n, Robot robot, List<Mention> mentions,
      List<OutboundMessage> messages, String error, List<NotificationPreview.PlannedEscalation> plan) {
    return new NotificationPreview(n.policy(), n.groupKey(), n.groupLabels(), n.reason(), n.firing().size(),
        n.resolved().size(), n.at(), null, robot.id(), robot.platform(), mentions, messages, error, plan);
  }

  /** The escalation firings of the group's policy from its first notice on, at most 20. */
  private static List<NotificationPreview.PlannedEscalation> escalationPlan(
      RouterConfig config, RouteSettings settings, Instant firstNotice) {
    if (settings.escalationPolicy() == null) {
      return List.of();
    }
    EscalationPolicy policy = config.escalationPolicies().stream()
        .filter(p -> p.id().equals(settings.escalationPolicy())).findFirst().orElse(null);
    if (policy == null) {
      return List.of();
    }
    return EscalationPlanner.plan(policy, firstNotice, 20).stream()
        .map(f -> new NotificationPreview.PlannedEscalation(f.dueAt(), f.describe(policy), f.step().when().name(),
            f.step().targets().stream().map(Object::toString).toList(),
            f.step().robots().isEmpty() ? settings.robots() : f.step().robots()))
        .toList();
  }

  /** Route keys are not unique, so a group is one node's, not one key's. */
  private record GroupId(RouteNode node, String groupKey) {}

  private static final class Group {
    final RouteMatch match;
    final Alert first;
    final List<Alert> alerts = new ArrayList<>();

    Group(RouteMatch match, Alert first) {
      this.match = match;
      this.first = first;
    }
  }
}
