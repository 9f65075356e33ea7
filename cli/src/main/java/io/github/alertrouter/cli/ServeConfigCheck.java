package io.github.alertrouter.cli;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.spi.Platforms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code serve} checks before it runs a config file, at start and at reload, and what
 * {@code validate} checks too: one check, so that {@code validate} can never call valid a file
 * that {@code serve} refuses. Stateless.
 */
final class ServeConfigCheck {
  static final ConfigProblem EMPTY_CONFIG = new ConfigProblem("", "the config has no notification policies and no "
      + "robots, so every alert would be dropped; add them, or start serve with --allow-empty-config if that is meant");

  private ServeConfigCheck() {}

  /** A config file that passed, with the platform modules that checked it (the router is built with them). */
  record Checked(RouterConfig config, Platforms platforms) {}

  /**
   * Loads {@code file} and checks it against the platform modules on the class path: its own
   * validation, a robot whose platform has no module (the router could not send to it), each
   * robot's options and template, and, unless {@code allowEmpty}, a config that routes nothing.
   *
   * @throws ConfigException listing every problem, each with its path
   */
  static Checked check(Path file, boolean allowEmpty) {
    RouterConfig config = RouterConfig.load(file);
    Platforms platforms = Platforms.load();
    // the order AlertRouter.Builder#build reports them in: a missing module first
    List<ConfigProblem> problems = new ArrayList<>(platforms.unavailable(config));
    problems.addAll(platforms.check(config));
    if (!allowEmpty && config.notificationPolicies().isEmpty() && config.robots().isEmpty()) {
      problems.add(EMPTY_CONFIG);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Checked(config, platforms);
  }
}
