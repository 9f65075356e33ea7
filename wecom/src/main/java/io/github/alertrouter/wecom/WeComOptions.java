package io.github.alertrouter.wecom;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.render.RobotOptions;
import io.github.alertrouter.spi.render.RobotOptions.Choice;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A WeCom robot's settings: its options, parsed from {@link Robot#options()} by core's
 * {@link RobotOptions}, and its webhook and security settings ({@link #check}).
 * <ul>
 *   <li>{@code msgType}: {@code markdown} (default: colours, {@code <@userid>} mentions),
 *       {@code text} (plain text; every mention in {@code mentioned_list} /
 *       {@code mentioned_mobile_list}) or {@code markdown_v2} (lists and tables, but no colour and
 *       no @ at all: mentions travel in a follow-up text message);
 *   <li>{@code mentionMode}: {@code followUp} (default) or {@code single}. WeCom markdown cannot
 *       @ a mobile number or everyone; with {@code followUp} such mentions travel in a short text
 *       message after the markdown one, with {@code single} the whole notification is sent as
 *       text instead (one message, plain look). Only matters for {@code markdown};
 *   <li>{@code timeZone}: an IANA zone for times shown in messages (default {@code UTC});
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}, when a content exceeds its limit.
 *   <li>{@code maxAlerts}: the most alerts one message lists (a whole number of at least 1, default
 *       no limit); the rest are counted as "…and N more alerts", or, with {@code split}, go to
 *       further parts.
 * </ul>
 * {@code timeZone}, {@code overflow} and {@code maxAlerts} are checked here too but read from the render
 * request.
 * Values are matched case-insensitively. The webhook
 * {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY} holds the only credential, and
 * WeCom has neither a signing secret nor keywords (docs/platforms.md §3.4). Problems never quote
 * the webhook, which is a secret. Immutable and thread-safe.
 */
record WeComOptions(MsgType msgType, MentionMode mentionMode) {
  /** Shorter "keys" are not searched for in answers: redacting "a" everywhere would mangle them. */
  static final int MIN_KEY_LENGTH = 8;
  private static final Choice<MsgType> MSG_TYPE = Choice.of("msgType", MsgType.MARKDOWN, MsgType::wireName);
  private static final Choice<MentionMode> MENTION_MODE = Choice.of("mentionMode", MentionMode.FOLLOW_UP);
  private static final RobotOptions OPTIONS = RobotOptions.of("WeCom", MSG_TYPE, MENTION_MODE);

  /** WeCom message types a robot can send alerts as. */
  enum MsgType {
    MARKDOWN, TEXT, MARKDOWN_V2;

    /** The name in the option and in the body's {@code msgtype}: {@code markdown_v2} keeps its underscore. */
    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where the mentions a markdown message cannot carry (mobiles, everyone) go. */
  enum MentionMode {
    FOLLOW_UP, SINGLE
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link RobotOptions#check} finds
   */
  static WeComOptions of(Robot robot) {
    return OPTIONS.read(robot, MSG_TYPE, MENTION_MODE, WeComOptions::new);
  }

  /**
   * Every problem with the robot's webhook, secret, keyword and options, with paths relative to
   * the robot ({@code options.msgType}); unknown option names and values get a "did you mean".
   */
  static List<ConfigProblem> check(Robot robot) {
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
    problems.addAll(OPTIONS.check(robot));
    return List.copyOf(problems);
  }

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
