package io.github.alertrouter.route;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of sibling policies compiled for routing (the top level, or one node's routes): the
 * nodes, their shared match values, the index that narrows them and their flattened rules.
 * Immutable and thread-safe.
 */
final class SiblingList {
  private final RouteNode[] nodes;
  private final RouteMatch[] matches;
  private final SiblingIndex index;
  private final SiblingRules rules;

  SiblingList(List<RouteNode> siblings) {
    int n = siblings.size();
    this.nodes = siblings.toArray(new RouteNode[0]);
    this.matches = new RouteMatch[n];
    List<List<SlotRule>> slotRules = new ArrayList<>(n);
    boolean[] continues = new boolean[n];
    boolean[] leaf = new boolean[n];
    for (int i = 0; i < n; i++) {
      matches[i] = nodes[i].asMatch();
      slotRules.add(nodes[i].slotRules());
      continues[i] = nodes[i].continueMatching();
      leaf[i] = nodes[i].children().isEmpty();
    }
    this.index = SiblingIndex.build(slotRules);
    this.rules = new SiblingRules(slotRules, continues, leaf);
  }

  boolean isEmpty() {
    return nodes.length == 0;
  }

  /**
   * Appends the matches of the alert among these siblings: candidates in order, a matching one
   * contributes its own matches (see {@link RouteNode#collect}) and stops the later ones unless
   * it continues. {@code scratch} above its current size is used and restored.
   */
  void collect(SlotValues values, IntList scratch, List<RouteMatch> out, MatchStats stats) {
    int from = scratch.size();
    index.appendCandidates(values, scratch);
    int end = scratch.size();
    for (int c = from; c < end; c++) {
      int candidate = scratch.get(c);
      int i = SiblingIndex.sibling(candidate);
      boolean sure = SiblingIndex.sure(candidate);
      if (stats == null ? sure || rules.matches(i, values) : counted(i, sure, values, stats)) {
        if (rules.isLeaf(i)) {
          out.add(matches[i]); // a leaf's match is itself: no need to touch the node
        } else {
          nodes[i].collect(values, scratch, out, stats);
        }
        if (!rules.continues(i)) {
          break;
        }
      }
    }
    scratch.truncate(from);
  }

  private boolean counted(int i, boolean sure, SlotValues values, MatchStats stats) {
    stats.policiesEvaluated++;
    if (sure) {
      return true; // the index proved its only condition
    }
    int tried = rules.rulesTried(i, values);
    stats.rulesEvaluated += tried >= 0 ? tried : -1 - tried;
    return tried >= 0;
  }
}
