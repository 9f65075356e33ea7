package io.github.alertrouter.internal.engine;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.spi.Platforms;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold before a router starts, beyond the config's own validation: every robot's
 * platform has a module and likes the robot's options and the policies' templates, and no policy
 * names a target this version cannot resolve (a silent no-op would page nobody).
 */
public final class EngineChecks {
  static final String SCHEDULE_UNSUPPORTED =
      "schedule targets are not supported yet: this version cannot tell who is on call;"
          + " name contacts or groups instead";

  private EngineChecks() {}

  public static List<ConfigProblem> problems(RouterConfig config, Platforms platforms) {
    List<ConfigProblem> problems = new ArrayList<>(platforms.unavailable(config));
    problems.addAll(platforms.check(config));
    List<NotificationPolicy> policies = config.notificationPolicies();
    for (int i = 0; i < policies.size(); i++) {
      scheduleTargets(policies.get(i), "notificationPolicies[" + i + "]", problems);
    }
    return problems;
  }

  private static void scheduleTargets(NotificationPolicy policy, String path, List<ConfigProblem> problems) {
    List<MentionTarget> mention = policy.notifyRule().mention();
    if (mention != null) {
      for (int i = 0; i < mention.size(); i++) {
        if (mention.get(i).kind() == MentionTarget.Kind.SCHEDULE) {
          problems.add(new ConfigProblem(path + ".notifyRule.mention[" + i + "]", SCHEDULE_UNSUPPORTED));
        }
      }
    }
    for (int i = 0; i < policy.routes().size(); i++) {
      scheduleTargets(policy.routes().get(i), path + ".routes[" + i + "]", problems);
    }
  }
}
