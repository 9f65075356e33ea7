package io.github.alertrouter.benchmarks;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Submit → rendered message with {@code groups} active groups, delivery stubbed. One invocation
 * submits one new alert to every group and lets the next group-interval tick flush them all: each
 * group notifies "new alerts added" with one firing alert (the previous one has resolved), so the
 * score is in rendered messages (= submitted alerts) per second, in a steady state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
  @Param({"10000"})
  int groups;

  private ManualScheduler scheduler;
  private RenderOnlyPlatform platform;
  private AlertRouter router;
  private long next;

  @Setup(Level.Trial)
  public void start() {
    scheduler = new ManualScheduler();
    platform = new RenderOnlyPlatform();
    router = AlertRouter.builder().config(EngineWorkload.config()).scheduler(scheduler)
        .platforms(Platforms.of(platform)).build();
    submitOneEach(); // the groups exist and have had their first notification
    scheduler.advance(EngineWorkload.GROUP_WAIT);
  }

  @TearDown(Level.Trial)
  public void stop() {
    router.close();
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public long submitAndRender() {
    submitOneEach();
    scheduler.advance(EngineWorkload.GROUP_INTERVAL);
    return platform.rendered.sum();
  }

  private void submitOneEach() {
    var now = scheduler.clock().instant();
    // alive a little less than a group interval: at the next tick the previous alert has resolved
    Duration lifetime = EngineWorkload.GROUP_INTERVAL.minusSeconds(1);
    for (int g = 0; g < groups; g++) {
      router.submit(EngineWorkload.alert(g, next++, now, lifetime));
    }
  }
}
