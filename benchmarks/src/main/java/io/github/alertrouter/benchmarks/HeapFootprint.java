package io.github.alertrouter.benchmarks;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.ManualScheduler;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Heap held by a router with {@code N} active alerts (default 100,000) in 10,000 groups, after
 * their first notifications: run with {@code -Xmx256m} to check the target, e.g.
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.HeapFootprint}.
 * Prints the live heap after a full GC, before and after loading.
 */
public final class HeapFootprint {
  private HeapFootprint() {}

  public static void main(String[] args) throws Exception {
    int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int groups = 10_000;
    long before = liveHeap();
    ManualScheduler scheduler = new ManualScheduler();
    RenderOnlyPlatform platform = new RenderOnlyPlatform();
    AlertRouter router = AlertRouter.builder().config(EngineWorkload.config()).scheduler(scheduler)
        .platforms(Platforms.of(platform)).build();
    var now = scheduler.clock().instant();
    for (int i = 0; i < alerts; i++) {
      router.submit(EngineWorkload.alert(i % groups, i, now, Duration.ofHours(12)));
    }
    scheduler.advance(EngineWorkload.GROUP_WAIT);
    long after = liveHeap();
    System.out.printf("alerts=%d groups=%d rendered=%d live heap: before %.1f MB, after %.1f MB, router %.1f MB"
            + " (%.0f bytes per alert)%n",
        alerts, groups, platform.rendered.sum(), mb(before), mb(after), mb(after - before),
        (after - before) / (double) alerts);
    router.close();
  }

  private static long liveHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
