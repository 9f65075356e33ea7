package io.github.alertrouter.alertmanager;

import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.route.RouteSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a prometheus-webhook-dingtalk import the grouping of the alertmanager.yml in front of it:
 * for each target, the receivers whose {@code webhook_configs} post to {@code /dingtalk/<target>/send}
 * and the effective {@code group_by}, {@code repeat_interval}, {@code send_resolved} and {@code max_alerts} of the routes
 * that send to them (read from {@code import-alertmanager}'s policies, whose target robots are
 * named after the targets). Not thread-safe: one per import.
 */
final class AlertmanagerRoutes {
  /** How one receiver's alerts reach a target. */
  private record Route(String receiver, GroupRule group, Duration repeat, boolean sendResolved, int maxAlerts) {
    /** What decides how a message looks and when it goes, without who sent it. */
    Route kind() {
      return new Route("", group, repeat, sendResolved, 0);
    }
  }

  private final Map<String, Map<String, Route>> byTarget = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private AlertmanagerRoutes() {}

  /** {@code imported} with each target's policy grouped as {@code alertmanager} routes its receivers. */
  static AlertmanagerImport apply(AlertmanagerImport imported, RouterConfig alertmanager) {
    AlertmanagerRoutes routes = new AlertmanagerRoutes();
    Map<String, Robot> targets = new LinkedHashMap<>();
    alertmanager.robots().stream()
        .filter(r -> r.platform().equals("dingtalk") && r.webhook().reveal().equals(ReceiverImporter.UNKNOWN_DINGTALK))
        .forEach(r -> targets.put(r.id(), r));
    for (NotificationPolicy root : alertmanager.notificationPolicies()) {
      routes.walk(root, RouteSettings.DEFAULTS, targets);
    }
    RouterConfig config = imported.config();
    List<NotificationPolicy> policies = new ArrayList<>();
    List<Robot> robots = new ArrayList<>();
    for (Robot robot : config.robots()) {
      Map<String, Route> receivers = routes.byTarget.getOrDefault(robot.id(), Map.of());
      int maxAlerts = receivers.values().stream().mapToInt(Route::maxAlerts).max().orElse(0);
      robots.add(maxAlerts > 0 ? robot.toBuilder().maxAlerts(maxAlerts).build() : robot);
      if (receivers.isEmpty()) {
        routes.warnings.add("targets." + robot.id() + ": no receiver of the alertmanager.yml posts to /dingtalk/"
            + robot.id() + "/send: grouped by alertname");
      }
    }
    for (NotificationPolicy policy : config.notificationPolicies()) {
      Map<String, Route> receivers = routes.byTarget.getOrDefault(policy.name(), Map.of());
      policies.add(routes.grouped(policy, receivers));
    }
    RouterConfig.Builder out = RouterConfig.builder();
    config.contacts().forEach(out::contact);
    robots.forEach(out::robot);
    policies.forEach(out::notificationPolicy);
    List<String> warnings = new ArrayList<>(imported.warnings());
    warnings.addAll(routes.warnings);
    return new AlertmanagerImport(out.build(), warnings);
  }

  private void walk(NotificationPolicy node, RouteSettings parent, Map<String, Robot> targets) {
    RouteSettings s = parent.inheritedBy(node);
    for (String robot : s.robots()) {
      Robot target = targets.get(robot);
      if (target != null && s.repeatInterval() != null) {
        GroupRule group = GroupRule.builder().groupWait(Duration.ZERO)
            .groupInterval(WebhookDingtalkImporter.GROUP_INTERVAL)
            .groupingFields(s.groupByAll() ? List.of(GroupRule.ALL_LABELS)
                : WebhookDingtalkImporter.withReceiver(s.groupingFields())).build();
        // the first route that sends a receiver's alerts decides: Alertmanager's own first match
        byTarget.computeIfAbsent(robot, k -> new LinkedHashMap<>())
            .putIfAbsent(s.name(), new Route(s.name(), group, s.repeatInterval(), s.sendResolved(), target.maxAlerts()));
      }
    }
    for (NotificationPolicy child : node.routes()) {
      walk(child, s, targets);
    }
  }

  /** {@code policy} grouped as its receivers are, nested per receiver when they differ. */
  private NotificationPolicy grouped(NotificationPolicy policy, Map<String, Route> receivers) {
    List<Route> kinds = receivers.values().stream().map(Route::kind).distinct().toList();
    if (kinds.isEmpty()) {
      return policy;
    }
    if (kinds.size() == 1) {
      Route r = kinds.get(0);
      return policy.toBuilder().groupRule(r.group()).repeatInterval(r.repeat())
          .sendResolved(r.sendResolved() ? null : false).build();
    }
    List<NotificationPolicy> children = new ArrayList<>();
    for (Route r : receivers.values()) {
      children.add(NotificationPolicy.builder(r.receiver())
          .matching(Condition.eq(WebhookPayload.RECEIVER_LABEL, r.receiver()))
          .groupRule(r.group())
          .repeatInterval(r.repeat())
          .sendResolved(r.sendResolved() ? null : false)
          .build());
    }
    warnings.add("targets." + policy.name() + ": receivers " + String.join(", ", receivers.keySet())
        + " post to it with different group_by, repeat_interval or send_resolved: one nested policy each,"
        + " matching __receiver__");
    return policy.toBuilder().routes(children).build();
  }
}
