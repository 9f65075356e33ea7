package io.github.alertrouter.delivery;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One robot's outbox: deliveries go out in order, one request at a time, under the platform's
 * rate limits. When more are queued than the limit lets through now, the rest are merged into one
 * digest that takes the last free slot; what queued while the lane had to wait (a full window, a
 * throttling penalty, a retry's backoff) goes out as one digest too, not late one by one.
 * Retryable failures are retried with backoff while later deliveries wait behind (order is kept,
 * and a throttled robot is left alone until its penalty ends).
 *
 * <p>A robot that is a pool of webhooks has one client and one rate window per member: each
 * message takes the next member (round robin) whose window has a free permit, so a digest is made
 * only when every member is saturated; a throttling answer parks its member alone, and the
 * message goes again at once through another; any other retry also goes through the next member.
 *
 * <p>The HTTP request runs on the send executor, never on the scheduler: a robot whose webhook
 * hangs holds only its own lane (and one sending thread, for at most the request timeout), never
 * the timers or another robot. Each delivery's {@link Receipt} hears how it ended, so that only
 * what the platform accepted is recorded as delivered.
 *
 * <p>Thread-safe: {@code offer} may be called from any thread; the lane's state is guarded by
 * its monitor, and receipts and listeners are called outside it.
 */
final class RobotLane {
  private static final Logger LOG = LoggerFactory.getLogger(RobotLane.class);
  /** How soon a lane tries again to read a durable outbox it could not read. */
  static final Duration RELOAD_RETRY = Duration.ofSeconds(1);

  /** What the lane sends with; replaced whole when a router that takes over adopts the lane. */
  record Wiring(Robot robot, PlatformProvider platform, List<RobotClient> clients, Scheduler scheduler,
      Executor sender, RetryPolicy retry, RandomGenerator random, DeliveryListener listener) {}

  private volatile Wiring w;

  // guarded by this
  private final Outbox.Queue queue;
  private final List<RateWindows.Window> windows; // one per pool member, in the robot's order
  private int cursor; // the member to try first for the next message
  private InFlight current;
  private boolean sending; // a request is out: its completion drives the lane on
  private boolean waited; // the lane had to wait, so what queued meanwhile is late
  private boolean reloadDue; // reload the queue before the next take
  private int ending; // ends handed to the outbox after the lock, not yet recorded
  private Scheduler.Cancellable wakeUp;
  private Instant wakeUpAt;
  private long wakeUps; // counts schedulings, to tell one that ran (or was replaced) inside schedule()

  RobotLane(Wiring wiring, List<RateWindows.Window> windows, Outbox.Queue queue) {
    this.w = wiring;
    this.windows = List.copyOf(windows);
    this.queue = queue;
  }

  Wiring wiring() {
    return w;
  }

  /** The robot this lane sends to. */
  Robot robot() {
    return w.robot();
  }

  /**
   * Goes on under a router that took over (a reload): same robot id, webhook and platform, so
   * the rate window, a penalty and the queue stay; the rest (signing secret, keyword, options,
   * timers, threads, listener) is the new router's from the next message on.
   */
  void rewire(Wiring wiring) {
    synchronized (this) {
      w = wiring;
      if (wakeUp != null) {
        wakeUp.cancel(); // on the old router's scheduler, which stops
        wakeUp = null;
        wakeUpAt = null;
      }
    }
    wakeUpIn(Duration.ZERO);
  }

  /**
   * Queues a delivery. With a {@code key}, a queued delivery with the same key that has not
   * started sending is replaced in place (its receipt hears {@link Receipt.Outcome#SUPERSEDED}):
   * a group's newer notice says everything the older one would have. While one with the same key
   * is being sent (or waits out a retry), the new one is not queued ({@link Receipt.Outcome#BUSY}):
   * sent after it, it would repeat what the first said.
   */
  void offer(Outbox.Entry fresh) {
    String key = fresh.key();
    Receipt receipt = fresh.receipt();
    Outbox.Entry replaced = null;
    boolean busy;
    boolean failed = false;
    synchronized (this) {
      busy = key != null && current != null && current.sources.stream().anyMatch(p -> key.equals(p.key()));
      if (!busy) {
        try {
          replaced = queue.offer(fresh);
        } catch (RuntimeException e) {
          // not queued: whoever dispatched it decides again (a group's next flush)
          LOG.warn("robot {}: cannot queue a delivery in the outbox: {}", w.robot().id(), e.getMessage());
          failed = true;
        }
      }
    }
    if (failed) {
      tell(receipt, Receipt.Outcome.GAVE_UP);
      return;
    }
    if (busy) {
      tell(receipt, Receipt.Outcome.BUSY); // never queued
      return;
    }
    if (replaced != null) {
      tell(replaced.receipt(), Receipt.Outcome.SUPERSEDED);
    }
    wakeUpIn(Duration.ZERO);
  }

  /**
   * Stops sending what the outbox holds (and a delivery between attempts), leaving it there for
   * whoever reloads the queue next; a request out now completes. Returns how many were held.
   */
  synchronized int abandonQueued() {
    if (current != null && !sending) {
      current = null;
    }
    reloadDue = false;
    return queue.release();
  }

  /**
   * Sends what the outbox holds that no one ended, including what a process that died had taken;
   * a delivery this lane still has out is let finish first, so it is not queued twice. Returns the
   * entries read back that this process did not offer (none when the reload had to wait).
   */
  List<Outbox.Entry> resumeQueued() {
    List<Outbox.Entry> recovered = new ArrayList<>();
    synchronized (this) {
      reloadDue = true;
      if (current == null && ending == 0) {
        try {
          List<Outbox.Entry> waiting = queue.reload();
          reloadDue = false;
          // what this process did not offer itself: another's, read back without its receipt
          waiting.stream().filter(e -> e.receipt() == Receipt.NONE).forEach(recovered::add);
        } catch (RuntimeException e) {
          LOG.warn("robot {}: cannot read the outbox ({}); trying again in {}", w.robot().id(), e.getMessage(),
              LaneLog.human(RELOAD_RETRY));
        }
      }
    }
    wakeUpIn(Duration.ZERO);
    return recovered;
  }

  /** Deliveries not yet fully sent, counting the one in flight. */
  synchronized int pending() {
    return queue.size() + (current == null ? 0 : 1);
  }

  /** Whether the lane holds something it may send within {@code d} (no penalty or backoff past it). */
  synchronized boolean canSendWithin(Duration d) {
    if (queue.size() == 0 && current == null) {
      return false;
    }
    Instant by = w.scheduler().clock().instant().plus(d);
    Instant penalty = penaltyEnds();
    return (penalty == null || !penalty.isAfter(by)) && (current == null || !current.notBefore.isAfter(by));
  }

  /**
   * Until when the platform's penalty holds this lane, or {@code null} when none does now: for a
   * pool, when the first of its members is free again, and {@code null} while one is not parked.
   */
  synchronized Instant penaltyEnds() {
    Instant now = w.scheduler().clock().instant();
    Instant first = null;
    for (RateWindows.Window window : windows) {
      Instant ends = window.penaltyEnds(now);
      if (ends == null) {
        return null;
      }
      first = first == null || ends.isBefore(first) ? ends : first;
    }
    return first;
  }

  /** How many messages the pool may send now without waiting, all members together. */
  private int available(Instant now) {
    long sum = 0;
    for (RateWindows.Window window : windows) {
      sum += window.available(now);
    }
    return (int) Math.min(Integer.MAX_VALUE, sum);
  }

  /** How long until some member may send one message; zero when one may now. */
  private Duration waitTime(Instant now) {
    Duration wait = null;
    for (RateWindows.Window window : windows) {
      Duration w = window.waitTime(now);
      wait = wait == null || w.compareTo(wait) < 0 ? w : wait;
    }
    return wait;
  }

  /**
   * Takes a permit from the first member, from the cursor on, that has one, and makes it the
   * current attempt's; otherwise takes nothing and answers how long until some member may send.
   */
  private Duration acquire(Instant now) {
    Duration wait = null;
    for (int k = 0; k < windows.size(); k++) {
      int member = (cursor + k) % windows.size();
      Duration w = windows.get(member).tryAcquire(now); // atomic, for instances sharing the window
      if (w.isZero()) {
        current.member = member;
        cursor = (member + 1) % windows.size();
        return w;
      }
      wait = wait == null || w.compareTo(wait) < 0 ? w : wait;
    }
    return wait;
  }

  private synchronized void wakeUpIn(Duration delay) {
    Instant at = w.scheduler().clock().instant().plus(delay);
    if (wakeUp != null && !wakeUpAt.isAfter(at)) {
      return; // an earlier drain is already due; it reschedules itself if needed
    }
    if (wakeUp != null) {
      wakeUp.cancel();
    }
    wakeUpAt = at;
    long generation = ++wakeUps;
    Scheduler.Cancellable scheduled = w.scheduler().schedule(delay, this::drain);
    if (generation == wakeUps && wakeUpAt != null) { // a scheduler may run a due task inside schedule()
      wakeUp = scheduled;
    }
  }

  /** On the scheduler: picks the next message and hands it to the sender, or waits. */
  private void drain() {
    List<Runnable> after = new ArrayList<>();
    OutboundMessage message;
    int member;
    synchronized (this) {
      wakeUp = null;
      wakeUpAt = null;
      message = next(after);
      member = current == null ? 0 : current.member;
    }
    after.forEach(Runnable::run);
    if (message == null) {
      return;
    }
    try {
      w.sender().execute(() -> completed(send(message, member)));
    } catch (RejectedExecutionException e) {
      // the router is stopping: the message was not sent, and the lane keeps it
      completed(new SendResult.Retryable(FailureKind.NETWORK_ERROR, "stopping",
          "the sending threads are shut down", null));
    }
  }

  private SendResult send(OutboundMessage message, int member) {
    try {
      return w.clients().get(member).send(message);
    } catch (RuntimeException e) {
      // a client must not throw; one that does is a bug that must not stop the lane
      LOG.warn("robot {} ({}): the platform client threw {}; treated as a failed send", w.robot().id(), w.platform().id(),
          e.getClass().getName());
      return new SendResult.Permanent(FailureKind.UNKNOWN, e.getClass().getSimpleName(), "the client threw");
    }
  }

  /** The message to send now (recorded in the rate window), or null after arranging to wait. */
  private OutboundMessage next(List<Runnable> after) {
    if (sending) {
      return null; // the request out now wakes the lane when it completes
    }
    Instant now = w.scheduler().clock().instant();
    if (current == null && !takeNext(now, after)) {
      return null;
    }
    Duration wait;
    if (current.notBefore.isAfter(now)) { // backing off: wait for the later of the two, take nothing
      Duration backoff = Duration.between(now, current.notBefore);
      Duration windowWait = waitTime(now);
      wait = backoff.compareTo(windowWait) > 0 ? backoff : windowWait;
    } else {
      wait = acquire(now); // one step, so instances sharing the window cannot both take the last permit
    }
    if (!wait.isZero()) {
      waited = true;
      wakeUpIn(wait);
      return null;
    }
    sending = true;
    return current.messages.get(current.part);
  }

  /** On the sending thread: classifies the outcome, then lets the scheduler drive the lane on. */
  private void completed(SendResult result) {
    List<Runnable> after = new ArrayList<>();
    Duration again = Duration.ZERO;
    synchronized (this) {
      sending = false;
      Instant now = w.scheduler().clock().instant();
      InFlight flight = current;
      DeliveryEvent event = flight.event(now, result, w.robot().id(), w.platform().id());
      String via = via(flight.member);
      if (result instanceof SendResult.Sent sent) {
        LaneLog.sent(event, via, sent);
        after.add(() -> notify(l -> l.sent(event)));
        if (flight.nextPart()) {
          current = null;
          end(flight.sources, Receipt.Outcome.DELIVERED, now, after);
        }
      } else if (result instanceof SendResult.Retryable r && flight.attempt < w.retry().maxAttempts()) {
        Duration backoff = backoff(flight.attempt, r);
        if (r.kind() == FailureKind.RATE_LIMITED) {
          windows.get(flight.member).penalise(now.plus(backoff));
        }
        // parked alone, the throttled member leaves the others free: the message goes again now
        Duration delay = r.kind() == FailureKind.RATE_LIMITED && penaltyEnds() == null ? Duration.ZERO : backoff;
        LaneLog.failed("retrying in " + LaneLog.human(delay) + " (attempt " + (flight.attempt + 1) + " of "
            + w.retry().maxAttempts() + (windows.size() > 1 ? ", through another webhook" : "") + ")", event, via,
            r.kind(), r.code(), r.detail());
        after.add(() -> notify(l -> l.retrying(event, delay)));
        flight.attempt++;
        flight.notBefore = now.plus(delay);
        waited |= !delay.isZero();
        again = delay;
      } else {
        if (result instanceof SendResult.Retryable r) {
          LaneLog.failed("giving up after " + flight.attempt + " attempts", event, via, r.kind(), r.code(), r.detail());
        } else if (result instanceof SendResult.Permanent p) {
          LaneLog.failed("not retryable, giving up", event, via, p.kind(), p.code(), p.detail());
        }
        after.add(() -> notify(l -> l.failed(event)));
        // later parts of a failed notification would read as a broken message
        current = null;
        end(flight.sources, Receipt.Outcome.GAVE_UP, now, after);
      }
    }
    after.forEach(Runnable::run);
    wakeUpIn(again);
  }

  /** Takes the next delivery (or a digest of all queued ones) and renders it; false when none. */
  private boolean takeNext(Instant now, List<Runnable> after) {
    if (reloadDue) {
      if (ending > 0) {
        return false; // an end still being recorded would come back as waiting; its task wakes the lane
      }
      try {
        queue.reload();
        reloadDue = false;
      } catch (RuntimeException e) {
        LOG.warn("robot {}: cannot read the outbox ({}); trying again in {}", w.robot().id(), e.getMessage(),
            LaneLog.human(RELOAD_RETRY));
        wakeUpIn(RELOAD_RETRY);
        return false;
      }
    }
    while (queue.size() > 0) {
      List<Outbox.Entry> taken = new ArrayList<>();
      Delivery next;
      if (queue.notifications() > 1 && (waited || available(now) <= 1)) { // the whole pool is saturated
        // notices stay queued, in order, behind the digest: they are about people, not alerts
        taken.addAll(queue.takeNotifications());
        next = Digests.merge(w.robot().id(), taken.stream().map(Outbox.Entry::delivery).toList(), now);
        int count = taken.size();
        after.add(() -> notify(l -> l.merged(w.robot().id(), count)));
      } else {
        Outbox.Entry first = queue.take();
        if (first == null) {
          return false;
        }
        taken.add(first);
        next = first.delivery();
      }
      waited = false;
      List<OutboundMessage> messages;
      try {
        messages = next.isNotice()
            ? w.platform().renderNotice(NoticeRequest.of(next.notice(), w.robot()))
            : w.platform().render(RenderRequest.of(next.notification(), next.mentions(), w.robot(), next.template()));
      } catch (RuntimeException e) {
        Delivery failed = next;
        LOG.warn("robot {}: cannot render {}: {}", w.robot().id(),
            failed.isNotice() ? "notice " + failed.notice().key() : "notification for " + failed.notification().policy(),
            e.getMessage());
        after.add(() -> notify(l -> l.renderFailed(w.robot().id(), failed.notification(), String.valueOf(e.getMessage()))));
        end(taken, Receipt.Outcome.GAVE_UP, now, after);
        continue;
      }
      int omitted = messages.stream().mapToInt(OutboundMessage::omittedAlerts).sum();
      if (omitted > 0 && !next.isNotice()) {
        Notification n = next.notification();
        LOG.info("robot {} ({}): the message for {} group {} shows {} of its alerts and counts the other {} "
            + "(over the platform's size limit or the robot's maxAlerts; overflow: split sends them all)", w.robot().id(), w.platform().id(),
            n.policy(), n.groupKey(), n.firing().size() + n.resolved().size() - omitted, omitted);
        after.add(() -> notify(l -> l.omitted(w.robot().id(), n, omitted)));
      }
      List<Mention> unresolved = next.mentions().stream().filter(m -> !m.isResolved()).toList();
      if (!unresolved.isEmpty() && !next.isNotice()) {
        Notification n = next.notification();
        after.add(() -> notify(l -> l.unresolvedMentions(w.robot().id(), n, unresolved)));
      }
      if (messages.isEmpty()) {
        end(taken, Receipt.Outcome.DELIVERED, now, after); // nothing to say
        continue;
      }
      current = new InFlight(next, messages, taken);
      return true;
    }
    return false;
  }

  /** Which of a pool's webhooks a message went through, for the log; empty for a single webhook. */
  private String via(int member) {
    return windows.size() > 1 ? "webhook " + (member + 1) + " of " + windows.size() : "";
  }

  private Duration backoff(int attempt, SendResult.Retryable r) {
    Duration base = w.retry().backoff(attempt);
    long nanos = base.toNanos();
    Duration jittered = Duration.ofNanos(nanos / 2 + (nanos > 1 ? w.random().nextLong(nanos - nanos / 2) : 0));
    return r.retryAfter() != null && r.retryAfter().compareTo(jittered) > 0 ? r.retryAfter() : jittered;
  }

  /**
   * Under the lane's lock, for after it: the outbox ends the entries (a delivered one's log record in the same
   * commit), then their receipts hear it, so that a group that ends on a receipt forgets its log
   * after the record.
   */
  private void end(List<Outbox.Entry> entries, Receipt.Outcome outcome, Instant at, List<Runnable> after) {
    List<Outbox.Entry> ended = List.copyOf(entries);
    ending++;
    after.add(() -> {
      try {
        queue.ended(ended, outcome, at);
      } catch (RuntimeException e) {
        // sent again after the next reload (a restart, a takeover): a duplicate, never a loss
        LOG.warn("robot {}: could not record in the outbox that {} deliveries ended ({}): {}", w.robot().id(),
            ended.size(), outcome, e.getMessage());
      } finally {
        boolean wake;
        synchronized (this) {
          ending--;
          wake = reloadDue && ending == 0;
        }
        if (wake) {
          wakeUpIn(Duration.ZERO);
        }
      }
    });
    ended.forEach(p -> after.add(() -> tell(p.receipt(), outcome)));
  }

  private void tell(Receipt receipt, Receipt.Outcome outcome) {
    try {
      receipt.completed(outcome);
    } catch (RuntimeException e) {
      LOG.warn("robot {}: a delivery receipt threw; ignored", w.robot().id(), e);
    }
  }

  private void notify(Consumer<DeliveryListener> call) {
    try {
      call.accept(w.listener());
    } catch (RuntimeException e) {
      LOG.warn("delivery listener {} threw; ignored", w.listener().getClass().getName(), e);
    }
  }
}
