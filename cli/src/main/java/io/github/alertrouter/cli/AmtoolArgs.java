package io.github.alertrouter.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses arguments exactly as amtool's kingpin does for {@code config routes test}, quirks
 * included, so scripts written for amtool run unchanged: flags may follow positionals,
 * {@code --} ends flags, a flag given twice is an error, {@code --no-<bool>} negates, and a boolean
 * flag written {@code --tree=true} sets the flag and leaves {@code true} as a positional argument
 * (kingpin reads {@code =value} as a separate token). amtool's global flags are accepted and
 * ignored. Immutable after parsing.
 */
final class AmtoolArgs {
  private static final Set<String> IGNORED_VALUED =
      Set.of("alertmanager.url", "output", "timeout", "http.config.file", "o");
  private static final Set<String> IGNORED_BOOLEAN = Set.of("verbose", "version-check", "v");

  private final Map<String, String> flags;
  private final List<String> positionals;

  private AmtoolArgs(Map<String, String> flags, List<String> positionals) {
    this.flags = flags;
    this.positionals = positionals;
  }

  /**
   * Parses {@code argv}.
   *
   * @throws UsageException with kingpin's message for unknown, repeated or value-less flags
   */
  static AmtoolArgs parse(List<String> argv, Set<String> valued, Set<String> booleans) {
    Map<String, String> flags = new HashMap<>();
    List<String> positionals = new ArrayList<>();
    boolean flagsDone = false;
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (flagsDone || arg.equals("-") || !arg.startsWith("-")) {
        positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        flagsDone = true;
        continue;
      }
      boolean isLong = arg.startsWith("--");
      String body = isLong ? arg.substring(2) : arg.substring(1);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String inlineValue = eq < 0 ? null : body.substring(eq + 1);
      if (!isLong && !IGNORED_VALUED.contains(name) && !IGNORED_BOOLEAN.contains(name)) {
        throw new UsageException("unknown short flag '-" + name.charAt(0) + "'");
      }
      if (valued.contains(name) || IGNORED_VALUED.contains(name)) {
        String value = inlineValue;
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw new UsageException("expected argument for flag '--" + name + "'");
          }
          value = argv.get(++i);
        }
        put(flags, name, value);
      } else if (booleans.contains(name) || IGNORED_BOOLEAN.contains(name)) {
        put(flags, name, "true");
        if (inlineValue != null) {
          positionals.add(inlineValue);
        }
      } else if (name.startsWith("no-") && (booleans.contains(name.substring(3)) || IGNORED_BOOLEAN.contains(name.substring(3)))) {
        put(flags, name.substring(3), "false");
        if (inlineValue != null) {
          positionals.add(inlineValue);
        }
      } else {
        throw new UsageException("unknown long flag '--" + name + "'");
      }
    }
    return new AmtoolArgs(flags, positionals);
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (flags.putIfAbsent(name, value) != null) {
      throw new UsageException("flag '" + name + "' cannot be repeated");
    }
  }

  String flag(String name) {
    return flags.get(name);
  }

  boolean isSet(String name) {
    return "true".equals(flags.get(name));
  }

  List<String> positionals() {
    return positionals;
  }
}
