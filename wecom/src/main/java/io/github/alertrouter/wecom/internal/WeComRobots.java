package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A WeCom robot's webhook and security settings: the webhook
 * {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY} holds the only credential, and
 * WeCom has neither a signing secret nor keywords (docs/platforms.md §3.4). Problems never quote the
 * webhook, which is a secret. Internal: use {@code WeComProvider.checkRobot}. Stateless and
 * thread-safe.
 */
public final class WeComRobots {
  /** Shorter "keys" are not searched for in answers: redacting "a" everywhere would mangle them. */
  static final int MIN_KEY_LENGTH = 8;

  private WeComRobots() {}

  /** The {@code key} query value of {@code webhook}, or {@code null}. */
  static String key(String webhook) {
    int q = webhook.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : webhook.substring(q + 1).split("[&#]")) {
      if (pair.startsWith("key=")) {
        return pair.substring(4);
      }
    }
    return null;
  }

  /** Problems with the robot's webhook, secret and keyword, with paths relative to the robot. */
  public static List<ConfigProblem> check(Robot robot) {
    List<ConfigProblem> problems = new ArrayList<>();
    String webhook = robot.webhook().reveal();
    if (!isHttpUrl(webhook)) {
      // people often paste only the key where the URL is expected; WeCom then answers 93000
      problems.add(new ConfigProblem("webhook", "must be the whole URL"
          + " https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY, not only the key"));
    } else if (key(webhook) == null || key(webhook).isEmpty()) {
      problems.add(new ConfigProblem("webhook", "has no key: a WeCom webhook ends in /cgi-bin/webhook/send?key=KEY"));
    }
    if (robot.secret() != null && !robot.secret().isEmpty()) {
      problems.add(new ConfigProblem("secret",
          "WeCom robots have no signing secret (the webhook's key is the only credential): remove it"));
    }
    if (robot.keyword() != null) {
      problems.add(new ConfigProblem("keyword",
          "WeCom robots have no keyword security: remove it (messages do not need to contain it)"));
    }
    return problems;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
