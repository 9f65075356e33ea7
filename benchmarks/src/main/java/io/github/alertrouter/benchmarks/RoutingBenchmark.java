package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One routing decision ({@link RoutingTree#match}) against N top-level policies. Alerts are
 * precomputed (1024, cycled) so that only routing is measured. {@code alertLabels} routes an
 * {@link Alert}'s own label map (an unmodifiable {@code TreeMap}, what the router passes);
 * {@code hashMapLabels} routes the same labels in a {@link HashMap}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingBenchmark {
  private static final int ALERTS = 1024;
  private static final int HOT_ALERTS = 16;

  @Param({"10", "100", "1000"})
  public int policies;

  private RoutingTree tree;
  private Map<String, String>[] sortedLabels;
  private Map<String, String>[] hashLabels;
  private Map<String, String>[] copiedNameLabels;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    tree = RoutingTree.compile(RoutingWorkload.policies(policies, 20260308L));
    Alert[] alerts = RoutingWorkload.alerts(ALERTS, 7L);
    sortedLabels = new Map[ALERTS];
    hashLabels = new Map[ALERTS];
    copiedNameLabels = new Map[ALERTS];
    for (int i = 0; i < ALERTS; i++) {
      sortedLabels[i] = alerts[i].labels();
      hashLabels[i] = new HashMap<>(alerts[i].labels());
      Map<String, String> copied = new TreeMap<>();
      alerts[i].labels().forEach((name, value) -> copied.put(new String(name.toCharArray()), value));
      copiedNameLabels[i] = Alert.firing(copied).build().labels();
    }
  }

  @Benchmark
  public List<RouteMatch> alertLabels() {
    return tree.match(sortedLabels[next++ & (ALERTS - 1)]);
  }

  /**
   * The same decision on 16 alerts that stay in the CPU caches, as an alert does when it is routed
   * right after its payload was parsed: separates the routing work from the cache misses of
   * reading 1,024 cold alerts.
   */
  @Benchmark
  public List<RouteMatch> hotAlertLabels() {
    return tree.match(sortedLabels[next++ & (HOT_ALERTS - 1)]);
  }

  /**
   * The same alerts with label names that are not interned (built at run time, e.g. by string
   * concatenation): every name lookup then compares bytes.
   */
  @Benchmark
  public List<RouteMatch> copiedNameLabels() {
    return tree.match(copiedNameLabels[next++ & (ALERTS - 1)]);
  }

  @Benchmark
  public List<RouteMatch> hashMapLabels() {
    return tree.match(hashLabels[next++ & (ALERTS - 1)]);
  }
}
