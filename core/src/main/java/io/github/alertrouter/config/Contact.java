package io.github.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A person who can be @mentioned. Core knows no platform: {@code im} maps a platform id
 * ({@code dingtalk}, {@code wecom}, {@code lark}, or a third party's) to that platform's identity
 * attributes ({@code userId}, {@code openId}, ...), which the platform module interprets.
 * Immutable and thread-safe. Build one in code with {@link #builder}.
 *
 * @param id unique contact id
 * @param name display name, used as plain text when no identity resolves
 * @param mobile phone number as written (platforms normalise it), or {@code null}
 * @param email email address, or {@code null}
 * @param im per-platform identity attributes
 */
public record Contact(String id, String name, String mobile, String email, Map<String, Map<String, String>> im) {
  /**
   * Checks the id, defaults a blank name to the id and copies {@code im} (null meaning none).
   *
   * @throws IllegalArgumentException when {@code id} is empty
   */
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

  /**
   * Starts a builder for a contact known by {@code id} only: its name is then the id, and it has
   * no mobile, email or platform identity, as a YAML entry with only {@code id}.
   *
   * @param id unique contact id, named by groups, schedules and {@code contact:ID} mentions
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this contact's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id).name(name).mobile(mobile).email(email);
    im.forEach((platform, attributes) -> attributes.forEach((k, v) -> b.identity(platform, k, v)));
    return b;
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

  /**
   * Builds a {@link Contact}; {@link #build()} checks every field at once. The identity setters
   * fill {@link Contact#im()} with the keys the platform modules read; {@link #identity} sets any
   * other, for a third party's platform. Not thread-safe.
   */
  public static final class Builder {
    private final String id;
    private String name;
    private String mobile;
    private String email;
    private final Map<String, Map<String, String>> im = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    /** Display name, shown when no identity resolves; {@code null} (the default) means the id. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Phone number as written ({@code "+86 138 0000 0001"}; platforms normalise it). DingTalk and
     * WeCom @ by it when no userId is set; {@code null} (the default) means none.
     */
    public Builder mobile(String mobile) {
      this.mobile = mobile;
      return this;
    }

    /** Email address, which a {@code label:}/{@code annotation:} mention may name; {@code null} means none. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets one identity attribute, {@code im.<platform>.<attribute>} in YAML; a {@code null} value
     * removes it.
     *
     * @param platform platform id ({@code dingtalk}, {@code wecom}, {@code lark}, or a third party's)
     * @param attribute the attribute the platform module reads ({@code userId}, {@code openId}, ...)
     * @param value the attribute's value, or {@code null}
     */
    public Builder identity(String platform, String attribute, String value) {
      if (value == null) {
        Map<String, String> attributes = im.get(platform);
        if (attributes != null) {
          attributes.remove(attribute);
          if (attributes.isEmpty()) {
            im.remove(platform);
          }
        }
      } else {
        im.computeIfAbsent(platform, p -> new LinkedHashMap<>()).put(attribute, value);
      }
      return this;
    }

    /** The DingTalk userId ({@code im.dingtalk.userId}), @-ed in preference to the mobile. */
    public Builder dingTalkUserId(String userId) {
      return identity("dingtalk", "userId", userId);
    }

    /** The WeCom userid ({@code im.wecom.userId}), @-ed in preference to the mobile. */
    public Builder weComUserId(String userId) {
      return identity("wecom", "userId", userId);
    }

    /** The Lark user_id ({@code im.lark.userId}); preferred to the open_id unless a robot says otherwise. */
    public Builder larkUserId(String userId) {
      return identity("lark", "userId", userId);
    }

    /** The Lark open_id ({@code im.lark.openId}, {@code ou_…}, different per app). */
    public Builder larkOpenId(String openId) {
      return identity("lark", "openId", openId);
    }

    /**
     * Builds the contact.
     *
     * @throws ConfigException naming each field that is wrong: an empty id, an empty platform id or
     *     attribute name under {@code im}
     */
    public Contact build() {
      BuildCheck check = new BuildCheck("contact", id).id("id", id);
      im.forEach((platform, attributes) -> {
        check.id("im", platform);
        attributes.keySet().forEach(attribute -> check.id("im." + platform, attribute));
      });
      return check.build(() -> new Contact(id, name, mobile, email, im));
    }
  }
}
