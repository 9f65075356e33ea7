package io.github.alertrouter.wecom;

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
 * A WeCom robot's options, parsed from {@link Robot#options()}:
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
 *   <li>{@code overflow}: {@code truncate} (default) or {@code split}.
 * </ul>
 * Values are matched case-insensitively. Immutable and thread-safe.
 *
 * @param msgType the message type alerts are sent as
 * @param mentionMode where mentions markdown cannot carry go
 * @param timeZone the zone times are shown in
 * @param overflow what happens when a notification exceeds a content limit
 */
public record WeComOptions(MsgType msgType, MentionMode mentionMode, ZoneId timeZone, Overflow overflow) {
  public static final String OPTION_MSG_TYPE = "msgType";
  public static final String OPTION_MENTION_MODE = "mentionMode";
  public static final MsgType DEFAULT_MSG_TYPE = MsgType.MARKDOWN;
  public static final MentionMode DEFAULT_MENTION_MODE = MentionMode.FOLLOW_UP;
  public static final ZoneId DEFAULT_TIME_ZONE = RobotOptions.DEFAULT_TIME_ZONE;
  public static final Overflow DEFAULT_OVERFLOW = RobotOptions.DEFAULT_OVERFLOW;
  /** Every option name a WeCom robot understands. */
  public static final List<String> OPTION_NAMES = List.of(
      OPTION_MSG_TYPE, OPTION_MENTION_MODE, RenderRequest.OPTION_TIME_ZONE, RenderRequest.OPTION_OVERFLOW);
  /** The defaults: markdown, follow-up mentions, UTC, truncate. */
  public static final WeComOptions DEFAULTS =
      new WeComOptions(DEFAULT_MSG_TYPE, DEFAULT_MENTION_MODE, DEFAULT_TIME_ZONE, DEFAULT_OVERFLOW);

  private static final Choice<MsgType> MSG_TYPE = Choice.of(OPTION_MSG_TYPE, DEFAULT_MSG_TYPE, MsgType::wireName);
  private static final Choice<MentionMode> MENTION_MODE =
      Choice.of(OPTION_MENTION_MODE, DEFAULT_MENTION_MODE, MentionMode::optionName);
  private static final RobotOptions OPTIONS = RobotOptions.of("WeCom", List.of(MSG_TYPE, MENTION_MODE));

  /** WeCom message types a robot can send alerts as, with their {@code content} limits. */
  public enum MsgType {
    MARKDOWN("markdown", 4096), TEXT("text", 2048), MARKDOWN_V2("markdown_v2", 4096);

    private final String wireName;
    private final int maxContentBytes;

    MsgType(String wireName, int maxContentBytes) {
      this.wireName = wireName;
      this.maxContentBytes = maxContentBytes;
    }

    /** The name in the option and in the body's {@code msgtype}. */
    public String wireName() {
      return wireName;
    }

    /** WeCom's limit on the type's {@code content}, in UTF-8 bytes (docs/platforms.md §3.5). */
    public int maxContentBytes() {
      return maxContentBytes;
    }
  }

  /** Where the mentions a markdown message cannot carry (mobiles, everyone) go. */
  public enum MentionMode {
    FOLLOW_UP("followUp"), SINGLE("single");

    private final String optionName;

    MentionMode(String optionName) {
      this.optionName = optionName;
    }

    public String optionName() {
      return optionName;
    }
  }

  public WeComOptions {
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(mentionMode, "mentionMode");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(overflow, "overflow");
  }

  /**
   * The robot's options.
   *
   * @throws IllegalArgumentException listing every problem {@link #check} finds
   */
  public static WeComOptions of(Robot robot) {
    RobotOptions.Values v = OPTIONS.read(robot);
    return new WeComOptions(v.get(MSG_TYPE), v.get(MENTION_MODE), v.timeZone(), v.overflow());
  }

  /**
   * Every problem with the robot's options, with paths relative to the robot
   * ({@code options.msgType}); unknown names and values get a "did you mean". Empty when fine.
   */
  public static List<ConfigProblem> check(Robot robot) {
    return OPTIONS.check(robot);
  }
}
