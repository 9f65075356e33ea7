package io.github.alertrouter.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments in the style amtool (kingpin) accepts: {@code --name=value},
 * {@code --name value}, boolean {@code --flag}, and positional arguments; {@code --} ends flags.
 * Immutable after parsing.
 */
final class Args {
  private final Map<String, String> flags;
  private final List<String> positionals;

  private Args(Map<String, String> flags, List<String> positionals) {
    this.flags = flags;
    this.positionals = positionals;
  }

  /**
   * Parses {@code argv}.
   *
   * @param valued flags that take a value
   * @param booleans flags that take none
   * @throws UsageException for an unknown flag or a missing value
   */
  static Args parse(List<String> argv, Set<String> valued, Set<String> booleans) {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> positionals = new ArrayList<>();
    boolean flagsDone = false;
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (flagsDone || !arg.startsWith("--") || arg.equals("-")) {
        positionals.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        flagsDone = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (booleans.contains(name)) {
        String value = eq < 0 ? "true" : arg.substring(eq + 1);
        if (!value.equals("true") && !value.equals("false")) {
          throw new UsageException("--" + name + " takes true or false, but was \"" + value + "\"");
        }
        flags.put(name, value);
      } else if (booleans.contains(name.replaceFirst("^no-", "")) && eq < 0) {
        flags.put(name.substring(3), "false");
      } else if (valued.contains(name)) {
        if (eq >= 0) {
          flags.put(name, arg.substring(eq + 1));
        } else if (i + 1 < argv.size()) {
          flags.put(name, argv.get(++i));
        } else {
          throw new UsageException("expected argument for flag --" + name);
        }
      } else {
        throw new UsageException("unknown long flag '--" + name + "'");
      }
    }
    return new Args(flags, positionals);
  }

  String flag(String name) {
    return flags.get(name);
  }

  /** The flag's value, or a usage error naming it when absent. */
  String required(String name) {
    String value = flags.get(name);
    if (value == null || value.isEmpty()) {
      throw new UsageException("required flag --" + name + " not provided");
    }
    return value;
  }

  boolean isSet(String name) {
    return "true".equals(flags.get(name));
  }

  List<String> positionals() {
    return positionals;
  }
}
