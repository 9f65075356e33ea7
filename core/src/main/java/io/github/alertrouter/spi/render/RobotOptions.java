package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.internal.text.Suggestions;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.RenderRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checks a robot's {@link Robot#options() options} against the names a platform understands: its
 * own {@link Choice choices} plus the shared {@link RenderRequest#OPTION_TIME_ZONE timeZone},
 * {@link RenderRequest#OPTION_OVERFLOW overflow}, {@link Robot#OPTION_MAX_ALERTS maxAlerts},
 * {@link RenderRequest#OPTION_ACTION_BASE_URL actionBaseUrl} and {@link RenderRequest#OPTION_LOCALE
 * locale}. Every problem is reported at once, with a path relative to the robot
 * ({@code options.msgType}) and a "did you mean" for a misspelt name or value:
 *
 * <pre>
 * options.msgType: must be markdown or actionCard, but was "markdwn", did you mean "markdown"?
 * options.colour: unknown DingTalk option (known: msgType, btnOrientation, timeZone, overflow, maxAlerts,
 *     actionBaseUrl, locale)
 * </pre>
 *
 * <p>A platform's options record declares its choices and one instance in constants, and builds
 * itself from {@link #read(Robot)}, which checks every option once and hands back the parsed
 * {@link Values} (its own choices, the zone and the overflow):
 *
 * <pre>
 * Values v = OPTIONS.read(robot);
 * return new DingTalkOptions(v.get(MSG_TYPE), v.get(ORIENTATION), v.timeZone(), v.overflow());
 * </pre>
 *
 * Immutable and thread-safe.
 */
public final class RobotOptions {
  /** The zone times are shown in when {@code timeZone} is not set. */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
  /** What happens to a too-big notification when {@code overflow} is not set. */
  public static final Overflow DEFAULT_OVERFLOW = Overflow.TRUNCATE;

  private final String platform;
  private final Map<String, Choice<?>> choices;
  private final List<String> names;

  /**
   * One platform-specific option whose value is one of a few words.
   *
   * @param name the option name ({@code msgType})
   * @param fallback the value when the option is not set
   * @param allowed the words shown in a problem, in the order they are listed ({@code markdown or actionCard})
   * @param parser the value for a word, or {@code null} when it is not valid; never given {@code null}
   * @param <T> the value type, usually an enum
   */
  public record Choice<T>(String name, T fallback, List<String> allowed, Function<String, T> parser) {
    /**
     * Copies {@code allowed}.
     *
     * @throws NullPointerException if a component is null
     */
    public Choice {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(fallback, "fallback");
      allowed = List.copyOf(allowed);
      Objects.requireNonNull(parser, "parser");
    }

    /**
     * A choice among enum constants named by {@code wordOf}, matched case-insensitively; the
     * allowed words are the constants' names in declaration order.
     */
    public static <E extends Enum<E>> Choice<E> of(String name, E fallback, Function<E, String> wordOf) {
      E[] values = fallback.getDeclaringClass().getEnumConstants();
      List<String> words = new ArrayList<>();
      for (E e : values) {
        words.add(wordOf.apply(e));
      }
      return new Choice<>(name, fallback, words, text -> match(values, wordOf, text));
    }

    /** A choice among enum constants whose words are their {@link RobotOptions#word words}. */
    public static <E extends Enum<E>> Choice<E> of(String name, E fallback) {
      return of(name, fallback, RobotOptions::word);
    }

    /**
     * The robot's value for this option, or {@link #fallback()} when it is not set.
     *
     * @throws IllegalArgumentException when the value is not valid (call {@link RobotOptions#require} first
     *     to report every problem at once)
     */
    public T read(Robot robot) {
      String text = robot.option(name, null);
      if (text == null) {
        return fallback;
      }
      T value = parser.apply(text);
      if (value == null) {
        throw new IllegalArgumentException("robot " + robot.id() + ": options." + name + " must be "
            + String.join(" or ", allowed) + ", but was \"" + text + "\"");
      }
      return value;
    }

    /** A copy that reads the word with {@code parser} instead (to accept aliases or spacing). */
    public Choice<T> withParser(Function<String, T> parser) {
      return new Choice<>(name, fallback, allowed, parser);
    }

    /** A copy that ignores blanks around the word ({@code " post "} reads as {@code post}). */
    public Choice<T> strippingBlanks() {
      return withParser(text -> parser.apply(text.strip()));
    }
  }

  /**
   * A robot's options, already checked by {@link RobotOptions#read(Robot)}. Immutable and thread-safe.
   */
  public final class Values {
    private final Robot robot;

    private Values(Robot robot) {
      this.robot = robot;
    }

    /**
     * The robot's value for {@code choice}, or its fallback when the option is not set.
     *
     * @throws IllegalArgumentException when {@code choice} is not one of these options' choices
     */
    public <T> T get(Choice<T> choice) {
      if (!choice.equals(choices.get(choice.name()))) {
        throw new IllegalArgumentException(choice.name() + " is not one of the " + platform + " options " + names);
      }
      return choice.read(robot);
    }

    /** The zone times are shown in ({@code timeZone}), {@link #DEFAULT_TIME_ZONE} when not set. */
    public ZoneId timeZone() {
      String zone = robot.option(RenderRequest.OPTION_TIME_ZONE, null);
      return zone == null ? DEFAULT_TIME_ZONE : ZoneId.of(zone);
    }

    /** What happens to a too-big notification ({@code overflow}), {@link #DEFAULT_OVERFLOW} when not set. */
    public Overflow overflow() {
      String overflow = robot.option(RenderRequest.OPTION_OVERFLOW, null);
      return overflow == null ? DEFAULT_OVERFLOW : Overflow.parse(overflow);
    }

    /** The most alerts one message lists ({@code maxAlerts}), 0 (no limit) when not set. */
    public int maxAlerts() {
      return robot.maxAlerts();
    }

    /** The built-in words of its messages ({@code locale}), {@link Wording#DEFAULT} when not set. */
    public Wording wording() {
      return Wording.of(robot);
    }
  }

  private RobotOptions(String platform, List<Choice<?>> choices) {
    this.platform = Objects.requireNonNull(platform, "platform");
    Map<String, Choice<?>> byName = new LinkedHashMap<>();
    choices.forEach(c -> byName.put(c.name(), c));
    this.choices = byName;
    List<String> all = new ArrayList<>(byName.keySet());
    all.add(RenderRequest.OPTION_TIME_ZONE);
    all.add(RenderRequest.OPTION_OVERFLOW);
    all.add(Robot.OPTION_MAX_ALERTS);
    all.add(RenderRequest.OPTION_ACTION_BASE_URL);
    all.add(RenderRequest.OPTION_LOCALE);
    this.names = List.copyOf(all);
  }

  /**
   * The options of one platform.
   *
   * @param platform the platform's display name, used in "unknown DingTalk option"
   * @param choices its own options, in the order they are listed as known
   */
  public static RobotOptions of(String platform, List<Choice<?>> choices) {
    return new RobotOptions(platform, choices);
  }

  /** The options of one platform: {@link #of(String, List)} with {@code choices} as given. */
  public static RobotOptions of(String platform, Choice<?>... choices) {
    return of(platform, List.of(choices));
  }

  /**
   * The option word of an enum constant: its name in lowerCamelCase ({@code ACTION_CARD} is
   * {@code actionCard}), so a platform's enum needs no field for it.
   */
  public static String word(Enum<?> constant) {
    StringBuilder word = new StringBuilder();
    boolean upper = false;
    for (char c : constant.name().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        word.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return word.toString();
  }

  /**
   * Every option name understood: the platform's choices, then {@code timeZone}, {@code overflow},
   * {@code maxAlerts}, {@code actionBaseUrl} and {@code locale}.
   */
  public List<String> names() {
    return names;
  }

  /** Every problem with the robot's options, in the robot's option order. Empty when fine. */
  public List<ConfigProblem> check(Robot robot) {
    List<ConfigProblem> problems = new ArrayList<>();
    robot.options().forEach((name, value) -> {
      String path = "options." + name;
      String v = value == null ? "" : value;
      Choice<?> choice = choices.get(name);
      if (choice != null) {
        if (choice.parser().apply(v) == null) {
          problems.add(invalid(path, v, choice.allowed()));
        }
      } else if (name.equals(RenderRequest.OPTION_TIME_ZONE)) {
        if (!isZone(v)) {
          problems.add(new ConfigProblem(path, "must be an IANA time zone such as Asia/Shanghai, but was \"" + v + "\""));
        }
      } else if (name.equals(RenderRequest.OPTION_OVERFLOW)) {
        if (!isOverflow(v)) {
          problems.add(invalid(path, v, List.of("truncate", "split")));
        }
      } else if (name.equals(Robot.OPTION_MAX_ALERTS)) {
        if (!isMaxAlerts(robot)) {
          problems.add(new ConfigProblem(path, "must be a whole number of at least 1 (the most alerts one message"
              + " lists), but was \"" + v + "\""));
        }
      } else if (name.equals(RenderRequest.OPTION_ACTION_BASE_URL)) {
        if (!io.github.alertrouter.notify.NotificationLink.isHttpUrl(v) || v.contains("?") || v.contains("#")) {
          problems.add(new ConfigProblem(path, "must be an http(s) base URL without query, such as"
              + " https://ops.example.com/alert-router, but was \"" + v + "\""));
        }
      } else if (name.equals(RenderRequest.OPTION_LOCALE)) {
        if (Wording.parse(v) == null) {
          problems.add(invalid(path, v, Wording.tags()));
        }
      } else {
        problems.add(new ConfigProblem(path, "unknown " + platform + " option" + Suggestions.didYouMean(name, names)
            + " (known: " + String.join(", ", names) + ")"));
      }
    });
    return List.copyOf(problems);
  }

  /**
   * Does nothing when the options are fine.
   *
   * @throws IllegalArgumentException {@code robot ID: } and every problem {@link #check} finds,
   *     separated by {@code "; "}
   */
  public void require(Robot robot) {
    List<ConfigProblem> problems = check(robot);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("robot " + robot.id() + ": "
          + String.join("; ", problems.stream().map(ConfigProblem::toString).toList()));
    }
  }

  /**
   * The robot's options, parsed.
   *
   * @throws IllegalArgumentException as {@link #require} does, when any option is not valid
   */
  public Values read(Robot robot) {
    require(robot);
    return new Values(robot);
  }

  /**
   * A platform's options record from the robot's values of its two choices (every option checked
   * first, so the zone and overflow are valid too; a renderer reads those from its request):
   * {@code OPTIONS.read(robot, MSG_TYPE, MENTION_BY, LarkOptions::new)}.
   *
   * @throws IllegalArgumentException as {@link #require} does, when any option is not valid
   */
  public <A, B, R> R read(Robot robot, Choice<A> first, Choice<B> second, BiFunction<A, B, R> options) {
    Values v = read(robot);
    return options.apply(v.get(first), v.get(second));
  }

  /** The constant whose {@code wordOf} equals {@code text} ignoring case, or {@code null}. */
  public static <E> E match(E[] values, Function<E, String> wordOf, String text) {
    for (E e : values) {
      if (wordOf.apply(e).equalsIgnoreCase(text)) {
        return e;
      }
    }
    return null;
  }

  private static ConfigProblem invalid(String path, String value, List<String> allowed) {
    return new ConfigProblem(path, "must be " + String.join(" or ", allowed) + ", but was \"" + value + "\""
        + Suggestions.didYouMean(value, allowed));
  }

  private static boolean isZone(String text) {
    try {
      ZoneId.of(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isMaxAlerts(Robot robot) {
    try {
      robot.maxAlerts();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isOverflow(String text) {
    try {
      Overflow.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
