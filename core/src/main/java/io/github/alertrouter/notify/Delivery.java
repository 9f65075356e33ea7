package io.github.alertrouter.notify;

import java.util.List;
import java.util.Objects;

/**
 * One notification for one robot, with the mentions its platform resolved: the unit the
 * {@link Dispatcher} queues, rate-limits, merges into digests and retries. Immutable.
 *
 * @param robotId the robot that posts it
 * @param notification what to say
 * @param mentions who to @, as resolved for the robot's platform
 * @param template the policy's template for the platform, or {@code null}
 */
public record Delivery(String robotId, Notification notification, List<Mention> mentions, String template) {
  public Delivery {
    Objects.requireNonNull(robotId, "robotId");
    Objects.requireNonNull(notification, "notification");
    mentions = List.copyOf(mentions);
  }
}
