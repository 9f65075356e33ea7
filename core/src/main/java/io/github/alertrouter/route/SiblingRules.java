package io.github.alertrouter.route;

import java.util.List;

/**
 * The rules of a list of sibling policies, flattened into one {@code int[]} program, plus two
 * flags per sibling that let routing decide what to do with a match without touching the policy
 * object. At 1,000 policies a decision evaluates ~15 candidates spread over the whole list; as
 * objects (node, rule array, rule, per-condition arrays) each candidate cost several cache misses,
 * as a program it costs about one.
 *
 * <p>Layout, from {@code start[i]} for sibling {@code i}: a header ({@code ruleCount << 2 | flags});
 * per rule (OR), the number of ints that follow for it, then per condition (AND) its kind and slot
 * and: the value id ({@code eq neq}); the number of ids, then the ids ({@code in nin}, literal
 * {@code re}); its index in the list's {@link RegexVerdicts} (other regexes). Immutable apart from the
 * regex verdict caches; thread-safe.
 */
final class SiblingRules {
  private static final int CONTINUES = 1;
  private static final int LEAF = 2;

  private final int[] start;
  private final int[] code;
  private final RegexVerdicts regexes;

  /**
   * Flattens siblings.
   *
   * @param rules per sibling, its OR'ed rules (none: matches every alert)
   * @param continues per sibling, whether later siblings are tried after it matched
   * @param leaf per sibling, whether it has no children
   */
  public SiblingRules(List<List<SlotRule>> rules, boolean[] continues, boolean[] leaf) {
    IntList program = new IntList(rules.size() * 8);
    RegexVerdicts.Builder regexList = new RegexVerdicts.Builder();
    this.start = new int[rules.size()];
    for (int i = 0; i < start.length; i++) {
      start[i] = program.size();
      List<SlotRule> own = rules.get(i);
      program.add(own.size() << 2 | (continues[i] ? CONTINUES : 0) | (leaf[i] ? LEAF : 0));
      for (SlotRule rule : own) {
        rule.writeTo(program, regexList);
      }
    }
    this.code = program.toArray();
    this.regexes = regexList.build();
  }

  /** Whether later siblings are still tried after sibling {@code i} matched. */
  public boolean continues(int i) {
    return (code[start[i]] & CONTINUES) != 0;
  }

  /** Whether sibling {@code i} has no children, so that its match is itself. */
  public boolean isLeaf(int i) {
    return (code[start[i]] & LEAF) != 0;
  }

  /** Whether any rule of sibling {@code i} holds for the alert (true when it has none). */
  public boolean matches(int i, SlotValues values) {
    return rulesTried(i, values) >= 0;
  }

  /**
   * Evaluates sibling {@code i}'s rules in order until one holds: the number of rules evaluated
   * when one held (0 when there are none), or {@code -1 - evaluated} when none did. For counting
   * work in tests; {@link #matches} is the same walk.
   */
  public int rulesTried(int i, SlotValues values) {
    int pc = start[i];
    int ruleCount = code[pc++] >>> 2;
    for (int r = 0; r < ruleCount; r++) {
      int end = pc + 1 + code[pc];
      if (ruleHolds(pc + 1, end, values)) {
        return r + 1;
      }
      pc = end;
    }
    return ruleCount == 0 ? 0 : -1 - ruleCount;
  }

  private boolean ruleHolds(int pc, int end, SlotValues values) {
    while (pc < end) {
      int kind = code[pc];
      int slot = code[pc + 1];
      boolean holds;
      switch (kind) {
        case SlotRule.EQ -> {
          holds = values.id(slot) == code[pc + 2];
          pc += 3;
        }
        case SlotRule.NEQ -> {
          holds = values.id(slot) != code[pc + 2];
          pc += 3;
        }
        case SlotRule.IN, SlotRule.NIN -> {
          int n = code[pc + 2];
          boolean found = contains(pc + 3, n, values.id(slot));
          holds = kind == SlotRule.IN ? found : !found;
          pc += 3 + n;
        }
        default -> {
          holds = regexes.matches(code[pc + 2], values, slot);
          pc += 3;
        }
      }
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  // operand lists are short (a few values): a scan of ids stored inline in the program
  private boolean contains(int from, int n, int id) {
    for (int k = from; k < from + n; k++) {
      if (code[k] == id) {
        return true;
      }
    }
    return false;
  }
}
