package io.github.alertrouter.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the state store's calls take, by seam and operation, as a Prometheus histogram: the
 * store is on the path of every accepted alert (answered 200 only once committed) and of every
 * delivered notice, so its latency is what an operator looks at first when intake slows down.
 * Each seam is wrapped in a proxy that times every call of its interface, and of the interfaces
 * it hands out ({@code RateWindows.Window}, {@code Outbox.Queue}); failures are counted apart.
 * Time is measured with {@link System#nanoTime}: durations, not instants.
 */
final class StoreTimings {
  /** Bucket bounds in seconds: a loopback database answers in about a millisecond. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  /** A seam's getters of settings (a fleet member's name, its lease's ttl): not store calls. */
  private static final java.util.Set<String> ACCESSORS = java.util.Set.of("member", "leaseTtl");

  private final ConcurrentHashMap<List<String>, Histogram> histograms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<List<String>, LongAdder> errors = new ConcurrentHashMap<>();

  /** {@code store} with every call of {@code seam} timed under the name {@code name}. */
  <T> T timed(Class<T> seam, String name, T store) {
    return seam.cast(wrap(seam, name, store));
  }

  private Object wrap(Class<?> seam, String name, Object store) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class || ACCESSORS.contains(method.getName())) {
        return method.invoke(store, args); // no store work in them: nothing to time
      }
      long start = System.nanoTime();
      Object result;
      try {
        result = method.invoke(store, args);
      } catch (InvocationTargetException e) {
        errors.computeIfAbsent(List.of(name, method.getName()), k -> new LongAdder()).increment();
        throw e.getCause();
      } finally {
        histograms.computeIfAbsent(List.of(name, method.getName()), k -> new Histogram())
            .observe(System.nanoTime() - start);
      }
      return handsOut(method) ? wrap(method.getReturnType(), name, result) : result;
    };
    return store == null ? null : Proxy.newProxyInstance(seam.getClassLoader(), new Class<?>[] {seam}, handler);
  }

  /** A seam's method that hands out another of the store's interfaces (a robot's window or queue). */
  private static boolean handsOut(Method method) {
    Class<?> type = method.getReturnType();
    return type.isInterface() && type.getPackageName().equals("io.github.alertrouter.store")
        && type.getEnclosingClass() != null;
  }

  /** Writes {@code alert_router_store_operation_seconds} and the failures counter. */
  void writeTo(PrometheusText text, String prefix) {
    String h = prefix + "store_operation_seconds";
    text.metric(h, "histogram", "How long calls to the state store took, by store and operation.");
    sorted(histograms).forEach((key, histogram) -> histogram.writeTo(text, h, key.get(0), key.get(1)));
    String e = prefix + "store_operation_errors_total";
    text.metric(e, "counter", "Calls to the state store that failed, by store and operation.");
    sorted(errors).forEach((key, count) -> text.sample(e, count.sum(), "store", key.get(0), "operation", key.get(1)));
  }

  // sorted: scrapes of the same state read the same
  private static <V> Map<List<String>, V> sorted(Map<List<String>, V> map) {
    Map<List<String>, V> out = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    out.putAll(map);
    return out;
  }

  /** Cumulative buckets, a sum and a count, lock-free. */
  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder total = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(long elapsedNanos) {
      double seconds = elapsedNanos / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
          break;
        }
      }
      total.increment();
      nanos.add(elapsedNanos);
    }

    void writeTo(PrometheusText text, String name, String store, String operation) {
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += counts[i].sum();
        text.sample(name + "_bucket", cumulative, "store", store, "operation", operation, "le", bound(BUCKETS[i]));
      }
      long count = total.sum();
      text.sample(name + "_bucket", count, "store", store, "operation", operation, "le", "+Inf");
      text.sample(name + "_sum", nanos.sum() / 1e9, "store", store, "operation", operation);
      text.sample(name + "_count", count, "store", store, "operation", operation);
    }

    private static String bound(double b) {
      return java.math.BigDecimal.valueOf(b).stripTrailingZeros().toPlainString();
    }
  }
}
