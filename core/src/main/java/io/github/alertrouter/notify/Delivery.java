package io.github.alertrouter.notify;

import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.spi.Notice;
import java.util.List;
import java.util.Objects;

/**
 * One notification (or one notice) for one robot, with the mentions its platform resolved: the
 * unit the {@link Dispatcher} queues, rate-limits, merges into digests (notifications only) and
 * retries. Immutable.
 *
 * @param robotId the robot that posts it
 * @param notification what to say about alerts, or {@code null} for a notice
 * @param mentions who to @, as resolved for the robot's platform
 * @param template the policy's template for the platform, or {@code null}
 * @param notice a notice that is not about alerts, or {@code null} for a notification
 */
public record Delivery(
    String robotId, Notification notification, List<Mention> mentions, String template, Notice notice) {
  /**
   * Copies {@code mentions}.
   *
   * @throws IllegalArgumentException unless exactly one of {@code notification} and {@code notice} is set
   * @throws NullPointerException if {@code robotId} or {@code mentions} is null
   */
  public Delivery {
    Objects.requireNonNull(robotId, "robotId");
    if ((notification == null) == (notice == null)) {
      throw new IllegalArgumentException("a delivery carries a notification or a notice");
    }
    mentions = List.copyOf(mentions);
  }

  /** A notification delivery. */
  public Delivery(String robotId, Notification notification, List<Mention> mentions, String template) {
    this(robotId, Objects.requireNonNull(notification, "notification"), mentions, template, null);
  }

  /** A notice delivery; its mentions are the notice's. */
  public static Delivery of(String robotId, Notice notice) {
    return new Delivery(robotId, null, notice.mentions(), null, notice);
  }

  /** Whether this carries a notice rather than a notification. */
  public boolean isNotice() {
    return notice != null;
  }
}
