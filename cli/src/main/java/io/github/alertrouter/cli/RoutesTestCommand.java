package io.github.alertrouter.cli;

import io.github.alertrouter.alertmanager.AlertmanagerConfigImporter;
import io.github.alertrouter.alertmanager.AlertmanagerMatchers;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Operator;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alert-router routes test}: the same arguments, output and exit codes as
 * {@code amtool config routes test} (Alertmanager 0.25), computed by alert-router's own routing
 * tree from an imported {@code alertmanager.yml}. Errors exit 1, as amtool's do.
 */
final class RoutesTestCommand implements Command {
  static final int EXIT_FAILED = 1;
  private static final String MISMATCH = "WARNING: Expected receivers did not match resolved receivers.";

  @Override
  public String name() {
    return "routes test";
  }

  @Override
  public String summary() {
    return "Which receivers an alert reaches (amtool config routes test)";
  }

  @Override
  public String help() {
    return """
        usage: alert-router routes test --config.file=FILE [<flags>] [<labels>...]

        Test alert routing: prints the receivers of the routes an alert with these labels
        matches, comma-separated, in Alertmanager's order. Same arguments, output and exit codes
        as 'amtool config routes test' (Alertmanager 0.25); amtool's global flags are accepted
        and ignored. Reading the routes from a running Alertmanager is not supported.

        Flags:
          --config.file=FILE         the alertmanager.yml to test
          --verify.receivers=LIST    expected receivers (comma-separated); exit 1 if different
          --tree                     also print the matching routes as a tree

        Args:
          [<labels>]  label=value pairs of the alert, e.g. team=payments 'msg="two words"'

        Exit codes: 0 routed; 1 receivers differ from --verify.receivers, or bad input.
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    AmtoolArgs args;
    try {
      args = AmtoolArgs.parse(argv, Set.of("config.file", "verify.receivers"), Set.of("tree"));
    } catch (UsageException e) {
      return fail(err, e.getMessage());
    }
    String file = args.flag("config.file");
    if (file == null || file.isEmpty()) {
      return fail(err, "--config.file is required: reading routes from a running Alertmanager is not supported");
    }
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      return fail(err, "path '" + file + "' does not exist");
    }
    if (Files.isDirectory(path)) {
      return fail(err, "'" + file + "' is a directory");
    }
    RouterConfig config;
    try {
      config = AlertmanagerConfigImporter.importFile(path).config();
    } catch (ConfigException e) {
      List<String> lines = new ArrayList<>();
      for (ConfigProblem problem : e.problems()) {
        lines.add(problem.toString());
      }
      return fail(err, String.join("\n", lines));
    }
    Map<String, String> labels = new HashMap<>();
    for (String arg : args.positionals()) {
      Condition label;
      try {
        label = AlertmanagerMatchers.parseOne(arg);
      } catch (IllegalArgumentException e) {
        return fail(err, "Failed to parse labels: " + e.getMessage());
      }
      if (label.op() != Operator.EQ) {
        return fail(err, "Failed to parse labels: labels must be specified as key=value pairs");
      }
      labels.put(label.key(), label.value());
    }

    RoutingTree tree = RoutingTree.compile(config.notificationPolicies());
    if (args.isSet("tree")) {
      out.print("Matching routes:\n");
      out.print(MatchingTreePrinter.print(tree.topLevel().get(0), labels));
      out.print("\n\n");
    }
    List<String> receivers = new ArrayList<>();
    for (RouteMatch match : tree.match(labels)) {
      receivers.add(match.settings().name());
    }
    String slug = String.join(",", receivers);
    out.print(slug + "\n");
    String expected = args.flag("verify.receivers");
    if (expected != null && !expected.isEmpty() && !expected.equals(slug)) {
      out.print(MISMATCH + "\n");
      return EXIT_FAILED;
    }
    return Main.EXIT_OK;
  }

  private static int fail(PrintStream err, String message) {
    err.print("alert-router: error: " + message + "\n\n");
    return EXIT_FAILED;
  }
}
