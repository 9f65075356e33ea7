package io.github.alertrouter.lark;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Suggestions;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.RenderRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
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
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
  public static final Overflow DEFAULT_OVERFLOW = Overflow.TRUNCATE;
  /** Every option name a Lark robot understands. */
  public static final List<String> OPTION_NAMES = List.of(
      OPTION_MSG_TYPE, OPTION_MENTION_BY, RenderRequest.OPTION_TIME_ZONE, RenderRequest.OPTION_OVERFLOW);
  /** The defaults: interactive card, user_id first, UTC, truncate. */
  public static final LarkOptions DEFAULTS =
      new LarkOptions(DEFAULT_MSG_TYPE, DEFAULT_MENTION_BY, DEFAULT_TIME_ZONE, DEFAULT_OVERFLOW);

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
    List<ConfigProblem> problems = check(robot);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("robot " + robot.id() + ": " + String.join("; ",
          problems.stream().map(ConfigProblem::toString).toList()));
    }
    String msgType = robot.option(OPTION_MSG_TYPE, null);
    String mentionBy = robot.option(OPTION_MENTION_BY, null);
    return new LarkOptions(
        msgType == null ? DEFAULT_MSG_TYPE : parse(MsgType.values(), msgType),
        mentionBy == null ? DEFAULT_MENTION_BY : parse(MentionBy.values(), mentionBy),
        RenderRequest.displayZone(robot),
        RenderRequest.overflow(robot));
  }

  /**
   * Every problem with the robot's options, with paths relative to the robot
   * ({@code options.msgType}); unknown names and values get a "did you mean". Empty when fine.
   */
  public static List<ConfigProblem> check(Robot robot) {
    List<ConfigProblem> problems = new ArrayList<>();
    robot.options().forEach((name, value) -> {
      String path = "options." + name;
      String v = value == null ? "" : value;
      switch (name) {
        case OPTION_MSG_TYPE -> {
          if (parse(MsgType.values(), v) == null) {
            problems.add(invalid(path, v, List.of("interactive", "post", "text")));
          }
        }
        case OPTION_MENTION_BY -> {
          if (parse(MentionBy.values(), v) == null) {
            problems.add(invalid(path, v, List.of("userId", "openId")));
          }
        }
        case RenderRequest.OPTION_TIME_ZONE -> {
          try {
            ZoneId.of(v);
          } catch (DateTimeException e) {
            problems.add(new ConfigProblem(path, "must be an IANA time zone such as Asia/Shanghai, but was \"" + v + "\""));
          }
        }
        case RenderRequest.OPTION_OVERFLOW -> {
          try {
            Overflow.parse(v);
          } catch (IllegalArgumentException e) {
            problems.add(invalid(path, v, List.of("truncate", "split")));
          }
        }
        default -> problems.add(new ConfigProblem(path, "unknown Lark option" + Suggestions.didYouMean(name, OPTION_NAMES)
            + " (known: " + String.join(", ", OPTION_NAMES) + ")"));
      }
    });
    return List.copyOf(problems);
  }

  private static ConfigProblem invalid(String path, String value, List<String> allowed) {
    return new ConfigProblem(path, "must be " + String.join(" or ", allowed) + ", but was \"" + value + "\""
        + Suggestions.didYouMean(value, allowed));
  }

  private static <E extends Enum<E>> E parse(E[] values, String text) {
    for (E e : values) {
      String name = e instanceof MsgType t ? t.wireName() : ((MentionBy) e).optionName();
      if (name.equalsIgnoreCase(text.strip())) {
        return e;
      }
    }
    return null;
  }
}
