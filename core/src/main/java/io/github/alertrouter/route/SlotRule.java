package io.github.alertrouter.route;

import io.github.alertrouter.config.Operator;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A {@link MatcherSet} bound to {@link LabelSlots}: the same AND of conditions, evaluated on an
 * alert's {@link SlotValues}. {@code eq neq in nin} and literal-alternative {@code re} compare
 * value ids, so no string is hashed or compared; other regexes go through {@link RegexVerdicts}.
 * Routing does not evaluate this object: {@link SiblingRules} flattens the rules of a sibling
 * list into one {@code int[]} program, so evaluating a candidate touches one or two cache lines
 * instead of a chain of small objects. Immutable and thread-safe.
 */
final class SlotRule {
  static final byte EQ = 0;
  static final byte NEQ = 1;
  static final byte IN = 2;
  static final byte NIN = 3;
  static final byte REGEX = 4;

  private final MatcherSet rule;
  private final LabelMatcher[] matchers;
  private final int[] slots;
  private final byte[] kinds;
  // EQ, NEQ: {id}; IN, NIN and literal re: the sorted ids; REGEX: null
  private final int[][] operandIds;
  private final int[] valueCounts; // REGEX: the slot's number of value ids, for its verdicts

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
    this.valueCounts = new int[n];
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
            valueCounts[i] = labelSlots.valueCount(slot);
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

  /**
   * Appends this rule to a sibling list's program (see {@link SiblingRules} for the layout):
   * the number of ints that follow, then per condition its kind, slot and operand.
   */
  void writeTo(IntList code, RegexVerdicts.Builder regexes) {
    int lengthAt = code.size();
    code.add(0);
    for (int i = 0; i < kinds.length; i++) {
      code.add(kinds[i]);
      code.add(slots[i]);
      switch (kinds[i]) {
        case EQ, NEQ -> code.add(operandIds[i][0]);
        case IN, NIN -> {
          code.add(operandIds[i].length);
          code.addAll(operandIds[i], operandIds[i].length);
        }
        default -> {
          code.add(regexes.add(matchers[i], valueCounts[i]));
        }
      }
    }
    code.set(lengthAt, code.size() - lengthAt - 1);
  }
}
