package io.github.alertrouter.route;

import io.github.alertrouter.config.MatchingRule;
import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One policy in a compiled {@link RoutingTree}: the policy, its compiled rules, its route key, its
 * effective settings and its compiled children. Exposed so that tools can print the tree
 * ({@code amtool config routes}-style) from the same structure the router uses.
 *
 * <p>Immutable and thread-safe. Accessors never return {@code null} except {@link #parent()}.
 */
public final class RouteNode {
  private final NotificationPolicy policy;
  private final RouteNode parent;
  private final int depth;
  private final int position;
  private final List<MatcherSet> rules;
  private final SlotRule[] ruleArray;
  private final String matchersString;
  private final String key;
  private final RouteSettings settings;
  private final boolean continueMatching;
  private final List<String> path;
  private final List<RouteNode> children;
  private final SiblingList childList;
  private final RouteMatch match;

  // Children are built from inside this constructor; they read only fields assigned before.
  RouteNode(NotificationPolicy policy, RouteNode parent, int position, LabelSlots slots) {
    this.policy = policy;
    this.parent = parent;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.position = position;
    List<MatcherSet> compiled = new ArrayList<>(policy.matchingRules().size());
    for (MatchingRule rule : policy.matchingRules()) {
      compiled.add(MatcherSet.of(rule));
    }
    this.rules = List.copyOf(compiled);
    this.ruleArray = new SlotRule[rules.size()];
    for (int i = 0; i < ruleArray.length; i++) {
      ruleArray[i] = new SlotRule(rules.get(i), slots);
    }
    this.matchersString = matchersString(rules);
    this.key = routeKey(parent, rules.isEmpty(), matchersString);
    this.settings = (parent == null ? RouteSettings.DEFAULTS : parent.settings).inheritedBy(policy);
    this.continueMatching =
        policy.continueMatching() != null ? policy.continueMatching() : parent == null;
    List<String> p = new ArrayList<>(parent == null ? List.of() : parent.path);
    p.add(settings.name() == null ? "" : settings.name());
    this.path = List.copyOf(p);
    List<RouteNode> kids = new ArrayList<>(policy.routes().size());
    for (int i = 0; i < policy.routes().size(); i++) {
      kids.add(new RouteNode(policy.routes().get(i), this, i, slots));
    }
    this.children = List.copyOf(kids);
    this.match = new RouteMatch(this);
    this.childList = new SiblingList(children);
  }

  /**
   * A policy's matchers string: its rules' Alertmanager matcher strings joined by {@code |}
   * (Alertmanager has no OR of matcher lists, so this is our extension); {@code {}} with no rules.
   */
  private static String matchersString(List<MatcherSet> rules) {
    if (rules.isEmpty()) {
      return "{}";
    }
    StringBuilder sb = new StringBuilder();
    for (MatcherSet rule : rules) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(rule.toAlertmanagerString());
    }
    return sb.toString();
  }

  /**
   * Alertmanager's {@code Route.Key()}. A top-level policy without rules plays Alertmanager's root
   * ({@code {}}); one with rules is a child of an implicit root ({@code {}/{team="payments"}}).
   */
  private static String routeKey(RouteNode parent, boolean noRules, String matchers) {
    if (parent != null) {
      return parent.key + "/" + matchers;
    }
    return noRules ? "{}" : "{}/" + matchers;
  }

  /** The configured policy. */
  public NotificationPolicy policy() {
    return policy;
  }

  /** The enclosing policy, or {@code null} for a top-level one. */
  public RouteNode parent() {
    return parent;
  }

  /** 0 for a top-level policy, 1 for its routes, and so on. */
  public int depth() {
    return depth;
  }

  /** Index of this policy among its siblings (top-level list or parent's routes). */
  public int position() {
    return position;
  }

  /** The compiled matching rules (OR); empty matches every alert. */
  public List<MatcherSet> rules() {
    return rules;
  }

  /** This node's own segment of the route key, e.g. {@code {team="payments"}} or {@code {}}. */
  public String matchersString() {
    return matchersString;
  }

  /**
   * The route key, formatted as Alertmanager's {@code Route.Key()}. Not unique in general (two
   * policies with the same matchers under the same parent share it, as in Alertmanager), so
   * group state should be keyed by node, not by this string alone.
   */
  public String key() {
    return key;
  }

  /** The effective settings after inheritance and defaults. */
  public RouteSettings settings() {
    return settings;
  }

  /**
   * Whether later siblings are still tried after this one matched: the configured value, else
   * {@code true} for a top-level policy (ARMS) and {@code false} for a nested one (Alertmanager).
   */
  public boolean continueMatching() {
    return continueMatching;
  }

  /** Effective names from the top-level policy down to this one ({@code ""} for unnamed). */
  public List<String> path() {
    return path;
  }

  /** The compiled nested routes, in configured order. */
  public List<RouteNode> children() {
    return children;
  }

  /** Whether this node's own rules match (ignores the parent and the children). */
  public boolean matchesSelf(Map<String, String> labels) {
    if (rules.isEmpty()) {
      return true;
    }
    for (MatcherSet rule : rules) {
      if (rule.matches(labels)) {
        return true;
      }
    }
    return false;
  }

  List<SlotRule> slotRules() {
    return List.of(ruleArray);
  }

  /** The (single, shared) match value reported when an alert is routed to this node. */
  RouteMatch asMatch() {
    return match;
  }

  /**
   * Alertmanager's {@code Route.Match} for a node that matched itself: depth-first over the
   * children in order, a matching child stops its later siblings unless it continues, and the
   * node itself is the match when no child matched.
   */
  void collect(SlotValues values, IntList scratch, List<RouteMatch> out, MatchStats stats) {
    int before = out.size();
    if (!childList.isEmpty()) {
      childList.collect(values, scratch, out, stats);
    }
    if (out.size() == before) {
      out.add(match);
    }
  }

  /** The key and name, for debugging. */
  @Override
  public String toString() {
    return "RouteNode[" + key + " " + path + "]";
  }
}
