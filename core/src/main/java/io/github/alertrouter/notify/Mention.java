package io.github.alertrouter.notify;

import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.spi.Identity;
import java.util.Objects;

/**
 * One person (or everyone) a notification @mentions in one robot's chat, after the platform has
 * resolved the contact to the identity it @s by. An unresolved mention has no identity and says
 * why; renderers show its {@link #name()} as plain text so nobody is dropped silently. Immutable.
 *
 * @param target the policy's target this mention came from ({@code group:sre}, {@code all}, ...)
 * @param contactId the contact's id, or {@code null} for {@code all} and for a label value that
 *     names no contact
 * @param name display name (for a label value naming no contact: the value itself)
 * @param identity the platform identity, or {@code null} when unresolved
 * @param reason why it is unresolved, or {@code null} when resolved
 */
public record Mention(MentionTarget target, String contactId, String name, Identity identity, String reason) {
  /**
   * @throws IllegalArgumentException unless exactly one of {@code identity} and {@code reason} is set
   * @throws NullPointerException if {@code target} or {@code name} is null
   */
  public Mention {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(name, "name");
    if ((identity == null) == (reason == null)) {
      throw new IllegalArgumentException("a mention has either an identity or a reason it has none");
    }
  }

  /** A contact resolved to {@code identity}. */
  public static Mention resolved(MentionTarget target, String contactId, String name, Identity identity) {
    return new Mention(target, contactId, name, Objects.requireNonNull(identity, "identity"), null);
  }

  /** A contact (or a label value) that cannot be @-ed on this platform, and why. */
  public static Mention unresolved(MentionTarget target, String contactId, String name, String reason) {
    return new Mention(target, contactId, name, null, Objects.requireNonNull(reason, "reason"));
  }

  /** Everyone in the chat. */
  public static Mention all(MentionTarget target) {
    return new Mention(target, null, "all", Identity.ALL, null);
  }

  /** Whether the platform can @ this person: an identity is known. */
  public boolean isResolved() {
    return identity != null;
  }

  /** Whether this mentions everyone in the chat. */
  public boolean isAll() {
    return Identity.ALL.equals(identity);
  }
}
