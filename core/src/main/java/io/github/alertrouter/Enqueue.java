package io.github.alertrouter;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.route.RouteSettings;
import io.github.alertrouter.time.Durations;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each robot's notice in its lane (identities, links, outbox) with a receipt that records it
 * as delivered only when the platform accepted it; a notice that needs no sending (a resolution
 * kept quiet, a notice dropped outside the window) is recorded at once. When every notice of the
 * flush was delivered, {@code collect} (on the timers' thread) lets the flushed resolved alerts
 * leave the group; a notice
 * that gave up leaves them, and the log, for the next tick.
 */
final class Enqueue implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(Enqueue.class);

  private final RobotDelivery delivery;
  private final Clock clock;
  private final Consumer<Flush> collect;

  Enqueue(RobotDelivery delivery, Clock clock, Consumer<Flush> collect) {
    this.delivery = delivery;
    this.clock = clock;
    this.collect = collect;
  }

  @Override
  public Verdict apply(Flush flush) {
    AlertGroup group = flush.group();
    RouteSettings s = flush.settings();
    Entry said = flush.said();
    Tick tick = new Tick(() -> collect.accept(flush));
    for (Flush.RobotNotice notice : flush.notices()) {
      if (!notice.send()) {
        group.recordDelivered(notice.robotId(), said);
        continue;
      }
      Receipt done = tick.expect();
      Receipt receipt = outcome -> {
        switch (outcome) {
          case DELIVERED -> group.recordDelivered(notice.robotId(),
              new Entry(said.firing(), said.resolved(), clock.instant()));
          case GAVE_UP -> {
            group.gaveUp(notice.robotId());
            LOG.warn("{} group {}: the notice to robot {} was not delivered; it is tried again at the group's next "
                + "flush, in {}", s.name() == null ? "policy" : "policy " + s.name(), group.id().groupKey(),
                notice.robotId(), Durations.format(s.groupInterval()));
          }
          case SUPERSEDED, BUSY -> { } // a later flush's notice says it all, or the one being sent does
        }
        done.completed(outcome);
      };
      Notification n = RobotDelivery.notification(group, notice.decision().reason(), flush.firing(),
          s.sendResolved() ? flush.resolved() : List.of(), flush.now());
      String logKey = Engine.logKey(group.id());
      delivery.send(n, flush.mentions(), List.of(notice.robotId()), s, logKey,
          robot -> new Outbox.Delivered(logKey, robot, said.firing(), said.resolved()), receipt);
    }
    tick.dispatched(); // with nothing sent, the flusher collects at once
    return new Next(flush);
  }
}
