package io.github.alertrouter.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.InhibitRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Imports Alertmanager {@code inhibit_rules}, new and legacy matcher forms. One per import. */
final class InhibitRuleImporter {
  private static final Set<String> FIELDS = Set.of(
      "source_match", "source_match_re", "source_matchers",
      "target_match", "target_match_re", "target_matchers", "equal");

  private final ImportContext ctx;
  private final MatcherReader matchers;

  InhibitRuleImporter(ImportContext ctx) {
    this.ctx = ctx;
    this.matchers = new MatcherReader(ctx);
  }

  List<InhibitRule> importAll(JsonNode node) {
    return ctx.list(node, "inhibit_rules", e -> {
      if (!ctx.requireMap(e.node(), e.path())) {
        return null;
      }
      ctx.checkFields(e.node(), e.path(), FIELDS, Map.of());
      return new InhibitRule(
          matchers.read(e.node(), e.path(), "source_"),
          matchers.read(e.node(), e.path(), "target_"),
          ctx.list(e.node().get("equal"), e.path() + ".equal", x -> ctx.text(x.node(), x.path())));
    });
  }
}
