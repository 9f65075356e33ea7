package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.neq;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SiblingIndexTest {

  // every value the rules below compare with is registered, as RoutingTree.compile does
  private static final LabelSlots SLOTS = new LabelSlots.Builder()
      .add("team", List.of("a", ""))
      .add("env", List.of("prod", "dev", "test"))
      .add("sev", List.of("critical", "error"))
      .add("a", List.of("1", "2"))
      .build();

  private static List<SlotRule> rule(Condition... cs) {
    return List.of(slotRule(cs));
  }

  private static SlotRule slotRule(Condition... cs) {
    return new SlotRule(MatcherSet.of(List.of(cs)), SLOTS);
  }

  private static int[] candidates(SiblingIndex index, Map<String, String> labels) {
    return siblings(rawCandidates(index, labels), false);
  }

  /** The candidates' siblings; with {@code sureOnly}, those the index proved to match. */
  private static int[] siblings(IntList raw, boolean sureOnly) {
    return IntStream.range(0, raw.size()).map(raw::get)
        .filter(c -> !sureOnly || SiblingIndex.sure(c)).map(SiblingIndex::sibling).toArray();
  }

  private static IntList rawCandidates(SiblingIndex index, Map<String, String> labels) {
    IntList out = new IntList(4);
    out.add(-1); // entries before the call are left alone
    index.appendCandidates(SLOTS.read(labels), out);
    assertThat(out.get(0)).isEqualTo(-1);
    IntList mine = new IntList(4);
    for (int i = 1; i < out.size(); i++) {
      mine.add(out.get(i));
    }
    return mine;
  }

  @Test
  void candidatesAreSortedDistinctAndIncludeAlwaysChecked() {
    List<List<SlotRule>> siblings = new ArrayList<>();
    siblings.add(rule(eq("team", "a")));                             // 0
    siblings.add(rule(re("team", "a.*")));                           // 1 always
    siblings.add(List.of(slotRule(eq("team", "a")), slotRule(eq("env", "prod")))); // 2 under both
    siblings.add(rule(in("sev", "critical", "error"), eq("team", "a"))); // 3 under team=a (1 value)
    siblings.add(rule(neq("team", "")));                             // 4 always
    siblings.add(List.of());                                         // 5 always (no rules)
    siblings.add(rule(in("sev", "critical", "error")));              // 6
    siblings.add(rule(eq("team", "")));                              // 7 always: "" is never looked up
    siblings.add(rule(re("env", "dev|test")));                       // 8 literal regex: indexed
    SiblingIndex index = SiblingIndex.build(siblings);

    assertThat(index.alwaysChecked()).isEqualTo(4);
    assertThat(candidates(index, Map.of("team", "a", "env", "prod", "sev", "error")))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(candidates(index, Map.of("env", "test", "other", "x"))).containsExactly(1, 4, 5, 7, 8);
    assertThat(candidates(index, Map.of("sev", "critical"))).containsExactly(1, 4, 5, 6, 7);
    assertThat(candidates(index, Map.of("env", "prod"))).containsExactly(1, 2, 4, 5, 7);
    assertThat(candidates(index, Map.of())).containsExactly(1, 4, 5, 7);
  }

  @Test
  void candidatesFromSingleConditionRulesAreSureOthersAreNot() {
    List<List<SlotRule>> siblings = new ArrayList<>();
    siblings.add(rule(eq("team", "a")));                              // 0 sure
    siblings.add(rule(eq("team", "a"), eq("env", "prod")));           // 1 indexed, not sure
    siblings.add(List.of(slotRule(eq("team", "a"), eq("env", "dev")), slotRule(eq("team", "a")))); // 2 sure via its 2nd rule
    siblings.add(List.of(slotRule(eq("team", "a")), slotRule(eq("team", "a"), eq("env", "dev")))); // 3 sure via its 1st rule
    siblings.add(rule(in("sev", "critical", "error")));               // 4 sure
    siblings.add(List.of());                                          // 5 always, sure (no rules)
    siblings.add(rule(neq("team", "")));                              // 6 always, not sure
    siblings.add(rule(re("env", "dev|test")));                        // 7 literal regex: sure
    SiblingIndex index = SiblingIndex.build(siblings);

    // one source (no merge), several sources (bitset merge)
    assertThat(siblings(rawCandidates(index, Map.of("other", "x")), true)).containsExactly(5);
    Map<String, String> labels = Map.of("team", "a", "env", "test", "sev", "error");
    assertThat(candidates(index, labels)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(siblings(rawCandidates(index, labels), true)).containsExactly(0, 2, 3, 4, 5, 7);
  }

  @Test
  void sparseMergeBySortingKeepsOneSureEntryPerSibling() {
    // a long list with few candidates is merged by sorting, not through the bitset
    List<List<SlotRule>> siblings = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      siblings.add(rule(eq("a", "1"), eq("sev", "critical"))); // never candidates for team/env
    }
    siblings.set(10, List.of(slotRule(eq("team", "a"), eq("env", "prod")), slotRule(eq("env", "prod"))));
    siblings.set(1500, rule(eq("team", "a")));
    siblings.set(1999, rule(eq("env", "prod"), eq("team", "a")));
    SiblingIndex index = SiblingIndex.build(siblings);

    IntList raw = rawCandidates(index, Map.of("team", "a", "env", "prod"));
    assertThat(siblings(raw, false)).containsExactly(10, 1500, 1999);
    assertThat(siblings(raw, true)).containsExactly(10, 1500);
  }

  @Test
  void smallListsAreScannedLinearly() {
    SiblingIndex index = SiblingIndex.build(List.of(rule(eq("a", "1")), rule(eq("a", "2"))));
    assertThat(index.alwaysChecked()).isEqualTo(2);
    assertThat(candidates(index, Map.of())).containsExactly(0, 1);
  }
}
