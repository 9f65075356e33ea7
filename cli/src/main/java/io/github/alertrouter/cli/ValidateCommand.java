package io.github.alertrouter.cli;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.oncall.Gap;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.time.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code alert-router validate --config FILE}: loads a config and lists every problem, refusing
 * exactly what {@code serve} refuses ({@link ServeConfigCheck}).
 */
final class ValidateCommand implements Command {
  /** How far ahead schedules are checked for times with nobody on duty. */
  static final Duration COVERAGE_HORIZON = Duration.ofDays(28);

  private final Clock clock;

  ValidateCommand() {
    this(Clock.systemUTC()); // the program's edge: "now" for the coverage check
  }

  ValidateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "Check a config file; print every problem with its path";
  }

  @Override
  public String help() {
    return """
        usage: alert-router validate --config=FILE [--allow-empty-config]

        Loads an alert-router config (YAML or JSON, ${VAR} taken from the environment) and checks
        it as 'serve' does before it starts or reloads, with the same check: each robot's options
        and each policy template against the platform modules on the class path, and a robot of
        a platform with no module here (it could not send). Exit 0 when serve would run it;
        otherwise every problem is printed on stderr as 'path: message', as serve names it, and
        the exit code is 2. Every schedule with times nobody is on duty in the next 28 days
        (coverage) is printed as a warning, with the first such time: the file is not wrong.

        Flags:
          --config=FILE         the config file
          --allow-empty-config  accept a config with no notification policies and no robots, as
                                serve does with this flag
        """;
  }

  private void coverage(RouterConfig config, PrintStream err) {
    Instant from = clock.instant();
    Instant to = from.plus(COVERAGE_HORIZON);
    List<Schedule> schedules = config.schedules();
    for (int i = 0; i < schedules.size(); i++) {
      List<Gap> gaps = OnCallSchedule.of(schedules.get(i)).gaps(from, to);
      if (!gaps.isEmpty()) {
        Duration uncovered = gaps.stream().map(g -> Duration.between(g.start(), g.end())).reduce(Duration.ZERO, Duration::plus);
        err.printf("warning: schedules[%d] (%s): nobody on duty %d time%s in the next %d days (%s in all), first %s to %s%n",
            i, schedules.get(i).id(), gaps.size(), gaps.size() == 1 ? "" : "s", COVERAGE_HORIZON.toDays(),
            Durations.format(uncovered), gaps.get(0).start(), gaps.get(0).end());
      }
    }
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of("config"), Set.of("allow-empty-config"));
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument \"" + args.positionals().get(0) + "\"");
    }
    String file = args.required("config");
    try {
      // serve's own check, so validate says valid exactly when serve would start on the file
      RouterConfig config = ServeConfigCheck.check(Path.of(file), args.isSet("allow-empty-config")).config();
      coverage(config, err);
      out.printf("%s: valid (%d notification policies, %d robots, %d contacts)%n",
          file, config.notificationPolicies().size(), config.robots().size(), config.contacts().size());
      return Main.EXIT_OK;
    } catch (ConfigException e) {
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      err.printf("%s: %d problem%s%n", file, e.problems().size(), e.problems().size() == 1 ? "" : "s");
      return Main.EXIT_BAD_INPUT;
    }
  }
}
