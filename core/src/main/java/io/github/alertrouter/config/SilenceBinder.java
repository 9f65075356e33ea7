package io.github.alertrouter.config;

import java.time.Instant;
import java.util.List;

/** Binds {@code silences} and {@code inhibitRules}: the two ways an alert is muted. */
final class SilenceBinder {
  private SilenceBinder() {}

  static Silence silence(Node node) {
    if (!node.isMap("id", "matchers", "startsAt", "endsAt", "createdBy", "comment")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    List<Condition> matchers = ConditionBinder.conditions(node.required("matchers"));
    Instant startsAt = node.required("startsAt").as(Values::instant);
    Instant endsAt = node.required("endsAt").as(Values::instant);
    String createdBy = node.field("createdBy").text();
    String comment = node.field("comment").text();
    return node.build(mark, () -> new Silence(id, matchers, startsAt, endsAt, createdBy, comment));
  }

  static InhibitRule inhibitRule(Node node) {
    if (!node.isMap("source", "target", "equal")) {
      return null;
    }
    int mark = node.mark();
    List<Condition> source = ConditionBinder.conditions(node.required("source"));
    List<Condition> target = ConditionBinder.conditions(node.required("target"));
    List<String> equal = node.field("equal").texts();
    return node.build(mark, () -> new InhibitRule(source, target, equal));
  }
}
