package io.github.alertrouter.cli;

import io.github.alertrouter.route.RouteNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the routes an alert matches as amtool's {@code --tree} does: only matched nodes, each as
 * its sorted matchers (or {@code default-route}), final nodes with {@code  receiver: NAME}, drawn
 * with the box characters of the treeprint build in Debian's amtool 0.25 (whose vertical edge is
 * followed by two no-break spaces). Stateless.
 */
final class MatchingTreePrinter {
  private static final String VERTICAL = "│\u00a0\u00a0 ";
  private static final String BLANK = "    ";

  private MatchingTreePrinter() {}

  /** The tree, starting with the {@code .} root line, each line ending in a newline. */
  static String print(RouteNode root, Map<String, String> labels) {
    StringBuilder out = new StringBuilder(".\n");
    print(root, labels, new ArrayList<>(), true, out);
    return out.toString();
  }

  private static void print(
      RouteNode node, Map<String, String> labels, List<Boolean> ancestorsLast, boolean last, StringBuilder out) {
    List<RouteNode> matched = new ArrayList<>();
    for (RouteNode child : node.children()) {
      if (child.matchesSelf(labels)) {
        matched.add(child);
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    for (boolean ancestorLast : ancestorsLast) {
      out.append(ancestorLast ? BLANK : VERTICAL);
    }
    out.append(last ? "└── " : "├── ").append(slug(node));
    if (matched.isEmpty()) {
      out.append("  receiver: ").append(node.settings().name());
    }
    out.append('\n');
    ancestorsLast.add(last);
    for (int i = 0; i < matched.size(); i++) {
      print(matched.get(i), labels, ancestorsLast, i == matched.size() - 1, out);
    }
    ancestorsLast.remove(ancestorsLast.size() - 1);
  }

  private static String slug(RouteNode node) {
    return node.rules().isEmpty() ? "default-route" : node.matchersString();
  }
}
