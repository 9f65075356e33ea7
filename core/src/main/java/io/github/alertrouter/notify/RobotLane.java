package io.github.alertrouter.notify;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One robot's outbox: deliveries go out in order, one message at a time, under the platform's
 * rate limits. When more are queued than the limit lets through now, the rest are merged into one
 * digest that takes the last free slot; what queued while the lane had to wait (a full window, a
 * throttling penalty, a retry's backoff) goes out as one digest too, not late one by one. Retryable failures are retried with backoff while later
 * deliveries wait behind (order is kept, and a throttled robot is left alone until its penalty
 * ends). Thread-safe: {@code offer} may be called from any thread; sending runs on the scheduler,
 * one drain at a time.
 */
final class RobotLane {
  private static final Logger LOG = LoggerFactory.getLogger(RobotLane.class);

  private final Robot robot;
  private final PlatformProvider platform;
  private final RobotClient client;
  private final Scheduler scheduler;
  private final RetryPolicy retry;
  private final RandomGenerator random;
  private final DeliveryListener listener;

  private final Object queueLock = new Object();
  private final ArrayDeque<Delivery> queue = new ArrayDeque<>(); // guarded by queueLock
  private Scheduler.Cancellable wakeUp; // guarded by queueLock
  private Instant wakeUpAt; // guarded by queueLock

  private final ReentrantLock sendLock = new ReentrantLock();
  private final SendWindow window; // guarded by sendLock
  private volatile InFlight current; // written under sendLock
  private boolean waited; // guarded by sendLock: the lane had to wait, so what queued is late

  RobotLane(Robot robot, PlatformProvider platform, RobotClient client, Scheduler scheduler,
      RetryPolicy retry, RandomGenerator random, DeliveryListener listener) {
    this.robot = robot;
    this.platform = platform;
    this.client = client;
    this.scheduler = scheduler;
    this.retry = retry;
    this.random = random;
    this.listener = listener;
    this.window = new SendWindow(platform.rateLimits());
  }

  void offer(Delivery delivery) {
    synchronized (queueLock) {
      queue.addLast(delivery);
    }
    wakeUpIn(Duration.ZERO);
  }

  /** Deliveries not yet fully sent, counting the one in flight. */
  int pending() {
    synchronized (queueLock) {
      return queue.size() + (current == null ? 0 : 1);
    }
  }

  private void wakeUpIn(Duration delay) {
    Instant at = scheduler.clock().instant().plus(delay);
    synchronized (queueLock) {
      if (wakeUp != null && !wakeUpAt.isAfter(at)) {
        return; // an earlier drain is already due; it reschedules itself if needed
      }
      if (wakeUp != null) {
        wakeUp.cancel();
      }
      wakeUpAt = at;
      wakeUp = scheduler.schedule(delay, this::drain);
    }
  }

  private void drain() {
    synchronized (queueLock) {
      wakeUp = null;
      wakeUpAt = null;
    }
    if (!sendLock.tryLock()) {
      wakeUpIn(Duration.ofMillis(10)); // another thread is draining; look again shortly
      return;
    }
    try {
      drainLocked();
    } finally {
      sendLock.unlock();
    }
  }

  private void drainLocked() {
    while (true) {
      Instant now = scheduler.clock().instant();
      if (current == null && !takeNext(now)) {
        return;
      }
      Duration wait = window.waitTime(now);
      if (current.notBefore.isAfter(now)) {
        Duration backoff = Duration.between(now, current.notBefore);
        wait = backoff.compareTo(wait) > 0 ? backoff : wait;
      }
      if (!wait.isZero()) {
        waited = true;
        wakeUpIn(wait);
        return;
      }
      OutboundMessage message = current.messages.get(current.part);
      window.recordSend(now);
      SendResult result = client.send(message);
      DeliveryEvent event = current.event(now, result);
      if (result instanceof SendResult.Sent sent) {
        // no URL here: the webhook holds the token
        if (sent.withheld().isEmpty()) {
          LOG.info("robot {} ({}): sent message {}/{} for {} group {} ({}, {} bytes, {} mentions)", robot.id(),
              platform.id(), event.part(), event.parts(), event.policy(), event.groupKey(),
              event.reason().description(), event.bytes(), event.mentions().size());
        } else {
          // a warning: whoever expected to be paged by the withheld mentions was not
          LOG.warn("robot {} ({}): sent message {}/{} for {} group {} ({}, {} bytes, {} mentions), but without "
              + "mentioning {}: {}", robot.id(), platform.id(), event.part(), event.parts(), event.policy(),
              event.groupKey(), event.reason().description(), event.bytes(), event.mentions().size(),
              targets(sent.withheld()), sent.note());
        }
        notify(l -> l.sent(event));
        current.nextPart();
      } else if (result instanceof SendResult.Retryable r && current.attempt < retry.maxAttempts()) {
        Duration delay = backoff(current.attempt, r);
        if (r.kind() == FailureKind.RATE_LIMITED) {
          window.penalise(now.plus(delay));
        }
        log("retrying in " + delay, event, r.kind(), r.code(), r.detail());
        notify(l -> l.retrying(event, delay));
        current.attempt++;
        current.notBefore = now.plus(delay);
        waited = true;
        wakeUpIn(delay);
        return;
      } else {
        if (result instanceof SendResult.Retryable r) {
          log("giving up after " + current.attempt + " attempts", event, r.kind(), r.code(), r.detail());
        } else if (result instanceof SendResult.Permanent p) {
          log("not retryable", event, p.kind(), p.code(), p.detail());
        }
        notify(l -> l.failed(event));
        current = null; // later parts of a failed notification would read as a broken message
      }
    }
  }

  /** Takes the next delivery (or a digest of all queued ones) and renders it; false when none. */
  private boolean takeNext(Instant now) {
    Delivery next;
    int merged;
    synchronized (queueLock) {
      if (queue.isEmpty()) {
        return false;
      }
      long notifications = queue.stream().filter(d -> !d.isNotice()).count();
      if (notifications > 1 && (waited || window.available(now) <= 1)) {
        // notices stay queued, in order, behind the digest: they are about people, not alerts
        List<Delivery> all = new ArrayList<>();
        queue.removeIf(d -> !d.isNotice() && all.add(d));
        next = Digests.merge(robot.id(), all, now);
        merged = all.size();
      } else {
        next = queue.pollFirst();
        merged = 1;
      }
    }
    waited = false;
    if (merged > 1) {
      int count = merged;
      notify(l -> l.merged(robot.id(), count));
    }
    List<OutboundMessage> messages;
    try {
      messages = next.isNotice()
          ? platform.renderNotice(NoticeRequest.of(next.notice(), robot))
          : platform.render(RenderRequest.of(next.notification(), next.mentions(), robot, next.template()));
    } catch (RuntimeException e) {
      Delivery failed = next;
      LOG.warn("robot {}: cannot render {}: {}", robot.id(),
          failed.isNotice() ? "notice " + failed.notice().key() : "notification for " + failed.notification().policy(),
          e.getMessage());
      notify(l -> l.renderFailed(robot.id(), failed.notification(), String.valueOf(e.getMessage())));
      return takeNext(now);
    }
    List<Mention> unresolved = next.mentions().stream().filter(m -> !m.isResolved()).toList();
    if (!unresolved.isEmpty() && !next.isNotice()) {
      Notification n = next.notification();
      notify(l -> l.unresolvedMentions(robot.id(), n, unresolved));
    }
    current = messages.isEmpty() ? null : new InFlight(next, messages);
    return current != null || takeNext(now);
  }

  private Duration backoff(int attempt, SendResult.Retryable r) {
    Duration base = retry.backoff(attempt);
    long nanos = base.toNanos();
    Duration jittered = Duration.ofNanos(nanos / 2 + (nanos > 1 ? random.nextLong(nanos - nanos / 2) : 0));
    return r.retryAfter() != null && r.retryAfter().compareTo(jittered) > 0 ? r.retryAfter() : jittered;
  }

  /** {@code all, contact:alice}: the policy's targets, which the reader configured, not identities. */
  private static String targets(List<Mention> mentions) {
    return String.join(", ", mentions.stream().map(m -> m.target().toString()).toList());
  }

  private void log(String what, DeliveryEvent e, FailureKind kind, String code, String detail) {
    // no URL here: the webhook holds the token; detail was redacted by the platform client
    LOG.warn("robot {} ({}): message {}/{} of {} failed: {} {} {}; {}", robot.id(), platform.id(), e.part(),
        e.parts(), e.policy(), kind, code, detail, what);
  }

  private void notify(Consumer<DeliveryListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("delivery listener {} threw; ignored", listener.getClass().getName(), e);
    }
  }

  /** The delivery being sent: its rendered messages, the next part, and the attempt at it. */
  private final class InFlight {
    final Delivery delivery;
    final List<OutboundMessage> messages;
    int part;
    int attempt = 1;
    Instant notBefore = Instant.MIN; // a retry waits out its backoff even when new work arrives

    InFlight(Delivery delivery, List<OutboundMessage> messages) {
      this.delivery = delivery;
      this.messages = messages;
    }

    void nextPart() {
      part++;
      attempt = 1;
      notBefore = Instant.MIN;
      if (part == messages.size()) {
        current = null;
      }
    }

    DeliveryEvent event(Instant at, SendResult result) {
      OutboundMessage message = messages.get(part);
      // a sent message reports who was really @-ed; the withheld rest stay on its result
      List<Mention> mentions = result instanceof SendResult.Sent sent ? sent.fired(message.mentions())
          : message.mentions();
      if (delivery.isNotice()) {
        Notice n = delivery.notice();
        return new DeliveryEvent(at, robot.id(), platform.id(), n.source(), n.key(), n.reason(), part + 1,
            messages.size(), message.bytes(), attempt, result, mentions);
      }
      Notification n = delivery.notification();
      return new DeliveryEvent(at, robot.id(), platform.id(), n.policy(), n.groupKey(), n.reason(), part + 1,
          messages.size(), message.bytes(), attempt, result, mentions);
    }
  }
}
