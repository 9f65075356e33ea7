package io.github.alertrouter.config;

import java.util.List;

/**
 * Binds {@code {key, op, value}} / {@code {key, op, values: [...]}} conditions, used by matching
 * rules, silences and inhibit rules. {@code in}/{@code nin} take {@code values} (a single
 * {@code value} is accepted too); the others take exactly one {@code value}.
 */
final class ConditionBinder {
  private ConditionBinder() {}

  static List<Condition> conditions(Node node) {
    return node.list(ConditionBinder::condition);
  }

  static MatchingRule matchingRule(Node node) {
    if (!node.isMap("conditions")) {
      return null;
    }
    int mark = node.mark();
    List<Condition> conditions = conditions(node.required("conditions"));
    return node.build(mark, () -> new MatchingRule(conditions));
  }

  static Condition condition(Node node) {
    if (!node.isMap("key", "op", "value", "values")) {
      return null;
    }
    int mark = node.mark();
    String key = node.required("key").text();
    Operator op = node.required("op").as(Operator::fromConfigName);
    List<String> operands = op == null ? null : operands(node, op);
    return node.build(mark, () -> new Condition(key, op, operands));
  }

  private static List<String> operands(Node node, Operator op) {
    Node value = node.field("value");
    Node values = node.field("values");
    if (value.isPresent() && values.isPresent()) {
      node.problem("set either \"value\" or \"values\", not both");
      return null;
    }
    if (op.takesValueList() && values.isPresent()) {
      return values.texts();
    }
    if (values.isPresent()) {
      values.problem("operator " + op.configName() + " takes a single \"value\", not \"values\"");
      return null;
    }
    if (!value.isPresent()) {
      node.field(op.takesValueList() ? "values" : "value").problem("is required for operator " + op.configName());
      return null;
    }
    String text = value.text();
    return text == null ? null : List.of(text);
  }
}
