package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Alertmanager's {@code route} tree into one {@link NotificationPolicy} with nested routes,
 * applying Alertmanager 0.25's checks ({@code config/config.go}) and its root defaults
 * (30s / 5m / 4h, no grouping). Not thread-safe: one per import.
 */
final class RouteImporter {
  private static final Set<String> ROUTE_FIELDS = Set.of(
      "receiver", "group_by", "group_wait", "group_interval", "repeat_interval", "match", "match_re",
      "matchers", "continue", "routes", "mute_time_intervals", "active_time_intervals");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Duration ROOT_GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration ROOT_GROUP_INTERVAL = Duration.ofMinutes(5);

  private final ImportContext ctx;
  private final Map<String, ReceiverImporter.Imported> receivers;
  private final Set<String> timeIntervals;
  private final MatcherReader matchers;

  RouteImporter(ImportContext ctx, Map<String, ReceiverImporter.Imported> receivers, Set<String> timeIntervals) {
    this.ctx = ctx;
    this.receivers = receivers;
    this.timeIntervals = timeIntervals;
    this.matchers = new MatcherReader(ctx);
  }

  /** Imports the root route, or returns {@code null} after recording why it cannot be. */
  NotificationPolicy importRoot(JsonNode root) {
    if (root == null || root.isNull()) {
      ctx.problem("route", "no routes provided");
      return null;
    }
    if (!ctx.requireMap(root, "route")) {
      return null;
    }
    NotificationPolicy policy = importRoute(root, "route");
    if (policy == null) {
      return null;
    }
    if (policy.name() == null || policy.name().isEmpty()) {
      ctx.problem("route.receiver", "root route must specify a default receiver");
    }
    if (!policy.matchingRules().isEmpty()) {
      ctx.problem("route", "root route must not have any matchers");
    }
    if (policy.continueMatching() != null && policy.continueMatching()) {
      ctx.problem("route.continue", "cannot have continue in root route");
    }
    if (!policy.muteTimeIntervals().isEmpty()) {
      ctx.problem("route.mute_time_intervals", "root route must not have any mute time intervals");
    }
    if (!policy.activeTimeIntervals().isEmpty()) {
      ctx.problem("route.active_time_intervals", "root route must not have any active time intervals");
    }
    GroupRule group = policy.groupRule();
    return policy.toBuilder()
        .groupRule(new GroupRule(
            group.groupWait() == null ? ROOT_GROUP_WAIT : group.groupWait(),
            group.groupInterval() == null ? ROOT_GROUP_INTERVAL : group.groupInterval(),
            group.groupingFields() == null ? List.of() : group.groupingFields()))
        .repeatInterval(policy.repeatInterval() == null
            ? NotificationPolicy.DEFAULT_REPEAT_INTERVAL : policy.repeatInterval())
        .build();
  }

  private NotificationPolicy importRoute(JsonNode node, String path) {
    ctx.checkFields(node, path, ROUTE_FIELDS, Map.of());
    String receiver = ctx.text(node.get("receiver"), path + ".receiver");
    if (receiver != null && !receiver.isEmpty() && !receivers.containsKey(receiver)) {
      ctx.problem(path + ".receiver", "undefined receiver \"" + receiver + "\" used in route");
    }
    List<Condition> conditions = matchers.read(node, path, "");

    Duration groupInterval = ctx.duration(node.get("group_interval"), path + ".group_interval");
    if (groupInterval != null && groupInterval.isZero()) {
      ctx.problem(path + ".group_interval", "group_interval cannot be zero");
      groupInterval = null;
    }
    Duration repeatInterval = ctx.duration(node.get("repeat_interval"), path + ".repeat_interval");
    if (repeatInterval != null && repeatInterval.isZero()) {
      ctx.problem(path + ".repeat_interval", "repeat_interval cannot be zero");
      repeatInterval = null;
    }
    GroupRule groupRule = new GroupRule(
        ctx.duration(node.get("group_wait"), path + ".group_wait"),
        groupInterval,
        groupBy(node.get("group_by"), path + ".group_by"));

    List<NotificationPolicy> children = ctx.list(node.get("routes"), path + ".routes",
        e -> ctx.requireMap(e.node(), e.path()) ? importRoute(e.node(), e.path()) : null);

    // a route names its receiver (its robots, whom they @, resolved notices); one without inherits
    ReceiverImporter.Imported to = receiver == null ? null : receivers.get(receiver);
    NotifyRule notifyRule = to == null || to.robots().isEmpty()
        ? NotifyRule.INHERIT
        : NotifyRule.builder().robots(to.robots()).mention(to.mentions().toArray(String[]::new)).build();
    return NotificationPolicy.builder(receiver)
        .matchingRules(conditions.isEmpty() ? List.of() : List.of(new MatchingRule(conditions)))
        .groupRule(groupRule)
        .notifyRule(notifyRule)
        .sendResolved(to == null ? null : to.sendResolved())
        .repeatInterval(repeatInterval)
        .continueMatching(ctx.bool(node.get("continue"), path + ".continue"))
        .muteTimeIntervals(intervalRefs(node.get("mute_time_intervals"), path + ".mute_time_intervals"))
        .activeTimeIntervals(intervalRefs(node.get("active_time_intervals"), path + ".active_time_intervals"))
        .routes(children)
        .build();
  }

  private List<String> groupBy(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    boolean all = false;
    List<String> raw = ctx.list(node, path, e -> ctx.text(e.node(), e.path()));
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i);
      if (GroupRule.ALL_LABELS.equals(name)) {
        all = true;
      } else if (!LABEL_NAME.matcher(name).matches()) {
        ctx.problem(path + "[" + i + "]", "invalid label name \"" + name + "\" in group_by list");
      } else if (!names.add(name)) {
        ctx.problem(path + "[" + i + "]", "duplicated label \"" + name + "\" in group_by");
      }
    }
    if (all && !names.isEmpty()) {
      ctx.problem(path, "cannot have wildcard group_by (`...`) and other other labels at the same time");
      return null;
    }
    if (all) {
      return List.of(GroupRule.ALL_LABELS);
    }
    // Alertmanager inherits the parent's grouping unless at least one label is named
    // (dispatch.NewRoute checks the parsed label list for nil), so `group_by: []` inherits too.
    return names.isEmpty() ? null : List.copyOf(names);
  }

  private List<String> intervalRefs(JsonNode node, String path) {
    return ctx.list(node, path, e -> {
      String name = ctx.text(e.node(), e.path());
      if (name != null && !timeIntervals.contains(name)) {
        ctx.problem(e.path(), "undefined time interval \"" + name + "\" used in route");
      }
      return name;
    });
  }
}
