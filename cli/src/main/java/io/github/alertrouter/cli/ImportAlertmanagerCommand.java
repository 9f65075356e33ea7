package io.github.alertrouter.cli;

import io.github.alertrouter.alertmanager.AlertmanagerConfigImporter;
import io.github.alertrouter.alertmanager.AlertmanagerImport;
import io.github.alertrouter.config.ConfigWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code alert-router import-alertmanager FILE}: prints the equivalent alert-router YAML. */
final class ImportAlertmanagerCommand implements Command {
  @Override
  public String name() {
    return "import-alertmanager";
  }

  @Override
  public String summary() {
    return "Convert an alertmanager.yml into alert-router YAML";
  }

  @Override
  public String help() {
    return """
        usage: alert-router import-alertmanager FILE

        Reads an Alertmanager 0.25 alertmanager.yml and prints the equivalent alert-router config
        on stdout: the route tree becomes one notification policy (the root, named after its
        receiver) with the tree nested under 'routes'; inhibit_rules and time_intervals are
        imported. Each receiver's webhook_configs that post to a DingTalk, WeCom or Lark robot, a
        prometheus-webhook-dingtalk target (/dingtalk/<target>/send) or a PrometheusAlert endpoint
        become robots the route sends to (their URLs as ${ROBOT_<ID>_WEBHOOK}: set those
        variables; the warnings say to what), send_resolved: false is kept, max_alerts becomes the
        robots' maxAlerts option, and PrometheusAlert's 'at' numbers become contacts. Everything
        that is not imported (other integrations, http_config, templates, global) is listed on
        stderr as a warning, field by field; no warning prints a webhook URL. Exit 2 when the file
        is not a valid Alertmanager config.
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of(), Set.of());
    if (args.positionals().size() != 1) {
      throw new UsageException("expected exactly one FILE argument");
    }
    String file = args.positionals().get(0);
    return print(AlertmanagerConfigImporter.importFile(Path.of(file)), file, name(), out, err);
  }

  /** Prints an import's YAML (secrets as placeholders) on {@code out} and its warnings on {@code err}. */
  static int print(AlertmanagerImport result, String file, String command, PrintStream out, PrintStream err) {
    String yaml = ConfigWriter.toYaml(result.config());
    out.print("# Imported from " + file + " by alert-router " + command + ".\n");
    out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
    for (String warning : result.warnings()) {
      err.println("warning: " + warning);
    }
    return Main.EXIT_OK;
  }
}
