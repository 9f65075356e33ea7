package io.github.alertrouter.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code robots} entries: one {@code webhook} (with its {@code secret}), or a pool of
 * {@code webhooks}, each with its own. Webhooks and secrets are read as secrets: no problem message
 * ever quotes them, only says what is wrong.
 */
final class RobotBinder {
  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s/?#]+[^\\s]*");
  /** The problem with a webhook that is no URL; it never shows the value, which holds the token. */
  static final String NOT_A_URL = "must be an http or https URL (value not shown: it holds the access token)";
  /** A pool's webhook listed twice, which would double its rate limit; again without the value. */
  static final String REPEATED = "repeats an earlier webhook of this robot (each counts its own rate limit)";

  private RobotBinder() {}

  static Robot robot(Node node) {
    if (!node.isMap("id", "platform", "webhook", "webhooks", "secret", "keyword", "options", "template")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    String platform = node.required("platform").text();
    Node poolNode = node.field("webhooks");
    List<Robot.Webhook> pool = poolNode.isPresent() ? pool(node, poolNode) : List.of();
    String webhook = null;
    String secret = null;
    if (!poolNode.isPresent()) {
      Node webhookNode = node.required("webhook").asSecret();
      webhook = webhookNode.text();
      if (webhook != null && !isHttpUrl(webhook)) {
        webhookNode.problem(NOT_A_URL);
      }
      secret = node.field("secret").asSecret().text();
    }
    String keyword = node.field("keyword").text();
    Map<String, String> options = node.field("options").textMap();
    Node templateNode = node.field("template");
    String template = templateNode.isPresent() ? PolicyBinder.template(templateNode) : null;
    String maxAlerts = options == null ? null : options.get(Robot.OPTION_MAX_ALERTS);
    if (maxAlerts != null && Robot.parseMaxAlerts(maxAlerts) == 0) {
      // checked here, not only by the platform: it is core's paging, the same on every platform
      node.field("options").field(Robot.OPTION_MAX_ALERTS)
          .problem(Robot.MAX_ALERTS_RULE + ", but was \"" + maxAlerts + "\"");
    }
    Secret url = webhook == null ? null : Secret.of(webhook);
    Secret signing = secret == null || secret.isEmpty() ? null : Secret.of(secret);
    return node.build(mark, () -> new Robot(id, platform, url, signing, keyword, options, pool, template));
  }

  /** {@code webhooks: [{url, secret}, ...]}: a pool, instead of {@code webhook} and {@code secret}. */
  private static List<Robot.Webhook> pool(Node robot, Node poolNode) {
    if (robot.field("webhook").isPresent()) {
      robot.field("webhook").problem("give either webhook or webhooks, not both");
    }
    if (robot.field("secret").isPresent()) {
      robot.field("secret").problem("with webhooks, each webhook has its own secret: put it in its entry");
    }
    int mark = robot.mark();
    List<Node> items = poolNode.items();
    if (items.isEmpty() && robot.mark() == mark) { // not a list was reported already
      poolNode.problem("must list at least one webhook");
    }
    List<Robot.Webhook> pool = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : items) {
      if (!item.isMap("url", "secret")) {
        continue;
      }
      Node urlNode = item.required("url").asSecret();
      String url = urlNode.text();
      String secret = item.field("secret").asSecret().text();
      if (url == null) {
        continue;
      }
      if (!isHttpUrl(url)) {
        urlNode.problem(NOT_A_URL);
      } else if (!seen.add(url)) {
        urlNode.problem(REPEATED);
      } else {
        pool.add(new Robot.Webhook(Secret.of(url), secret == null || secret.isEmpty() ? null : Secret.of(secret)));
      }
    }
    return pool;
  }

  /**
   * Deliberately loose (scheme, host, no spaces): the point is to catch a secret or a token put
   * where the URL belongs, not to second-guess a platform's URL syntax.
   */
  static boolean isHttpUrl(String text) {
    return HTTP_URL.matcher(text).matches();
  }
}
