package io.github.alertrouter.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in a scalar string with the environment's value; {@code $${} stands for
 * a literal {@code ${}. Problems (unset variable, malformed reference) go to a callback so the
 * binder can report them at the value's path; they name the variable, never its value, because
 * the value may be a secret. Stateless apart from the environment; thread-safe.
 */
final class EnvSubstitution {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> environment;

  EnvSubstitution(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The substituted text; on a problem, reports it and returns {@code null}. */
  String apply(String text, Consumer<String> problem) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean ok = true;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          problem.accept("unterminated environment reference \"${\" (write \"$${\" for a literal \"${\")");
          return null;
        }
        String name = text.substring(i + 2, end);
        if (!NAME.matcher(name).matches()) {
          problem.accept("invalid environment variable name \"" + name + "\" in \"${" + name + "}\"");
          ok = false;
        } else if (!environment.containsKey(name)) {
          problem.accept("environment variable \"" + name + "\" is not set");
          ok = false;
        } else {
          out.append(environment.get(name));
        }
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return ok ? out.toString() : null;
  }

  /** Escapes text so that {@link #apply} gives it back unchanged. */
  static String escape(String text) {
    return text.replace("${", "$${");
  }
}
