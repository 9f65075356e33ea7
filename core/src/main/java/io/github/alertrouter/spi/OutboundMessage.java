package io.github.alertrouter.spi;

import io.github.alertrouter.notify.Mention;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One message exactly as the platform will receive it. Immutable.
 *
 * @param type the platform's message type ({@code markdown}, {@code actionCard}, ...)
 * @param body the JSON request body, before signing fields are added
 * @param mentions the resolved mentions this message carries (a split notification carries them
 *     in its first part)
 * @param omittedAlerts alerts of the notification that this message leaves out and no other
 *     message of the same render shows: with {@code overflow: truncate}, the "…and N more alerts"
 *     of a notification over the platform's size limit or the robot's {@code maxAlerts} ({@link
 *     io.github.alertrouter.spi.render.Paging.Fitted#omitted()}). 0 for a message that lists
 *     everything, for the parts of a split notification, and for messages that list no alerts (a
 *     mention follow-up, a notice). Summed over a render's messages: the alerts the chat never
 *     sees. Must be {@code >= 0}.
 */
public record OutboundMessage(String type, String body, List<Mention> mentions, int omittedAlerts) {
  /**
   * Copies {@code mentions}.
   *
   * @throws IllegalArgumentException if {@code omittedAlerts} is negative
   * @throws NullPointerException if {@code type}, {@code body} or {@code mentions} is null
   */
  public OutboundMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    mentions = List.copyOf(mentions);
    if (omittedAlerts < 0) {
      throw new IllegalArgumentException("omittedAlerts must be >= 0, but was " + omittedAlerts);
    }
  }

  /** A message that leaves no alert out. */
  public OutboundMessage(String type, String body, List<Mention> mentions) {
    this(type, body, mentions, 0);
  }

  /** The body's size in UTF-8 bytes: what platform size limits count. */
  public int bytes() {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "OutboundMessage[type=" + type + ", bytes=" + bytes()
        + (omittedAlerts == 0 ? "" : ", omittedAlerts=" + omittedAlerts) + "]";
  }
}
