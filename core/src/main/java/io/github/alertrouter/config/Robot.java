package io.github.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chatbot that posts into one group chat through its custom-robot webhook. The webhook URL holds
 * the access token, so it is a {@link Secret} like the signing secret. Immutable and thread-safe;
 * {@link #toString()} shows no secret. Build one in code with {@link #builder}.
 *
 * @param id unique robot id
 * @param platform platform id ({@code dingtalk}, {@code lark}, {@code wecom}, ...)
 * @param webhook the webhook URL
 * @param secret the signing secret, or {@code null} when the robot is not signed
 * @param keyword a word every message must contain (DingTalk/Lark keyword security), or
 *     {@code null}
 * @param options how this robot's messages look, as text: {@code timeZone} (IANA zone for times
 *     shown in messages, default {@code UTC}), {@code overflow} ({@code truncate}, the default, or
 *     {@code split}), and platform-specific ones (DingTalk {@code msgType}) that the platform
 *     module checks; never {@code null}
 */
public record Robot(
    String id, String platform, Secret webhook, Secret secret, String keyword, Map<String, String> options) {
  /**
   * Checks the id, platform and webhook, drops an empty keyword and copies the options.
   *
   * @throws IllegalArgumentException when {@code id} or {@code platform} is empty
   * @throws NullPointerException when {@code webhook} is null
   */
  public Robot {
    Contact.requireId(id, "robot");
    if (platform == null || platform.isBlank()) {
      throw new IllegalArgumentException("robot " + id + ": platform must not be empty");
    }
    Objects.requireNonNull(webhook, "webhook");
    keyword = keyword == null || keyword.isEmpty() ? null : keyword;
    options = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(options, Map.of())));
  }

  /** A robot with default options. */
  public Robot(String id, String platform, Secret webhook, Secret secret, String keyword) {
    this(id, platform, webhook, secret, keyword, Map.of());
  }

  /**
   * Starts a builder for a robot with no signing secret, no keyword and no options, as a YAML
   * entry with only these three fields.
   *
   * @param id unique robot id, named by notify rules and schedules
   * @param platform platform id ({@code dingtalk}, {@code lark}, {@code wecom}, ...)
   * @param webhook the webhook URL, access token included, e.g. {@code Secret.fromEnv("DINGTALK_SRE_URL")}
   */
  public static Builder builder(String id, String platform, Secret webhook) {
    return new Builder(id, platform, webhook);
  }

  /** A builder holding this robot's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id, platform, webhook).secret(secret).keyword(keyword).options(options);
  }

  /** One option's value, or {@code fallback} when it is not set. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /** Builds a {@link Robot}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String platform;
    private final Secret webhook;
    private Secret secret;
    private String keyword;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder(String id, String platform, Secret webhook) {
      this.id = id;
      this.platform = platform;
      this.webhook = webhook;
    }

    /**
     * The signing secret (DingTalk "加签", Lark and WeCom signatures); {@code null} or an empty
     * secret means the robot is not signed, as an empty {@code secret} in YAML does. Default: none.
     */
    public Builder secret(Secret secret) {
      this.secret = secret == null || secret.isEmpty() ? null : secret;
      return this;
    }

    /**
     * A word every message must contain (DingTalk/Lark keyword security); {@code null} or empty
     * means none, the default.
     */
    public Builder keyword(String keyword) {
      this.keyword = keyword;
      return this;
    }

    /**
     * Sets one option ({@code timeZone}, {@code overflow}, {@code actionBaseUrl}, or a platform's
     * own such as DingTalk {@code msgType}); a {@code null} value removes it. The platform module
     * checks names and values when the router starts.
     */
    public Builder option(String name, String value) {
      if (value == null) {
        options.remove(name);
      } else {
        options.put(name, value);
      }
      return this;
    }

    /** Replaces all options; {@code null} means none. */
    public Builder options(Map<String, String> options) {
      this.options.clear();
      if (options != null) {
        this.options.putAll(options);
      }
      return this;
    }

    /**
     * Builds the robot.
     *
     * @throws ConfigException naming each field that is missing or wrong: an empty id or platform,
     *     a webhook that is null or not an http(s) URL (whose value is never shown)
     */
    public Robot build() {
      BuildCheck check = new BuildCheck("robot", id).id("id", id).id("platform", platform).required("webhook", webhook);
      if (webhook != null && !RobotBinder.isHttpUrl(webhook.reveal())) {
        check.problem("webhook", RobotBinder.NOT_A_URL);
      }
      options.forEach((name, value) -> check.id("options", name));
      return check.build(() -> new Robot(id, platform, webhook, secret, keyword, options));
    }
  }
}
