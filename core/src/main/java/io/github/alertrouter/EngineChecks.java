package io.github.alertrouter;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.spi.Platforms;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold before a router starts, beyond the config's own validation: every robot's
 * platform has a module and likes the robot's options and the policies' templates.
 */
final class EngineChecks {
  private EngineChecks() {}

  public static List<ConfigProblem> problems(RouterConfig config, Platforms platforms) {
    List<ConfigProblem> problems = new ArrayList<>(platforms.unavailable(config));
    problems.addAll(platforms.check(config));
    return problems;
  }
}
