package io.github.alertrouter.internal.route;

import io.github.alertrouter.route.LabelMatcher;
import io.github.alertrouter.route.MatcherSet;
import java.util.List;

/**
 * A {@link MatcherSet} bound to {@link LabelSlots}: the same AND of conditions, evaluated on an
 * alert's slot array. Immutable and thread-safe.
 */
public final class SlotRule {
  private final MatcherSet rule;
  private final LabelMatcher[] matchers;
  private final int[] slots;

  public SlotRule(MatcherSet rule, LabelSlots labelSlots) {
    this.rule = rule;
    List<LabelMatcher> list = rule.matchers();
    this.matchers = list.toArray(new LabelMatcher[0]);
    this.slots = new int[matchers.length];
    for (int i = 0; i < matchers.length; i++) {
      slots[i] = labelSlots.slot(matchers[i].name());
    }
  }

  public MatcherSet rule() {
    return rule;
  }

  LabelMatcher matcher(int i) {
    return matchers[i];
  }

  int slot(int i) {
    return slots[i];
  }

  int size() {
    return matchers.length;
  }

  /** True when every condition holds on {@code values} (from {@link LabelSlots#read}). */
  public boolean matches(String[] values) {
    for (int i = 0; i < matchers.length; i++) {
      String v = values[slots[i]];
      if (!matchers[i].matchesValue(v == null ? "" : v)) {
        return false;
      }
    }
    return true;
  }
}
