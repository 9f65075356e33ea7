package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.util.regex.Pattern;

/**
 * Removes webhook tokens and signing material from text that may be logged or shown: URLs,
 * exception messages, platform answers. Thread-safe.
 */
final class Redaction {
  private static final Pattern TOKEN_PARAMS =
      Pattern.compile("(?i)([?&](?:access_token|key|token|sign|secret)=)[^&#\\s\"']*");
  private static final Pattern HOOK_PATH = Pattern.compile("(?i)(/hook/)[^/?#\\s\"']+");

  private Redaction() {}

  /**
   * A webhook URL with its credentials replaced by {@code ***}: the {@code access_token},
   * {@code key}, {@code token}, {@code sign} and {@code secret} query values and the last path
   * segment of a {@code /hook/} URL.
   */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    return HOOK_PATH.matcher(TOKEN_PARAMS.matcher(url).replaceAll("$1***")).replaceAll("$1***");
  }

  /** {@code text} with every occurrence of the robot's webhook URL and secret redacted. */
  public static String text(String text, Robot robot) {
    if (text == null) {
      return null;
    }
    String webhook = robot.webhook().reveal();
    String redacted = url(webhook);
    if (redacted.equals(webhook)) { // a URL shape we do not know: keep only scheme and host
      int path = webhook.indexOf('/', webhook.indexOf("//") + 2);
      redacted = (path < 0 ? webhook : webhook.substring(0, path)) + "/***";
    }
    String out = without(text, robot.webhook(), redacted);
    out = without(out, robot.secret(), "***");
    return url(out);
  }

  private static String without(String text, Secret secret, String replacement) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret.reveal(), replacement);
  }
}
