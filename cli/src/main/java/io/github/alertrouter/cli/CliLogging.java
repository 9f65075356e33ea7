package io.github.alertrouter.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Sets up the CLI's SLF4J binding, slf4j-simple, through its {@code org.slf4j.simpleLogger.*}
 * system properties. They are read once, when the first logger is created, so {@link Main#main}
 * calls {@link #configure} before anything else.
 *
 * <p>Lines go to stderr, never stdout (whose output is compared byte for byte with amtool's),
 * each with an ISO-8601 timestamp and the level: {@code 2026-03-09T10:00:00.123Z WARN RobotLane -
 * robot sre-ding (dingtalk): message 1/1 of payments failed: SIGNATURE_REJECTED 310000 sign not
 * match; not retryable}. The level is, first found: {@code serve --log.level=LEVEL}; an explicit
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}; the environment variable {@value #ENV_LEVEL};
 * {@code info} for {@code serve} (an on-call engineer needs its sends and failures), {@code warn}
 * for the other commands. Any other {@code org.slf4j.simpleLogger.*} property the user set with
 * {@code -D} is left as it is. Stateless.
 */
final class CliLogging {
  /** The flag of {@code serve} that sets the level. */
  static final String FLAG = "log.level";
  /** The environment variable that sets the level of every command. */
  static final String ENV_LEVEL = "ALERT_ROUTER_LOG_LEVEL";
  /** The levels the flag and the variable accept. */
  static final List<String> LEVELS = List.of("debug", "info", "warn", "error", "off");
  /** The level of {@code serve} when nothing says otherwise. */
  static final String SERVE_LEVEL = "info";
  /** The level of the other commands, whose output people read or compare: only what went wrong. */
  static final String COMMAND_LEVEL = "warn";

  static final String PREFIX = "org.slf4j.simpleLogger.";
  static final String DEFAULT_LOG_LEVEL = PREFIX + "defaultLogLevel";
  /** ISO-8601 with the offset ({@code Z} in UTC); slf4j-simple formats in the JVM's time zone. */
  static final String DATE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private static final Map<String, String> LAYOUT = layout();

  private CliLogging() {}

  /**
   * Sets the properties {@link #properties} chooses for this command line.
   *
   * @throws UsageException when {@value #ENV_LEVEL} is not one of {@link #LEVELS}
   */
  static void configure(List<String> args, UnaryOperator<String> environment) {
    properties(args, environment, System::getProperty).forEach(System::setProperty);
  }

  /**
   * The {@code org.slf4j.simpleLogger.*} properties to set for {@code args}: the level (see the
   * class comment) and the layout, leaving out every property {@code systemProperties} already
   * has, except the level when {@code --log.level} is given. A bad {@code --log.level} is left to
   * {@link ServeCommand}, which refuses it like its other flags before anything is logged.
   *
   * @throws UsageException when {@value #ENV_LEVEL} is not one of {@link #LEVELS}
   */
  static Map<String, String> properties(List<String> args, UnaryOperator<String> environment,
      UnaryOperator<String> systemProperties) {
    Map<String, String> set = new LinkedHashMap<>();
    boolean serve = !args.isEmpty() && args.get(0).equals("serve");
    String flag = serve ? flagValue(args.subList(1, args.size())) : null;
    String variable = environment.apply(ENV_LEVEL);
    if (flag != null && LEVELS.contains(flag.strip().toLowerCase(Locale.ROOT))) {
      set.put(DEFAULT_LOG_LEVEL, level(flag, "--" + FLAG));
    } else if (systemProperties.apply(DEFAULT_LOG_LEVEL) == null) {
      set.put(DEFAULT_LOG_LEVEL, variable != null && !variable.isBlank()
          ? level(variable, "environment variable " + ENV_LEVEL)
          : serve ? SERVE_LEVEL : COMMAND_LEVEL);
    }
    LAYOUT.forEach((name, value) -> {
      if (systemProperties.apply(name) == null) {
        set.put(name, value);
      }
    });
    return set;
  }

  /**
   * {@code text} as a level slf4j-simple understands.
   *
   * @param where names the setting in the error, e.g. {@code --log.level}
   * @throws UsageException when it is not one of {@link #LEVELS}
   */
  static String level(String text, String where) {
    String level = text.strip().toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new UsageException(where + " must be one of " + String.join(", ", LEVELS) + ", but was \"" + text + "\"");
    }
    return level;
  }

  /** The value of {@code --log.level} in {@code serve}'s arguments (as {@link Args} reads them), or {@code null}. */
  private static String flagValue(List<String> args) {
    String value = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        break;
      }
      if (arg.startsWith("--" + FLAG + "=")) {
        value = arg.substring(FLAG.length() + 3);
      } else if (arg.equals("--" + FLAG) && i + 1 < args.size()) {
        value = args.get(++i);
      }
    }
    return value;
  }

  private static Map<String, String> layout() {
    Map<String, String> layout = new LinkedHashMap<>();
    layout.put(PREFIX + "logFile", "System.err");
    layout.put(PREFIX + "showDateTime", "true");
    layout.put(PREFIX + "dateTimeFormat", DATE_TIME_FORMAT);
    layout.put(PREFIX + "showThreadName", "false");
    layout.put(PREFIX + "showShortLogName", "true");
    return Collections.unmodifiableMap(layout);
  }
}
