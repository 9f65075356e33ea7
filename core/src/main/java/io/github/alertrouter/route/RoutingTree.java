package io.github.alertrouter.route;

import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.MatchingRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides which notification policies an alert belongs to. One evaluator for both worlds:
 *
 * <ul>
 *   <li><b>Top level (ARMS)</b>: every matching policy fires, in list order; {@code continue}
 *       defaults to {@code true}; a policy with {@code continueMatching: false} that matched stops
 *       the later top-level policies.
 *   <li><b>Nested routes (Alertmanager's {@code dispatch.Route.Match})</b>: depth-first; children
 *       are tried in order; a matching child contributes its matches and, unless it has
 *       {@code continue: true} (default {@code false}), stops its later siblings; a node none of
 *       whose children match is itself the match.
 * </ul>
 *
 * <p>A policy matches when any of its matching rules matches (none: always); a rule matches when
 * all its conditions hold (see {@link LabelMatcher}). Equality conditions are indexed at every
 * sibling list, so a decision costs two hash lookups per alert label (name, then value) plus the
 * evaluation of the policies the alert can match, not of all policies. Every value a condition
 * compares with gets a small id per label name at compile time; the alert's labels are read once
 * into per-name slots of value ids ({@link LabelSlots}); every index lookup and
 * {@code eq neq in nin} test after that compares ints; each sibling list's rules are one flat
 * {@code int} program.
 *
 * <p>Immutable after {@link #compile} and thread-safe; {@link #match} may be called concurrently.
 * Each thread that routes keeps a small scratch (per tree, a few arrays as long as the number of
 * label names the conditions mention), so a decision allocates only its result list.
 */
public final class RoutingTree {
  private final List<RouteNode> topLevel;
  private final RouteNode[] topArray;
  private final SiblingList topList;
  private final LabelSlots slots;
  // per-thread decision scratch (slot values, candidate stack, merge bitset): a decision then
  // allocates only its result list; entries die with the tree (weak ThreadLocal keys)
  private final ThreadLocal<SlotValues> scratch;

  private RoutingTree(List<RouteNode> topLevel, LabelSlots slots) {
    this.topLevel = List.copyOf(topLevel);
    this.topArray = this.topLevel.toArray(new RouteNode[0]);
    this.slots = slots;
    this.scratch = ThreadLocal.withInitial(slots::newScratch);
    this.topList = new SiblingList(this.topLevel);
  }

  /**
   * Compiles policies (regexes, settings inheritance, route keys, indexes).
   *
   * @param policies the top-level policies, in order; not {@code null}
   * @throws NullPointerException if {@code policies} or an element is {@code null}
   */
  public static RoutingTree compile(List<NotificationPolicy> policies) {
    Objects.requireNonNull(policies, "policies");
    LabelSlots.Builder names = new LabelSlots.Builder();
    for (NotificationPolicy p : policies) {
      collectLabelNames(Objects.requireNonNull(p, "policy"), names);
    }
    LabelSlots slots = names.build();
    List<RouteNode> nodes = new ArrayList<>(policies.size());
    for (int i = 0; i < policies.size(); i++) {
      nodes.add(new RouteNode(policies.get(i), null, i, slots));
    }
    return new RoutingTree(nodes, slots);
  }

  private static void collectLabelNames(NotificationPolicy p, LabelSlots.Builder names) {
    for (MatchingRule rule : p.matchingRules()) {
      for (Condition c : rule.conditions()) {
        names.add(c.key(), comparedValues(c));
      }
    }
    for (NotificationPolicy child : p.routes()) {
      collectLabelNames(Objects.requireNonNull(child, "route"), names);
    }
  }

  /**
   * The values a condition compares a label with by equality, which get ids in {@link LabelSlots}
   * so that evaluating the condition compares ints. A real regex needs the text, but it is asked
   * about missing labels all the time (an alert has only some of the names a tree mentions, and a
   * missing label is {@code ""}): giving {@code ""} an id lets {@code RegexVerdicts} keep that
   * verdict in its array instead of asking the matcher's memo, a hash table per regex, each time.
   */
  private static Collection<String> comparedValues(Condition c) {
    return switch (c.op()) {
      case EQ, NEQ, IN, NIN -> c.values();
      case RE -> {
        Set<String> literals = LabelMatcher.literalAlternatives(c.value());
        yield literals == null ? ABSENT : literals;
      }
      case NRE -> ABSENT;
    };
  }

  private static final List<String> ABSENT = List.of("");

  /** The compiled top-level policies, in order; walk {@link RouteNode#children()} for the rest. */
  public List<RouteNode> topLevel() {
    return topLevel;
  }

  /** Visits every node depth-first, parents before children, siblings in order. */
  public void walk(Consumer<RouteNode> visitor) {
    for (RouteNode n : topArray) {
      walk(n, visitor);
    }
  }

  private static void walk(RouteNode n, Consumer<RouteNode> visitor) {
    visitor.accept(n);
    for (RouteNode c : n.children()) {
      walk(c, visitor);
    }
  }

  /**
   * Routes one alert.
   *
   * @param labels the alert's labels (a missing label is {@code ""}); not {@code null}
   * @return the matches in firing order: top-level policies in list order, each expanded
   *     depth-first; empty when nothing matches. A new list owned by the caller.
   */
  public List<RouteMatch> match(Map<String, String> labels) {
    return match(labels, null);
  }

  List<RouteMatch> match(Map<String, String> labels, MatchStats stats) {
    Objects.requireNonNull(labels, "labels");
    SlotValues values = slots.readReusing(labels, scratch.get());
    try {
      // a 16-slot array covers the ~15 matches of a busy tree without growing
      List<RouteMatch> out = new ArrayList<>(16);
      topList.collect(values, values.candidates(), out, stats);
      return out;
    } finally {
      values.clear();
    }
  }

  @Override
  public String toString() {
    return "RoutingTree[" + topArray.length + " top-level policies]";
  }
}
