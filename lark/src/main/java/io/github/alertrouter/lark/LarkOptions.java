package io.github.alertrouter.lark;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.RobotOptions;
import io.github.alertrouter.spi.render.RobotOptions.Choice;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A Lark robot's options, parsed from {@link Robot#options()}:
 * <ul>
 *   <li>{@code msgType}: {@code interactive} (default: a card with a coloured header and link
 *       buttons), {@code post} (rich text) or {@code text};
 *   <li>{@code mentionBy}: {@code userId} (default) or {@code openId}: which id to @ a contact by
 *       when it has both; a contact with only the other is still @-ed by that one. {@code openId}
 *       is for external (cross-tenant) groups, where only open_id works;
 *   <li>{@code timeZone}: an IANA zone for times shown in messages (default {@code UTC});
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}.
 * </ul>
 * Values are matched case-insensitively. Immutable and thread-safe.
 *
 * @param msgType the message type alerts are sent as
 * @param mentionBy the id preferred for mentions
 * @param timeZone the zone times are shown in
 * @param overflow what happens when a notification exceeds Lark's 20000-byte body budget
 */
public record LarkOptions(MsgType msgType, MentionBy mentionBy, ZoneId timeZone, Overflow overflow) {
  public static final String OPTION_MSG_TYPE = "msgType";
  public static final String OPTION_MENTION_BY = "mentionBy";
  public static final MsgType DEFAULT_MSG_TYPE = MsgType.INTERACTIVE;
  public static final MentionBy DEFAULT_MENTION_BY = MentionBy.USER_ID;
  public static final ZoneId DEFAULT_TIME_ZONE = RobotOptions.DEFAULT_TIME_ZONE;
  public static final Overflow DEFAULT_OVERFLOW = RobotOptions.DEFAULT_OVERFLOW;
  /** Every option name a Lark robot understands. */
  public static final List<String> OPTION_NAMES = List.of(
      OPTION_MSG_TYPE, OPTION_MENTION_BY, RenderRequest.OPTION_TIME_ZONE, RenderRequest.OPTION_OVERFLOW);
  /** The defaults: interactive card, user_id first, UTC, truncate. */
  public static final LarkOptions DEFAULTS =
      new LarkOptions(DEFAULT_MSG_TYPE, DEFAULT_MENTION_BY, DEFAULT_TIME_ZONE, DEFAULT_OVERFLOW);

  // Lark's values may carry surrounding blanks
  private static final Choice<MsgType> MSG_TYPE =
      Choice.of(OPTION_MSG_TYPE, DEFAULT_MSG_TYPE, MsgType::wireName).strippingBlanks();
  private static final Choice<MentionBy> MENTION_BY =
      Choice.of(OPTION_MENTION_BY, DEFAULT_MENTION_BY, MentionBy::optionName).strippingBlanks();
  private static final RobotOptions OPTIONS = RobotOptions.of("Lark", List.of(MSG_TYPE, MENTION_BY));

  /** Lark message types a robot can send alerts as; the wire name is the body's {@code msg_type}. */
  public enum MsgType {
    INTERACTIVE("interactive"), POST("post"), TEXT("text");

    private final String wireName;

    MsgType(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** Which of a contact's two Lark ids a mention uses first. */
  public enum MentionBy {
    USER_ID("userId"), OPEN_ID("openId");

    private final String optionName;

    MentionBy(String optionName) {
      this.optionName = optionName;
    }

    public String optionName() {
      return optionName;
    }
  }

  public LarkOptions {
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(mentionBy, "mentionBy");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(overflow, "overflow");
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link #check} finds
   */
  public static LarkOptions of(Robot robot) {
    RobotOptions.Values v = OPTIONS.read(robot);
    return new LarkOptions(v.get(MSG_TYPE), v.get(MENTION_BY), v.timeZone(), v.overflow());
  }

  /**
   * Every problem with the robot's options, with paths relative to the robot
   * ({@code options.msgType}); unknown names and values get a "did you mean". Empty when fine.
   */
  public static List<ConfigProblem> check(Robot robot) {
    return OPTIONS.check(robot);
  }
}
