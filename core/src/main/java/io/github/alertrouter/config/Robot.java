package io.github.alertrouter.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chatbot that posts into one group chat through its custom-robot webhook. The webhook URL holds
 * the access token, so it is a {@link Secret} like the signing secret. Immutable and thread-safe;
 * {@link #toString()} shows no secret.
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

  /** One option's value, or {@code fallback} when it is not set. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }
}
