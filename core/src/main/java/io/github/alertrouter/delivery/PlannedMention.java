package io.github.alertrouter.delivery;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import java.util.Objects;

/**
 * A mention target resolved to a contact, before any platform is involved. {@code contact} is
 * {@code null} for {@code all} and for a target that names nobody (a label value that matches no
 * contact, a schedule not yet resolvable); {@code reason} then says why. Immutable.
 *
 * @param target the policy's target
 * @param contact the contact, or {@code null}
 * @param name display name: the contact's name, or the label value that named nobody
 * @param reason why nobody was found, or {@code null} when a contact (or all) was
 */
public record PlannedMention(MentionTarget target, Contact contact, String name, String reason) {
  public PlannedMention {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(name, "name");
  }

  static PlannedMention of(MentionTarget target, Contact contact) {
    return new PlannedMention(target, contact, contact.name(), null);
  }

  static PlannedMention nobody(MentionTarget target, String name, String reason) {
    return new PlannedMention(target, null, name, Objects.requireNonNull(reason, "reason"));
  }

  static PlannedMention all(MentionTarget target) {
    return new PlannedMention(target, null, "all", null);
  }

  /** Whether this is the {@code all} target. */
  public boolean isAll() {
    return target.kind() == MentionTarget.Kind.ALL;
  }
}
