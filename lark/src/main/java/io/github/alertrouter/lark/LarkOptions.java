package io.github.alertrouter.lark;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.render.RobotOptions;
import io.github.alertrouter.spi.render.RobotOptions.Choice;

/**
 * A Lark robot's options, parsed from {@link Robot#options()} by core's {@link RobotOptions}
 * (which also checks them for the provider, with "did you mean"):
 * <ul>
 *   <li>{@code msgType}: {@code interactive} (default: a card with a coloured header and link
 *       buttons), {@code post} (rich text) or {@code text};
 *   <li>{@code mentionBy}: {@code userId} (default) or {@code openId}: which id to @ a contact by
 *       when it has both; a contact with only the other is still @-ed by that one. {@code openId}
 *       is for external (cross-tenant) groups, where only open_id works;
 *   <li>{@code timeZone}: an IANA zone for times shown in messages (default {@code UTC});
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}, when a notification exceeds
 *       Lark's 20000-byte body budget.
 *   <li>{@code maxAlerts}: the most alerts one message lists (a whole number of at least 1, default
 *       no limit); the rest are counted as "…and N more alerts", or, with {@code split}, go to
 *       further parts.
 * </ul>
 * {@code timeZone}, {@code overflow} and {@code maxAlerts} are checked here too but read from the render
 * request.
 * Values are matched case-insensitively, and may carry surrounding blanks. Immutable and thread-safe.
 */
record LarkOptions(MsgType msgType, MentionBy mentionBy) {
  private static final Choice<MsgType> MSG_TYPE = Choice.of("msgType", MsgType.INTERACTIVE).strippingBlanks();
  private static final Choice<MentionBy> MENTION_BY = Choice.of("mentionBy", MentionBy.USER_ID).strippingBlanks();
  static final RobotOptions OPTIONS = RobotOptions.of("Lark", MSG_TYPE, MENTION_BY);

  /** Lark message types a robot can send alerts as. */
  enum MsgType {
    INTERACTIVE, POST, TEXT;

    /** The option word, also the body's {@code msg_type}. */
    String wireName() {
      return RobotOptions.word(this);
    }
  }

  /** Which of a contact's two Lark ids a mention uses first. */
  enum MentionBy {
    USER_ID, OPEN_ID
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link RobotOptions#check} finds
   */
  static LarkOptions of(Robot robot) {
    return OPTIONS.read(robot, MSG_TYPE, MENTION_BY, LarkOptions::new);
  }
}
