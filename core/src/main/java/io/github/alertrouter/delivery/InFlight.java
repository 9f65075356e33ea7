package io.github.alertrouter.delivery;

import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.store.Outbox;
import java.time.Instant;
import java.util.List;

/**
 * The delivery a {@link RobotLane} is sending: its rendered messages, the next part, and the
 * attempt at it. Guarded by the lane's monitor.
 */
final class InFlight {
  final Delivery delivery;
  final List<OutboundMessage> messages;
  final List<Outbox.Entry> sources; // one, or every delivery merged into a digest
  int part;
  int attempt = 1;
  int member; // the pool member the current attempt goes through; chosen when its permit is taken
  Instant notBefore = Instant.MIN; // a retry waits out its backoff even when new work arrives

  InFlight(Delivery delivery, List<OutboundMessage> messages, List<Outbox.Entry> sources) {
    this.delivery = delivery;
    this.messages = messages;
    this.sources = sources;
  }

  /** Moves to the next part; true when that was the last. */
  boolean nextPart() {
    part++;
    attempt = 1;
    notBefore = Instant.MIN;
    return part == messages.size();
  }

  /** What the current part's attempt ended in, for listeners and the log. */
  DeliveryEvent event(Instant at, SendResult result, String robotId, String platformId) {
    OutboundMessage message = messages.get(part);
    // a sent message reports who was really @-ed; the withheld rest stay on its result
    List<Mention> mentions = result instanceof SendResult.Sent sent ? sent.fired(message.mentions())
        : message.mentions();
    if (delivery.isNotice()) {
      Notice n = delivery.notice();
      return new DeliveryEvent(at, robotId, platformId, n.source(), n.key(), n.reason(), part + 1,
          messages.size(), message.bytes(), attempt, result, mentions);
    }
    Notification n = delivery.notification();
    return new DeliveryEvent(at, robotId, platformId, n.policy(), n.groupKey(), n.reason(), part + 1,
        messages.size(), message.bytes(), attempt, result, mentions);
  }
}
