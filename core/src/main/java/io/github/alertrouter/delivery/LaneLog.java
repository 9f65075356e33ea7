package io.github.alertrouter.delivery;

import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a robot's lane tells the operator's log about each message: one line per send or failure,
 * under {@link RobotLane}'s logger name (what operators filter on). Never a URL: the webhook holds
 * the token; failure details come redacted from the platform client.
 */
final class LaneLog {
  private static final Logger LOG = LoggerFactory.getLogger(RobotLane.class);

  private LaneLog() {}

  /** A message the platform accepted; a warning when it withheld mentions someone expected. */
  static void sent(DeliveryEvent event, String via, SendResult.Sent sent) {
    if (sent.withheld().isEmpty()) {
      LOG.info("robot {} ({}): sent message {}/{} for {} group {} ({}, {} bytes, {} mentions)", event.robotId(),
          through(event, via), event.part(), event.parts(), event.policy(), event.groupKey(),
          event.reason().description(), event.bytes(), event.mentions().size());
    } else {
      // a warning: whoever expected to be paged by the withheld mentions was not
      LOG.warn("robot {} ({}): sent message {}/{} for {} group {} ({}, {} bytes, {} mentions), but without "
          + "mentioning {}: {}", event.robotId(), through(event, via), event.part(), event.parts(), event.policy(),
          event.groupKey(), event.reason().description(), event.bytes(), event.mentions().size(),
          targets(sent.withheld()), sent.note());
    }
  }

  /** A failed attempt and {@code what} the lane does about it (retrying, giving up). */
  static void failed(String what, DeliveryEvent e, String via, FailureKind kind, String code, String detail) {
    String why = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + code
        + (detail.isBlank() || detail.equals(code) ? "" : ": " + detail) + ")";
    LOG.warn("robot {} ({}): message {}/{} for {} group {} failed with {}; {}", e.robotId(), through(e, via),
        e.part(), e.parts(), e.policy(), e.groupKey(), why, what);
  }

  /** {@code dingtalk}, or for a pool {@code dingtalk, webhook 2 of 3}: never the webhook itself. */
  private static String through(DeliveryEvent e, String via) {
    return via.isEmpty() ? e.platform() : e.platform() + ", " + via;
  }

  /** {@code 550ms}, {@code 1m30s}: what a reader of the log expects, rounded to the millisecond. */
  static String human(Duration d) {
    return Durations.format(Duration.ofMillis(Math.max(d.toMillis(), d.isZero() ? 0 : 1)));
  }

  /** {@code all, contact:alice}: the policy's targets, which the reader configured, not identities. */
  private static String targets(List<Mention> mentions) {
    return String.join(", ", mentions.stream().map(m -> m.target().toString()).toList());
  }
}
