package io.github.alertrouter.notify;

import java.time.Duration;
import java.util.List;

/**
 * Observes deliveries: for metrics, audit logs and tests. Every method has a no-op default.
 * Methods are called on the dispatcher's thread, must return quickly and must not throw; one that
 * throws is logged and ignored, and delivery goes on.
 */
public interface DeliveryListener {
  /** A listener that does nothing. */
  DeliveryListener NONE = new DeliveryListener() {};

  /**
   * One listener that calls each of {@code listeners} in order; one that throws is logged and
   * skipped, and the others still hear the event.
   */
  static DeliveryListener all(List<DeliveryListener> listeners) {
    return listeners.isEmpty() ? NONE : new Listeners(listeners);
  }

  /** The platform accepted a message. */
  default void sent(DeliveryEvent event) {}

  /** A message failed in a way that may pass later; it is tried again after {@code delay}. */
  default void retrying(DeliveryEvent event, Duration delay) {}

  /** A message failed for good (permanent error, or out of attempts); it is not sent. */
  default void failed(DeliveryEvent event) {}

  /** {@code notifications} queued for a saturated robot were merged into one digest. */
  default void merged(String robotId, int notifications) {}

  /**
   * The messages rendered for a notification (or a digest) leave {@code alerts} of its alerts out:
   * they did not fit the platform's size limit with {@code overflow: truncate}, or were beyond the
   * robot's {@code maxAlerts}, and are only counted in the text ("…and N more").
   */
  default void omitted(String robotId, Notification notification, int alerts) {}

  /** Some mentions of a notification could not be resolved: shown by name, not @-ed. */
  default void unresolvedMentions(String robotId, Notification notification, List<Mention> unresolved) {}

  /**
   * A notification could not be rendered (a broken template), or a notice (then
   * {@code notification} is {@code null}; a platform that cannot post notices): nothing is sent
   * for it.
   */
  default void renderFailed(String robotId, Notification notification, String problem) {}
}
