package io.github.alertrouter.dingtalk;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.render.RobotOptions;
import io.github.alertrouter.spi.render.RobotOptions.Choice;

/**
 * A DingTalk robot's options, parsed from {@link Robot#options()} by core's {@link RobotOptions}
 * (which also checks them for the provider, with "did you mean"):
 * <ul>
 *   <li>{@code msgType}: {@code markdown} (default) or {@code actionCard} (buttons for the
 *       notification's links; mentions then travel in a follow-up text message);
 *   <li>{@code btnOrientation}: {@code vertical} (default) or {@code horizontal} action-card
 *       buttons; the body's {@code "0"}/{@code "1"} is accepted too;
 *   <li>{@code timeZone}: an IANA zone for times shown in messages (default {@code UTC});
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}, when a notification exceeds
 *       DingTalk's 20000-byte body limit.
 *   <li>{@code maxAlerts}: the most alerts one message lists (a whole number of at least 1, default
 *       no limit); the rest are counted as "…and N more alerts", or, with {@code split}, go to
 *       further parts.
 * </ul>
 * {@code timeZone}, {@code overflow} and {@code maxAlerts} are checked here too but read from the render
 * request.
 * Values are matched case-insensitively. Immutable and thread-safe.
 */
record DingTalkOptions(MsgType msgType, ButtonOrientation btnOrientation) {
  private static final Choice<MsgType> MSG_TYPE = Choice.of("msgType", MsgType.MARKDOWN);
  private static final Choice<ButtonOrientation> ORIENTATION =
      Choice.of("btnOrientation", ButtonOrientation.VERTICAL).withParser(DingTalkOptions::orientation);
  static final RobotOptions OPTIONS = RobotOptions.of("DingTalk", MSG_TYPE, ORIENTATION);

  /** DingTalk message types a robot can send alerts as; the option word is the body's {@code msgtype}. */
  enum MsgType {
    MARKDOWN, ACTION_CARD
  }

  /** Action-card button layout. */
  enum ButtonOrientation {
    VERTICAL, HORIZONTAL;

    /** The body's {@code btnOrientation}: {@code "0"} or {@code "1"}. */
    String wireValue() {
      return Integer.toString(ordinal());
    }
  }

  private static ButtonOrientation orientation(String text) {
    ButtonOrientation[] all = ButtonOrientation.values();
    ButtonOrientation byWord = RobotOptions.match(all, RobotOptions::word, text);
    return byWord != null ? byWord : RobotOptions.match(all, ButtonOrientation::wireValue, text);
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link RobotOptions#check} finds
   */
  static DingTalkOptions of(Robot robot) {
    return OPTIONS.read(robot, MSG_TYPE, ORIENTATION, DingTalkOptions::new);
  }
}
