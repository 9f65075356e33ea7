package io.github.alertrouter.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration could not be loaded or built; {@link #problems()} lists every problem found,
 * each with its path, so one run shows all of them. The message never contains secret values.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * An exception listing {@code problems} under a heading naming {@code source}.
   *
   * @param source what was being read or built (a file name, {@code of robot "sre-ding"}), or
   *     {@code null}
   * @param problems every problem found, at least one, none quoting a secret
   */
  public ConfigException(String source, List<ConfigProblem> problems) {
    super(describe(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Like {@link #ConfigException(String, List)} without a source. */
  public ConfigException(List<ConfigProblem> problems) {
    this(null, problems);
  }

  /** Every problem, in document order. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String describe(String source, List<ConfigProblem> problems) {
    String head = (source == null ? "invalid configuration" : "invalid configuration " + source)
        + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", head + "\n", ""));
  }
}
