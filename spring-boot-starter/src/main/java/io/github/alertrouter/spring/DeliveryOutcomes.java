package io.github.alertrouter.spring;

import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;

/**
 * What each robot's deliveries came to since start, for the health indicator: the last sent
 * message, and since when its deliveries have failed without a success in between. The library
 * never probes a webhook (a probe would post into the chat), so this is all that is known of a
 * robot's reachability. Thread-safe: the router calls it from its sending threads; it never throws
 * and keeps no message content, webhook or secret.
 *
 * <p>Ordered first among the router's listeners, so that an application's listener that reads the
 * health sees the event it is handling already counted.
 */
final class DeliveryOutcomes implements DeliveryListener, Ordered {
  /**
   * One robot's outcomes.
   *
   * @param lastSent when a message last went through, or {@code null}
   * @param failingSince the first failure after the last success, or {@code null} when the last
   *     outcome was a success
   * @param lastFailure the last failure's kind and platform code ({@code RATE_LIMITED 130101}),
   *     or {@code null}
   */
  record Outcome(Instant lastSent, Instant failingSince, String lastFailure) {}

  private final Map<String, Outcome> byRobot = new ConcurrentHashMap<>();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void sent(DeliveryEvent event) {
    byRobot.compute(event.robotId(), (id, old) -> new Outcome(event.at(), null, old == null ? null : old.lastFailure()));
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    failure(event);
  }

  @Override
  public void failed(DeliveryEvent event) {
    failure(event);
  }

  private void failure(DeliveryEvent event) {
    String what = describe(event.result());
    byRobot.compute(event.robotId(), (id, old) -> old == null
        ? new Outcome(null, event.at(), what)
        : new Outcome(old.lastSent(), old.failingSince() != null ? old.failingSince() : event.at(), what));
  }

  /** Kind and code only: a platform's detail text is its own and may be long. */
  private static String describe(SendResult result) {
    if (result instanceof SendResult.Retryable r) {
      return r.kind() + (r.code().isEmpty() ? "" : " " + r.code());
    }
    if (result instanceof SendResult.Permanent p) {
      return p.kind() + (p.code().isEmpty() ? "" : " " + p.code());
    }
    return "unknown";
  }

  /** The outcomes by robot id, a snapshot. */
  Map<String, Outcome> snapshot() {
    return Map.copyOf(byRobot);
  }
}
