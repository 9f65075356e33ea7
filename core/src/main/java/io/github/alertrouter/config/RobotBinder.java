package io.github.alertrouter.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code robots} entries. The webhook and secret are read as secrets: no problem message
 * ever quotes them, only says what is wrong.
 */
final class RobotBinder {
  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s/?#]+[^\\s]*");
  /** The problem with a webhook that is no URL; it never shows the value, which holds the token. */
  static final String NOT_A_URL = "must be an http or https URL (value not shown: it holds the access token)";

  private RobotBinder() {}

  static Robot robot(Node node) {
    if (!node.isMap("id", "platform", "webhook", "secret", "keyword", "options")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    String platform = node.required("platform").text();
    Node webhookNode = node.required("webhook").asSecret();
    String webhook = webhookNode.text();
    if (webhook != null && !isHttpUrl(webhook)) {
      webhookNode.problem(NOT_A_URL);
    }
    String secret = node.field("secret").asSecret().text();
    String keyword = node.field("keyword").text();
    Map<String, String> options = node.field("options").textMap();
    return node.build(mark, () -> new Robot(
        id, platform, Secret.of(webhook), secret == null || secret.isEmpty() ? null : Secret.of(secret), keyword,
        options));
  }

  /**
   * Deliberately loose (scheme, host, no spaces): the point is to catch a secret or a token put
   * where the URL belongs, not to second-guess a platform's URL syntax.
   */
  static boolean isHttpUrl(String text) {
    return HTTP_URL.matcher(text).matches();
  }
}
