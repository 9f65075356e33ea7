package io.github.alertrouter.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A person who can be @mentioned. Core knows no platform: {@code im} maps a platform id
 * ({@code dingtalk}, {@code wecom}, {@code lark}, or a third party's) to that platform's identity
 * attributes ({@code userId}, {@code openId}, ...), which the platform module interprets.
 * Immutable and thread-safe.
 *
 * @param id unique contact id
 * @param name display name, used as plain text when no identity resolves
 * @param mobile phone number as written (platforms normalise it), or {@code null}
 * @param email email address, or {@code null}
 * @param im per-platform identity attributes
 */
public record Contact(String id, String name, String mobile, String email, Map<String, Map<String, String>> im) {
  public Contact {
    requireId(id, "contact");
    name = name == null || name.isBlank() ? id : name;
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    Objects.requireNonNullElse(im, Map.<String, Map<String, String>>of())
        .forEach((platform, attributes) -> copy.put(platform, Collections.unmodifiableMap(new TreeMap<>(attributes))));
    im = Collections.unmodifiableMap(copy);
  }

  /** A contact known only by id and name. */
  public static Contact of(String id, String name) {
    return new Contact(id, name, null, null, Map.of());
  }

  /** This contact's attributes for one platform; empty when none are configured. */
  public Map<String, String> identity(String platformId) {
    return im.getOrDefault(platformId, Map.of());
  }

  static void requireId(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(what + " id must not be empty");
    }
  }
}
