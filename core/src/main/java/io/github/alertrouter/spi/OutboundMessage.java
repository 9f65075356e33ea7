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
 */
public record OutboundMessage(String type, String body, List<Mention> mentions) {
  public OutboundMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    mentions = List.copyOf(mentions);
  }

  /** The body's size in UTF-8 bytes: what platform size limits count. */
  public int bytes() {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "OutboundMessage[type=" + type + ", bytes=" + bytes() + "]";
  }
}
