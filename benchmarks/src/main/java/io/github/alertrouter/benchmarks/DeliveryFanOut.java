package io.github.alertrouter.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery fan-out on the router's own threads (the production default), against a DingTalk-shaped
 * endpoint on loopback that answers every request after {@code delay}: {@code groups} groups, each
 * for one of {@code robots} robots, all due at once. Prints how long until every message arrived
 * and the most requests the endpoint saw at once (the send pool bounds it).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.DeliveryFanOut [groups] [robots] [delayMs]}</pre>
 *
 * Issue #16 measured 56 s for 1,000 groups to 638 robots with a 50 ms endpoint when every send ran
 * on the one timer thread (Alertmanager: 1.4 s).
 */
public final class DeliveryFanOut {
  private DeliveryFanOut() {}

  public static void main(String[] args) throws Exception {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int robots = args.length > 1 ? Integer.parseInt(args[1]) : 638;
    long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 50;

    AtomicInteger received = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    endpoint.setExecutor(Executors.newFixedThreadPool(512));
    endpoint.createContext("/", exchange -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        Thread.sleep(delayMs);
        byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(ok);
        }
        received.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the client went away
      } finally {
        inFlight.decrementAndGet();
      }
    });
    endpoint.start();
    String base = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/robot/send?access_token=";

    RouterConfig.Builder config = RouterConfig.builder();
    List<NotificationPolicy> policies = new ArrayList<>();
    for (int r = 0; r < robots; r++) {
      config.robot(new Robot("robot-" + r, "dingtalk", Secret.of(base + "t" + r), null, null));
    }
    for (int g = 0; g < groups; g++) {
      policies.add(NotificationPolicy.builder("p" + g)
          .matching(io.github.alertrouter.config.Condition.eq("group", "g" + g))
          .groupRule(new GroupRule(Duration.ofSeconds(30), Duration.ofMinutes(5), List.of("alertname")))
          .notifyRule(new NotifyRule(null, List.of("robot-" + (g % robots)), List.of()))
          .repeatInterval(Duration.ofHours(4))
          .build());
    }
    policies.forEach(config::notificationPolicy);
    Clock clock = Clock.systemUTC(); // a real run: the router owns its threads on the wall clock
    AlertRouter router = AlertRouter.builder().config(config.build()).clock(clock).build();
    Instant late = clock.instant().minus(Duration.ofMinutes(1)); // older than groupWait: due at once
    List<Alert> alerts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      alerts.add(Alert.firing(Map.of("alertname", "FanOut", "group", "g" + g)).startsAt(late).build());
    }
    long start = System.nanoTime();
    router.submit(alerts);
    long deadline = start + Duration.ofMinutes(5).toNanos();
    while (received.get() < groups && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d groups to %d robots, endpoint answering in %d ms: %d messages in %.2f s, at most %d requests "
        + "at once%n", groups, robots, delayMs, received.get(), seconds, mostInFlight.get());
    router.close();
    endpoint.stop(0);
    System.exit(0);
  }
}
