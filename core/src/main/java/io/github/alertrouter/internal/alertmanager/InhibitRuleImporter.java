package io.github.alertrouter.internal.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.alertmanager.AlertmanagerMatchers;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.InhibitRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Imports Alertmanager {@code inhibit_rules}, new and legacy matcher forms. One per import. */
final class InhibitRuleImporter {
  private static final Set<String> FIELDS = Set.of(
      "source_match", "source_match_re", "source_matchers",
      "target_match", "target_match_re", "target_matchers", "equal");

  private final ImportContext ctx;

  InhibitRuleImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  List<InhibitRule> importAll(JsonNode node) {
    return ctx.list(node, "inhibit_rules", e -> {
      if (!ctx.requireMap(e.node(), e.path())) {
        return null;
      }
      ctx.checkFields(e.node(), e.path(), FIELDS, Map.of());
      return new InhibitRule(
          side(e.node(), e.path(), "source"),
          side(e.node(), e.path(), "target"),
          ctx.list(e.node().get("equal"), e.path() + ".equal", x -> ctx.text(x.node(), x.path())));
    });
  }

  private List<Condition> side(JsonNode rule, String path, String side) {
    List<Condition> out = new ArrayList<>();
    out.addAll(legacy(rule.get(side + "_match"), path + "." + side + "_match", false));
    out.addAll(legacy(rule.get(side + "_match_re"), path + "." + side + "_match_re", true));
    for (List<Condition> parsed : ctx.list(rule.get(side + "_matchers"), path + "." + side + "_matchers", e -> {
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
      String value = ctx.text(field.getValue(), path + "." + field.getKey());
      if (value == null) {
        continue;
      }
      try {
        out.add(regex ? Condition.re(field.getKey(), value) : Condition.eq(field.getKey(), value));
      } catch (IllegalArgumentException ex) {
        ctx.problem(path + "." + field.getKey(), ex.getMessage());
      }
    }
    return out;
  }
}
