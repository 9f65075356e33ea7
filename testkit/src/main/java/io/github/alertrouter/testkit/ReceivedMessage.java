package io.github.alertrouter.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/**
 * A message a {@link PlatformSimulator} accepted, as the chat would show it. Immutable (the JSON
 * tree must not be modified).
 *
 * @param robotId the id the robot was registered with
 * @param msgType the platform's message type ({@code markdown}, {@code actionCard}, ...)
 * @param body the request body as parsed JSON
 * @param text the text a reader sees in the chat (the platform's visible text fields, joined
 *     with newlines)
 * @param mentions the notifications the platform would fire, per its documented rules:
 *     {@code "mobile:13800000001"}, {@code "userId:0123"}, {@code "openId:ou_1"}, {@code "all"}
 * @param unverifiedMentions {@literal @}-tokens whose effect the platform's documentation leaves open (DingTalk
 *     actionCard {@code @userId}), in the same notation; counted in no assertion about
 *     {@code mentions}
 */
public record ReceivedMessage(
    String robotId, String msgType, JsonNode body, String text, Set<String> mentions, Set<String> unverifiedMentions) {
  /**
   * Copies the sets.
   *
   * @throws NullPointerException if a component is null
   */
  public ReceivedMessage {
    Objects.requireNonNull(robotId, "robotId");
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(text, "text");
    mentions = Set.copyOf(mentions);
    unverifiedMentions = Set.copyOf(unverifiedMentions);
  }
}
