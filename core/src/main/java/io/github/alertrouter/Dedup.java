package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Alertmanager's dedup decision ({@code notify.DedupStage.needsUpdate}), with the reason named:
 * whether a group's flush says anything new compared with its last notification.
 *
 * <ol>
 *   <li>nothing notified yet: notify when something fires ("first notification"); a group whose
 *       alerts all resolved before their first notice is never announced;
 *   <li>an alert fires that the last notification did not carry: "new alerts added";
 *   <li>nothing fires any more but the last notification had firing alerts: "all alerts
 *       resolved" — logged even without {@code sendResolved} (as Alertmanager does, so the next
 *       episode starts afresh), but only sent with it;
 *   <li>with {@code sendResolved}, an alert resolved that the last notification did not report
 *       resolved: "some alerts resolved";
 *   <li>the repeat interval has passed since the last notification: "repeat interval elapsed"
 *       (never with an escalation policy: escalation repeats instead). Unlike Alertmanager's
 *       strict "before", a notification exactly one repeat interval old repeats, so on virtual
 *       time a 4h repeat checked at group-interval ticks repeats at 4h, not 4h plus a tick;
 *   <li>otherwise nothing.
 * </ol>
 * Stateless.
 */
final class Dedup {
  /** What a flush does: notify for {@code reason}, and whether anything is actually sent. */
  record Decision(NotifyReason reason, boolean send) {}

  private Dedup() {}

  /** The decision, or {@code null} when the flush says nothing new. */
  static Decision decide(Entry last, Set<Fingerprint> firing, Set<Fingerprint> resolved,
      boolean sendResolved, Duration repeatInterval, Instant now) {
    if (last == null) {
      return firing.isEmpty() ? null : new Decision(NotifyReason.FIRST_NOTIFICATION, true);
    }
    if (!last.firing().containsAll(firing)) {
      return new Decision(NotifyReason.NEW_ALERTS, true);
    }
    if (firing.isEmpty()) {
      return last.firing().isEmpty() ? null : new Decision(NotifyReason.ALL_RESOLVED, sendResolved);
    }
    if (sendResolved && !last.resolved().containsAll(resolved)) {
      return new Decision(NotifyReason.SOME_RESOLVED, true);
    }
    if (repeatInterval != null && !last.at().isAfter(now.minus(repeatInterval))) {
      return new Decision(NotifyReason.REPEAT, true);
    }
    return null;
  }
}
