package io.github.alertrouter.internal.route;

import io.github.alertrouter.config.Operator;
import io.github.alertrouter.route.LabelMatcher;
import io.github.alertrouter.route.MatcherSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A {@link MatcherSet} bound to {@link LabelSlots}: the same AND of conditions, evaluated on an
 * alert's {@link SlotValues}. {@code eq neq in nin} and literal-alternative {@code re} compare
 * value ids, so no string is hashed or compared; other regexes go through {@link RegexVerdicts}.
 * Each condition is an opcode in parallel arrays, so the loop is one {@code switch} with no
 * virtual call. Immutable (apart from the verdict caches) and thread-safe.
 */
public final class SlotRule {
  private static final byte EQ = 0;
  private static final byte NEQ = 1;
  private static final byte IN = 2;
  private static final byte NIN = 3;
  private static final byte REGEX = 4;

  private final MatcherSet rule;
  private final LabelMatcher[] matchers;
  private final int[] slots;
  private final byte[] kinds;
  // EQ, NEQ: {id}; IN, NIN and literal re: the sorted ids; REGEX: null
  private final int[][] operandIds;
  private final RegexVerdicts[] regexes;

  /**
   * Binds a rule to slots.
   *
   * @throws IllegalArgumentException if a label name or compared value was not registered
   */
  public SlotRule(MatcherSet rule, LabelSlots labelSlots) {
    this.rule = rule;
    List<LabelMatcher> list = rule.matchers();
    int n = list.size();
    this.matchers = list.toArray(new LabelMatcher[0]);
    this.slots = new int[n];
    this.kinds = new byte[n];
    this.operandIds = new int[n][];
    this.regexes = new RegexVerdicts[n];
    for (int i = 0; i < n; i++) {
      LabelMatcher m = matchers[i];
      int slot = labelSlots.slot(m.name());
      slots[i] = slot;
      switch (m.op()) {
        case EQ, NEQ -> {
          kinds[i] = m.op() == Operator.EQ ? EQ : NEQ;
          operandIds[i] = new int[] {labelSlots.valueId(slot, m.condition().value())};
        }
        case IN, NIN -> {
          kinds[i] = m.op() == Operator.IN ? IN : NIN;
          operandIds[i] = ids(labelSlots, slot, m.condition().values());
        }
        case RE, NRE -> {
          Set<String> literals = m.acceptedValues().orElse(null);
          if (literals != null) { // only a positive literal regex has accepted values
            kinds[i] = IN;
            operandIds[i] = ids(labelSlots, slot, literals);
          } else {
            kinds[i] = REGEX;
            regexes[i] = new RegexVerdicts(m, labelSlots.valueCount(slot));
          }
        }
      }
    }
  }

  private static int[] ids(LabelSlots labelSlots, int slot, Collection<String> values) {
    int[] ids = values.stream().mapToInt(v -> labelSlots.valueId(slot, v)).distinct().toArray();
    Arrays.sort(ids);
    return ids;
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

  /**
   * The ids of the values condition {@code i} accepts, when it can only hold for a listed value
   * ({@code eq}, {@code in}, literal {@code re}); {@code null} otherwise. Used by the index.
   */
  int[] acceptedIds(int i) {
    return kinds[i] == EQ || kinds[i] == IN ? operandIds[i] : null;
  }

  /** True when every condition holds for the alert. */
  public boolean matches(SlotValues values) {
    for (int i = 0; i < kinds.length; i++) {
      int slot = slots[i];
      boolean holds = switch (kinds[i]) {
        case EQ -> values.id(slot) == operandIds[i][0];
        case NEQ -> values.id(slot) != operandIds[i][0];
        case IN -> contains(operandIds[i], values.id(slot));
        case NIN -> !contains(operandIds[i], values.id(slot));
        default -> regexes[i].matches(values, slot);
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  // operand lists are short (a few values), where a scan beats a binary search
  private static boolean contains(int[] sortedIds, int id) {
    if (sortedIds.length > 8) {
      return Arrays.binarySearch(sortedIds, id) >= 0;
    }
    for (int candidate : sortedIds) {
      if (candidate == id) {
        return true;
      }
    }
    return false;
  }
}
