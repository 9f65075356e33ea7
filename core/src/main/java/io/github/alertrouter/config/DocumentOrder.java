package io.github.alertrouter.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders problems as their paths appear in the document, so binding problems and
 * cross-reference problems read top to bottom together. A path is resolved against the tree
 * segment by segment: a key by its position among its map's keys, an index as itself. A segment
 * the document lacks (a missing required key) sorts after its present siblings.
 */
final class DocumentOrder implements Comparator<ConfigProblem> {
  private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)]|\\.?([^.\\[]+)");

  private final JsonNode root;

  DocumentOrder(JsonNode root) {
    this.root = root;
  }

  @Override
  public int compare(ConfigProblem a, ConfigProblem b) {
    List<Integer> pa = position(a.path());
    List<Integer> pb = position(b.path());
    for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
      int c = Integer.compare(pa.get(i), pb.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.size(), pb.size());
  }

  private List<Integer> position(String path) {
    List<Integer> out = new ArrayList<>();
    JsonNode node = root;
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      if (m.group(1) != null) {
        int index = Integer.parseInt(m.group(1));
        out.add(index);
        node = node == null ? null : node.get(index);
      } else {
        out.add(keyPosition(node, m.group(2)));
        node = node == null ? null : node.get(m.group(2));
      }
    }
    return out;
  }

  private static int keyPosition(JsonNode node, String key) {
    if (node != null && node.isObject()) {
      int i = 0;
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); i++) {
        if (names.next().equals(key)) {
          return i;
        }
      }
    }
    return Integer.MAX_VALUE;
  }
}
