package io.github.alertrouter.dingtalk;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.render.RobotOptions;
import io.github.alertrouter.spi.render.RobotOptions.Choice;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A DingTalk robot's options, parsed from {@link Robot#options()}:
 * <ul>
 *   <li>{@code msgType}: {@code markdown} (default) or {@code actionCard} (buttons for the
 *       notification's links; mentions then travel in a follow-up text message);
 *   <li>{@code btnOrientation}: {@code vertical} (default) or {@code horizontal} action-card buttons;
 *   <li>{@code timeZone}: an IANA zone for times shown in messages (default {@code UTC});
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}.
 * </ul>
 * Values are matched case-insensitively. Immutable and thread-safe.
 *
 * @param msgType the message type alerts are sent as
 * @param btnOrientation how action-card buttons are laid out
 * @param timeZone the zone times are shown in
 * @param overflow what happens when a notification exceeds DingTalk's 20000-byte body limit
 */
public record DingTalkOptions(MsgType msgType, ButtonOrientation btnOrientation, ZoneId timeZone, Overflow overflow) {
  public static final String OPTION_MSG_TYPE = "msgType";
  public static final String OPTION_BTN_ORIENTATION = "btnOrientation";
  public static final MsgType DEFAULT_MSG_TYPE = MsgType.MARKDOWN;
  public static final ButtonOrientation DEFAULT_BTN_ORIENTATION = ButtonOrientation.VERTICAL;
  public static final ZoneId DEFAULT_TIME_ZONE = RobotOptions.DEFAULT_TIME_ZONE;
  public static final Overflow DEFAULT_OVERFLOW = RobotOptions.DEFAULT_OVERFLOW;
  /** Every option name a DingTalk robot understands. */
  public static final List<String> OPTION_NAMES = List.of(
      OPTION_MSG_TYPE, OPTION_BTN_ORIENTATION, RenderRequest.OPTION_TIME_ZONE, RenderRequest.OPTION_OVERFLOW);
  /** The defaults: markdown, vertical buttons, UTC, truncate. */
  public static final DingTalkOptions DEFAULTS =
      new DingTalkOptions(DEFAULT_MSG_TYPE, DEFAULT_BTN_ORIENTATION, DEFAULT_TIME_ZONE, DEFAULT_OVERFLOW);

  private static final Choice<MsgType> MSG_TYPE = Choice.of(OPTION_MSG_TYPE, DEFAULT_MSG_TYPE, MsgType::wireName);
  // the body's "0"/"1" is accepted too
  private static final Choice<ButtonOrientation> ORIENTATION =
      Choice.of(OPTION_BTN_ORIENTATION, DEFAULT_BTN_ORIENTATION, ButtonOrientation::optionName)
          .withParser(DingTalkOptions::orientation);
  private static final RobotOptions OPTIONS = RobotOptions.of("DingTalk", List.of(MSG_TYPE, ORIENTATION));

  /** DingTalk message types a robot can send alerts as. */
  public enum MsgType {
    MARKDOWN("markdown"), ACTION_CARD("actionCard");

    private final String wireName;

    MsgType(String wireName) {
      this.wireName = wireName;
    }

    /** The name in the option and in the body's {@code msgtype}. */
    public String wireName() {
      return wireName;
    }
  }

  /** Action-card button layout. */
  public enum ButtonOrientation {
    VERTICAL("vertical", "0"), HORIZONTAL("horizontal", "1");

    private final String optionName;
    private final String wireValue;

    ButtonOrientation(String optionName, String wireValue) {
      this.optionName = optionName;
      this.wireValue = wireValue;
    }

    public String optionName() {
      return optionName;
    }

    /** The body's {@code btnOrientation}: {@code "0"} or {@code "1"}. */
    public String wireValue() {
      return wireValue;
    }
  }

  public DingTalkOptions {
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(btnOrientation, "btnOrientation");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(overflow, "overflow");
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link #check} finds
   */
  public static DingTalkOptions of(Robot robot) {
    RobotOptions.Values v = OPTIONS.read(robot);
    return new DingTalkOptions(v.get(MSG_TYPE), v.get(ORIENTATION), v.timeZone(), v.overflow());
  }

  /**
   * Every problem with the robot's options, with paths relative to the robot
   * ({@code options.msgType}); unknown names get a "did you mean". Empty when fine.
   */
  public static List<ConfigProblem> check(Robot robot) {
    return OPTIONS.check(robot);
  }

  private static ButtonOrientation orientation(String text) {
    for (ButtonOrientation o : ButtonOrientation.values()) {
      if (o.optionName.equalsIgnoreCase(text.toLowerCase(Locale.ROOT)) || o.wireValue.equals(text)) {
        return o;
      }
    }
    return null;
  }
}
