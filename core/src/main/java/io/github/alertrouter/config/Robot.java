package io.github.alertrouter.config;

import java.util.Objects;

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
 */
public record Robot(String id, String platform, Secret webhook, Secret secret, String keyword) {
  public Robot {
    Contact.requireId(id, "robot");
    if (platform == null || platform.isBlank()) {
      throw new IllegalArgumentException("robot " + id + ": platform must not be empty");
    }
    Objects.requireNonNull(webhook, "webhook");
    keyword = keyword == null || keyword.isEmpty() ? null : keyword;
  }
}
