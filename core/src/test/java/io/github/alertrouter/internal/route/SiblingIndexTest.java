package io.github.alertrouter.internal.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.in;
import static io.github.alertrouter.config.Condition.neq;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.route.MatcherSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    IntList out = new IntList(4);
    out.add(-1); // entries before the call are left alone
    index.appendCandidates(SLOTS.read(labels), out);
    int[] a = new int[out.size() - 1];
    for (int i = 1; i < out.size(); i++) {
      a[i - 1] = out.get(i);
    }
    assertThat(out.get(0)).isEqualTo(-1);
    return a;
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
  void smallListsAreScannedLinearly() {
    SiblingIndex index = SiblingIndex.build(List.of(rule(eq("a", "1")), rule(eq("a", "2"))));
    assertThat(index.alwaysChecked()).isEqualTo(2);
    assertThat(candidates(index, Map.of())).containsExactly(0, 1);
  }
}
