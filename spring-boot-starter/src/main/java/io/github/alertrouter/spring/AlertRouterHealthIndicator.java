package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The router's health, as {@code alertRouter} under {@code /actuator/health}.
 *
 * <ul>
 *   <li>{@code DOWN}: the state store cannot take alerts ({@link AlertRouter#stats()} throws a
 *       {@link StoreException}), so nothing can be accepted; the same condition that makes
 *       {@code alert-router serve}'s {@code /-/ready} answer 503.
 *   <li>{@code OUT_OF_SERVICE}: the router takes alerts, but some chat does not get them: a
 *       robot is <em>throttled</em> (deliveries wait behind a platform's penalty) or
 *       <em>failing</em> (its deliveries have failed, with no success since, for at least
 *       {@code alert-router.health.failing-after}). Not {@code DOWN}: restarting the application
 *       does not help, and the lane recovers by itself when the platform does.
 *   <li>{@code UP} otherwise.
 * </ul>
 *
 * <p>Details: the router's counts ({@link RouterStats}) and per robot id its queue
 * ({@code pending}), penalty end, last sent message, failure streak and {@code state}
 * ({@code ok}, {@code throttled}, {@code failing}). Never a webhook URL or a secret. Webhooks are
 * not probed (a probe would post into the chat): a robot's reachability is what its deliveries
 * since start showed. Thread-safe; each call reads the router afresh.
 */
public final class AlertRouterHealthIndicator implements HealthIndicator {
  private final AlertRouter router;
  private final DeliveryOutcomes outcomes;
  private final Duration failingAfter;
  private final Clock clock;

  AlertRouterHealthIndicator(AlertRouter router, DeliveryOutcomes outcomes, Duration failingAfter, Clock clock) {
    this.router = Objects.requireNonNull(router, "router");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    this.failingAfter = Objects.requireNonNull(failingAfter, "failingAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Health health() {
    RouterStats stats;
    try {
      stats = router.stats();
    } catch (StoreException e) {
      // the store's message names the operation and cause, never a credential
      return Health.down().withDetail("store", "cannot take alerts: " + e.getMessage()).build();
    }
    Instant now = clock.instant();
    Map<String, DeliveryOutcomes.Outcome> seen = outcomes.snapshot();
    Map<String, Map<String, Object>> robots = new TreeMap<>();
    boolean degraded = false;
    for (LaneStatus lane : router.lanes()) {
      String state = state(lane, seen.get(lane.robotId()), now);
      degraded |= !state.equals("ok");
      robots.put(lane.robotId(), robot(state, lane, seen.get(lane.robotId())));
    }
    for (Map.Entry<String, DeliveryOutcomes.Outcome> e : seen.entrySet()) {
      if (!robots.containsKey(e.getKey())) { // a robot whose lane is gone (a reload) but was heard of
        String state = state(null, e.getValue(), now);
        degraded |= !state.equals("ok");
        robots.put(e.getKey(), robot(state, null, e.getValue()));
      }
    }
    Health.Builder health = degraded ? Health.status(Status.OUT_OF_SERVICE) : Health.up();
    return health
        .withDetail("alerts", stats.alerts())
        .withDetail("firingAlerts", stats.firingAlerts())
        .withDetail("groups", stats.groups())
        .withDetail("activeSilences", stats.activeSilences())
        .withDetail("undeliveredNotices", stats.undeliveredNotices())
        .withDetail("active", router.active())
        .withDetail("robots", robots)
        .withDetail("reachability", "webhooks are not probed (a probe would post into the chat);"
            + " a robot's state comes from its deliveries since start")
        .build();
  }

  private String state(LaneStatus lane, DeliveryOutcomes.Outcome outcome, Instant now) {
    if (lane != null && lane.pending() > 0 && lane.penaltyEnds() != null && lane.penaltyEnds().isAfter(now)) {
      return "throttled";
    }
    if (outcome != null && outcome.failingSince() != null
        && !outcome.failingSince().plus(failingAfter).isAfter(now)) {
      return "failing";
    }
    return "ok";
  }

  private static Map<String, Object> robot(String state, LaneStatus lane, DeliveryOutcomes.Outcome outcome) {
    Map<String, Object> robot = new LinkedHashMap<>();
    robot.put("state", state);
    robot.put("pending", lane == null ? 0 : lane.pending());
    if (lane != null && lane.penaltyEnds() != null) {
      robot.put("penaltyEnds", lane.penaltyEnds().toString());
    }
    if (outcome != null) {
      if (outcome.lastSent() != null) {
        robot.put("lastSent", outcome.lastSent().toString());
      }
      if (outcome.failingSince() != null) {
        robot.put("failingSince", outcome.failingSince().toString());
      }
      if (outcome.lastFailure() != null) {
        robot.put("lastFailure", outcome.lastFailure());
      }
    }
    return robot;
  }
}
