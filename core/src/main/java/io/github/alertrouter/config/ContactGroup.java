package io.github.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * A named set of contacts, all @mentioned together. Immutable and thread-safe.
 *
 * @param id unique group id
 * @param name display name
 * @param members contact ids
 */
public record ContactGroup(String id, String name, List<String> members) {
  public ContactGroup {
    Contact.requireId(id, "contact group");
    name = name == null || name.isBlank() ? id : name;
    members = List.copyOf(Objects.requireNonNullElse(members, List.of()));
  }
}
