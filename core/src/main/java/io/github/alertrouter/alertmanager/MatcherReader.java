package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Condition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the three ways Alertmanager writes matchers, for routes and inhibit rules alike:
 * {@code matchers} (a list of matcher strings), legacy {@code match} (label: value) and legacy
 * {@code match_re} (label: regex). One per import.
 */
final class MatcherReader {
  // model.LabelNameRE: the legacy maps' keys allow no colon, unlike the matcher syntax
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final ImportContext ctx;

  MatcherReader(ImportContext ctx) {
    this.ctx = ctx;
  }

  /** All matchers of {@code owner}: {@code <prefix>match}, {@code <prefix>match_re}, {@code <prefix>matchers}. */
  List<Condition> read(JsonNode owner, String path, String prefix) {
    List<Condition> out = new ArrayList<>();
    out.addAll(legacy(owner.get(prefix + "match"), path + "." + prefix + "match", false));
    out.addAll(legacy(owner.get(prefix + "match_re"), path + "." + prefix + "match_re", true));
    for (List<Condition> parsed : ctx.list(owner.get(prefix + "matchers"), path + "." + prefix + "matchers", e -> {
      String line = ctx.text(e.node(), e.path());
      try {
        return line == null ? null : AlertmanagerMatchers.parse(line);
      } catch (IllegalArgumentException ex) {
        ctx.problem(e.path(), ex.getMessage());
        return null;
      }
    })) {
      out.addAll(parsed);
    }
    return out;
  }

  private List<Condition> legacy(JsonNode node, String path, boolean regex) {
    List<Condition> out = new ArrayList<>();
    if (node == null || node.isNull() || !ctx.requireMap(node, path)) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path + "." + field.getKey();
      if (!LABEL_NAME.matcher(field.getKey()).matches()) {
        ctx.problem(fieldPath, "invalid label name \"" + field.getKey() + "\"");
        continue;
      }
      String value = ctx.text(field.getValue(), fieldPath);
      if (value == null) {
        continue;
      }
      try {
        // Alertmanager turns a match_re value into a matcher on its anchored form ^(?:value)$,
        // which then shows in route keys; keeping that form keeps our keys equal to Alertmanager's.
        out.add(regex ? Condition.re(field.getKey(), Condition.anchored(value)) : Condition.eq(field.getKey(), value));
      } catch (IllegalArgumentException e) {
        ctx.problem(fieldPath, e.getMessage());
      }
    }
    return out;
  }
}
