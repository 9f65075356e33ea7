package io.github.alertrouter.testkit;

import java.util.Objects;

/**
 * A request a {@link PlatformSimulator} refused, or answered with an injected {@link Fault}.
 * Immutable.
 *
 * @param robotId the robot the request was for, or {@code null} when its token was missing or
 *     unknown
 * @param code the platform's error code as text ({@code "310000"}), {@code "HTTP 503"} for an
 *     injected status, {@code "raw HTTP 200"} for an injected raw answer
 * @param message the platform's error message (or the raw body)
 * @param body the request body as sent (UTF-8)
 */
public record RejectedMessage(String robotId, String code, String message, String body) {
  /** @throws NullPointerException if a component other than {@code robotId} is null */
  public RejectedMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(body, "body");
  }
}
