package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.NotificationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic routing workload: policies and alerts over 20 label keys x 50 values. Every
 * policy has one {@code eq} or {@code in} condition (what the index can use); some add a
 * {@code re} or {@code neq}. Every alert has 10 of the 20 keys.
 */
final class RoutingWorkload {
  static final int KEYS = 20;
  static final int VALUES = 50;
  static final int LABELS_PER_ALERT = 10;

  private RoutingWorkload() {}

  /**
   * Label names are interned, as both ways alerts reach the router deliver them: Java string
   * literals are interned constants, and the webhook reader's JSON field names are interned
   * ({@code InternedLabelNamesTest}). {@code RoutingBenchmark.copiedNameLabels} routes copies.
   */
  static String key(int k) {
    return String.format("label_%02d", k).intern();
  }

  static String value(int v) {
    return String.format("value-%02d", v);
  }

  static List<NotificationPolicy> policies(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<NotificationPolicy> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Condition> conds = new ArrayList<>();
      int k = rnd.nextInt(KEYS);
      if (rnd.nextInt(4) == 0) {
        conds.add(Condition.in(key(k), value(rnd.nextInt(VALUES)), value(rnd.nextInt(VALUES)),
            value(rnd.nextInt(VALUES))));
      } else {
        conds.add(Condition.eq(key(k), value(rnd.nextInt(VALUES))));
      }
      int extra = rnd.nextInt(10);
      int other = (k + 1 + rnd.nextInt(KEYS - 1)) % KEYS;
      if (extra < 3) {
        // matches roughly 20 of the 50 values, or the missing label
        conds.add(Condition.re(key(other), "value-[0-" + rnd.nextInt(5) + "].|"));
      } else if (extra < 5) {
        conds.add(Condition.neq(key(other), value(rnd.nextInt(VALUES))));
      }
      out.add(NotificationPolicy.builder("policy-" + i).matching(conds.toArray(new Condition[0])).build());
    }
    return out;
  }

  static Alert[] alerts(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Alert[] out = new Alert[count];
    for (int i = 0; i < count; i++) {
      Map<String, String> labels = new TreeMap<>();
      while (labels.size() < LABELS_PER_ALERT) {
        labels.put(key(rnd.nextInt(KEYS)), value(rnd.nextInt(VALUES)));
      }
      out[i] = Alert.firing(labels).build();
    }
    return out;
  }
}
