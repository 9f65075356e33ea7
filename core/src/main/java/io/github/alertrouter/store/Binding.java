package io.github.alertrouter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact's mobile number, proven to be theirs, bound for one platform. Immutable and
 * thread-safe. The number is not a secret (it is in the configuration), so {@link #toString()}
 * shows it.
 *
 * @param contactId the contact's id
 * @param platform platform id ({@code dingtalk}, {@code lark}, {@code wecom}, ...)
 * @param mobile the number, normalised by {@link io.github.alertrouter.spi.MobileNumbers}
 * @param boundAt when the code was confirmed
 */
public record Binding(String contactId, String platform, String mobile, Instant boundAt) {
  /**
   * @throws IllegalArgumentException if {@code contactId}, {@code platform} or {@code mobile} is null or blank
   * @throws NullPointerException if {@code boundAt} is null
   */
  public Binding {
    requireText(contactId, "contactId");
    requireText(platform, "platform");
    requireText(mobile, "mobile");
    Objects.requireNonNull(boundAt, "boundAt");
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
