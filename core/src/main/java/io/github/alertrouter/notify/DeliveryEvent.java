package io.github.alertrouter.notify;

import io.github.alertrouter.spi.SendResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one message of a delivery. Carries no webhook and no secret. Immutable.
 *
 * @param at when (the router's clock)
 * @param robotId the robot
 * @param platform the robot's platform id
 * @param policy the notification's policy (for a digest: the policies it merges)
 * @param groupKey the notification's group key ({@code digest} for a digest)
 * @param reason why the notification was sent
 * @param part which message of the notification, from 1
 * @param parts how many messages the notification took
 * @param bytes the message's size in UTF-8 bytes
 * @param attempt which attempt at this message, from 1
 * @param result the platform's answer
 * @param mentions who this message @s (as resolved for the platform); empty for a part that
 *     carries none. For a sent message, only those that fired: the platform may have had to
 *     withhold some to get it through ({@link #withheld()}). For a failed or retried one, those
 *     it planned
 */
public record DeliveryEvent(
    Instant at, String robotId, String platform, String policy, String groupKey, NotifyReason reason,
    int part, int parts, int bytes, int attempt, SendResult result, List<Mention> mentions) {
  /**
   * Copies {@code mentions}.
   *
   * @throws NullPointerException if {@code at}, {@code result} or {@code mentions} is null
   */
  public DeliveryEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
    mentions = List.copyOf(mentions);
  }

  /**
   * The mentions the message planned but that did not fire although it was sent (a group that
   * lets only admins @all, say): these people were not paged. Empty unless the result is a
   * {@link SendResult.Sent} that withheld some.
   */
  public List<Mention> withheld() {
    return result instanceof SendResult.Sent s ? s.withheld() : List.of();
  }

  /** Why {@link #withheld()} did not fire; {@code ""} when nothing was withheld. */
  public String withheldNote() {
    return result instanceof SendResult.Sent s ? s.note() : "";
  }
}
