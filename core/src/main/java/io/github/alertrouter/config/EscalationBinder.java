package io.github.alertrouter.config;

import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * Binds {@code escalationPolicies} entries. A step's targets are the YAML key {@code notify}
 * (they are who gets notified), the component {@code targets}.
 */
final class EscalationBinder {
  private EscalationBinder() {}

  static EscalationPolicy policy(Node node) {
    if (!node.isMap("id", "steps", "loops")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    List<EscalationStep> steps = node.required("steps").list(EscalationBinder::step);
    Integer loops = node.field("loops").integer();
    int rounds = loops == null ? EscalationPolicy.DEFAULT_LOOPS : loops;
    return node.build(mark, () -> new EscalationPolicy(id, steps, rounds));
  }

  static EscalationStep step(Node node) {
    if (!node.isMap("after", "when", "notify", "robots", "repeat")) {
      return null;
    }
    int mark = node.mark();
    Duration after = node.required("after").as(Durations::parse);
    EscalationTrigger when = node.required("when").as(text -> Values.enumValue(EscalationTrigger.class, text));
    List<MentionTarget> targets = node.required("notify").texts(MentionTarget::parse);
    List<String> robots = node.field("robots").texts();
    StepRepeat repeat = repeat(node.field("repeat"));
    return node.build(mark, () -> new EscalationStep(after, when, targets, robots, repeat));
  }

  static StepRepeat repeat(Node node) {
    if (!node.isMap("count", "every")) {
      return null;
    }
    int mark = node.mark();
    Node countNode = node.required("count");
    Integer count = countNode.integer();
    Duration every = node.required("every").as(Durations::parse);
    return node.build(mark, () -> new StepRepeat(count, every));
  }
}
