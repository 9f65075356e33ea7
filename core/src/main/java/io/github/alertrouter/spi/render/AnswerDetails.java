package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.render.Redaction;

/**
 * The {@code detail} a robot client puts in a {@link io.github.alertrouter.spi.SendResult}: the
 * platform's answer or an exception message, with the robot's credentials redacted and then cut
 * to {@link #MAX_CHARS} (an HTML error page or a huge body must not flood logs and events).
 * Redaction comes first because a cut could leave half a token that redaction no longer finds.
 * Stateless and thread-safe.
 */
final class AnswerDetails {
  /** The longest detail kept, in UTF-16 units, before the {@code …}. */
  public static final int MAX_CHARS = 300;

  private AnswerDetails() {}

  /** {@code text} with the robot's webhook and secret redacted ({@link Redaction#text}), then shortened. */
  public static String of(String text, Robot robot) {
    return TextSafety.snippet(Redaction.text(text, robot), MAX_CHARS);
  }

  /**
   * {@link #of(String, Robot)}, with every occurrence of {@code bareCredential} redacted too: for a
   * credential an answer may echo without its query-parameter name (WeCom's webhook key).
   *
   * @param bareCredential the credential as it appears in text, or {@code null} for none
   */
  public static String of(String text, Robot robot, String bareCredential) {
    String redacted = Redaction.text(text, robot);
    if (bareCredential != null && !bareCredential.isEmpty()) {
      redacted = redacted.replace(bareCredential, "***");
    }
    return TextSafety.snippet(redacted, MAX_CHARS);
  }

  /** An exception as a detail's text: its message, or its simple class name when it has none. */
  public static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
