package io.github.alertrouter.binding;

import java.time.Instant;
import java.util.Objects;

/**
 * A binding link: the random, unguessable id an alert card's "bind your number" link carries, for
 * one robot (group chat) on one platform. Immutable and thread-safe.
 *
 * <p>The id is a bearer token for starting a verification, not a secret that protects anything
 * by itself: everyone in the chat sees it, and binding still needs the code sent to the number.
 *
 * @param id 128 random bits, URL-safe base64 without padding (22 characters)
 * @param platform platform id
 * @param robotId the robot whose chat the link was posted in
 * @param expiresAt the first instant the link no longer works
 */
public record BindingLink(String id, String platform, String robotId, Instant expiresAt) {
  /**
   * @throws IllegalArgumentException if {@code id}, {@code platform} or {@code robotId} is null or blank
   * @throws NullPointerException if {@code expiresAt} is null
   */
  public BindingLink {
    requireText(id, "link id");
    requireText(platform, "platform");
    requireText(robotId, "robotId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
