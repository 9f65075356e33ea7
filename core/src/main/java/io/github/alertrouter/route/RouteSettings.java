package io.github.alertrouter.route;

import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyWindow;
import io.github.alertrouter.config.Robot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that apply to alerts routed to one policy node, after inheritance and defaults:
 * what Alertmanager calls {@code RouteOpts}.
 *
 * <p>Inheritance (Alertmanager's {@code NewRoute}): a nested policy takes each unset ({@code null})
 * field from its parent, separately — name, groupWait, groupInterval, groupingFields, window,
 * robots, mention, templates, requireBinding, sendResolved. {@code repeatInterval} and {@code escalationPolicy} are one
 * choice: a policy that sets either replaces the parent's pair. Time intervals are <em>not</em>
 * inherited (Alertmanager sets {@code opts.MuteTimeIntervals = cr.MuteTimeIntervals}). A top-level
 * policy inherits from the defaults: {@link GroupRule#DEFAULT_GROUP_WAIT},
 * {@link GroupRule#DEFAULT_GROUP_INTERVAL}, {@link GroupRule#DEFAULT_GROUPING_FIELDS},
 * {@link NotifyWindow#ALWAYS}, no robots, no mentions, {@code sendResolved} true, and
 * {@link NotificationPolicy#DEFAULT_REPEAT_INTERVAL} when it sets neither repeat nor escalation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the effective name (receiver); {@code null} only if no policy on the path names one
 * @param groupWait never {@code null}
 * @param groupInterval never {@code null}
 * @param groupingFields label names to group by, as configured ({@code ["..."]} when
 *     {@code groupByAll}); may be empty (one group for the policy)
 * @param groupByAll whether every label of an alert groups it
 * @param window when sending is allowed; never {@code null}
 * @param robots robot ids; never {@code null}
 * @param mention mention targets; never {@code null}
 * @param templates message templates by platform id; never {@code null}, empty for the built-in
 *     layouts
 * @param requireBinding whether mobile mentions need a bound number
 * @param repeatInterval how often to re-send, or {@code null} when an escalation policy is used
 * @param escalationPolicy escalation policy id, or {@code null}
 * @param sendResolved whether to send resolved notices
 * @param muteTimeIntervals this policy's own mute intervals (never inherited); never {@code null}
 * @param activeTimeIntervals this policy's own active intervals (never inherited); never
 *     {@code null}
 */
public record RouteSettings(
    String name,
    Duration groupWait,
    Duration groupInterval,
    List<String> groupingFields,
    boolean groupByAll,
    NotifyWindow window,
    List<String> robots,
    List<MentionTarget> mention,
    Map<String, String> templates,
    boolean requireBinding,
    Duration repeatInterval,
    String escalationPolicy,
    boolean sendResolved,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals) {

  /** What a top-level policy inherits from: Alertmanager's {@code DefaultRouteOpts} plus ours. */
  public static final RouteSettings DEFAULTS =
      new RouteSettings(
          null,
          GroupRule.DEFAULT_GROUP_WAIT,
          GroupRule.DEFAULT_GROUP_INTERVAL,
          GroupRule.DEFAULT_GROUPING_FIELDS,
          false,
          NotifyWindow.ALWAYS,
          List.of(),
          List.of(),
          Map.of(),
          false,
          NotificationPolicy.DEFAULT_REPEAT_INTERVAL,
          null,
          true,
          List.of(),
          List.of());

  public RouteSettings {
    Objects.requireNonNull(groupWait, "groupWait");
    Objects.requireNonNull(groupInterval, "groupInterval");
    groupingFields = List.copyOf(groupingFields);
    Objects.requireNonNull(window, "window");
    robots = List.copyOf(robots);
    mention = List.copyOf(mention);
    templates = Map.copyOf(templates);
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
  }

  /**
   * The template {@code robot}'s messages render with: the policy's for the robot's platform, else
   * the robot's own, else {@code null} (the built-in layout). A policy's template is about its
   * alerts, a robot's is the look of its chat, so the more specific one wins.
   */
  public String templateFor(Robot robot) {
    String t = templates.get(robot.platform());
    return t != null ? t : robot.template();
  }

  /**
   * The settings of {@code policy} when its parent's settings are {@code this} (use
   * {@link #DEFAULTS} for a top-level policy).
   */
  public RouteSettings inheritedBy(NotificationPolicy policy) {
    GroupRule g = policy.groupRule();
    var n = policy.notifyRule();
    boolean ownsRepeat = policy.repeatInterval() != null || policy.escalationPolicy() != null;
    List<String> fields = or(g.groupingFields(), groupingFields);
    return new RouteSettings(
        policy.name() == null || policy.name().isEmpty() ? name : policy.name(),
        or(g.groupWait(), groupWait),
        or(g.groupInterval(), groupInterval),
        fields,
        g.groupingFields() == null ? groupByAll : g.groupsByAllLabels(),
        or(n.window(), window),
        or(n.robots(), robots),
        or(n.mention(), mention),
        or(n.templates(), templates),
        or(n.requireBinding(), requireBinding),
        ownsRepeat ? policy.repeatInterval() : repeatInterval,
        ownsRepeat ? policy.escalationPolicy() : escalationPolicy,
        or(policy.sendResolved(), sendResolved),
        policy.muteTimeIntervals(),
        policy.activeTimeIntervals());
  }

  private static <T> T or(T own, T inherited) {
    return own != null ? own : inherited;
  }
}
