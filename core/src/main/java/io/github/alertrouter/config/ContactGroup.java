package io.github.alertrouter.config;

import java.util.Arrays;
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
  /**
   * Checks the id, defaults a blank name to the id and copies the members (null meaning none).
   *
   * @throws IllegalArgumentException when {@code id} is empty
   */
  public ContactGroup {
    Contact.requireId(id, "contact group");
    name = name == null || name.isBlank() ? id : name;
    members = List.copyOf(Objects.requireNonNullElse(members, List.of()));
  }

  /**
   * A group named by its id, as a YAML entry without {@code name}; give it a display name with the
   * constructor instead.
   *
   * @param id unique group id, named by {@code group:ID} mentions
   * @param members contact ids
   * @throws ConfigException when the id or a member id is empty
   */
  public static ContactGroup of(String id, String... members) {
    List<String> list = members == null ? List.of() : Arrays.asList(members);
    return new BuildCheck("contact group", id).id("id", id).ids("members", list)
        .build(() -> new ContactGroup(id, null, list));
  }
}
