package io.github.alertrouter.oncall;

import java.util.Objects;

/**
 * Who is on duty and why. Immutable and thread-safe.
 *
 * @param contactId the contact's id, as in the schedule's config
 * @param source {@code layer:NAME} for a layer's rotation ({@code layer:1}, 1-based, for an unnamed
 *     layer), or {@code override}
 */
public record OnDuty(String contactId, String source) {
  /** @throws NullPointerException if either component is null */
  public OnDuty {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(source, "source");
  }
}
