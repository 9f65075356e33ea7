package io.github.alertrouter.cli;

import io.github.alertrouter.alertmanager.WebhookDingtalkImporter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code alert-router import-webhook-dingtalk FILE}: a prometheus-webhook-dingtalk config as alert-router YAML. */
final class ImportWebhookDingtalkCommand implements Command {
  @Override
  public String name() {
    return "import-webhook-dingtalk";
  }

  @Override
  public String summary() {
    return "Convert a prometheus-webhook-dingtalk config.yml into alert-router YAML";
  }

  @Override
  public String help() {
    return """
        usage: alert-router import-webhook-dingtalk FILE [--alertmanager ALERTMANAGER_YML]

        Reads a prometheus-webhook-dingtalk config.yml (targets) and prints the equivalent
        alert-router config on stdout: each target becomes a DingTalk robot (url and secret as
        ${ROBOT_<ID>_WEBHOOK} and ${ROBOT_<ID>_SECRET}: set those variables; the warnings name
        them) whose template is the target's message (else default_message, else
        ding.link.title/ding.link.content) as a Go template on prometheus-webhook-dingtalk's
        definitions and functions, with the files of templates: (read relative to FILE, then to
        the working directory, and named by absolute path); and a policy for the alerts
        Alertmanager posts to http://HOST:PORT/dingtalk/<target>/send, the URL alert-router serve
        takes too, so alertmanager.yml stays as it is. A target's mention (all, or mobile
        numbers, which become contacts) is kept. Each policy groups by alertname and repeats
        every 4h, unless --alertmanager names the alertmanager.yml in front: then each target
        groups and repeats as the routes of the receivers that post to it do (group_by,
        repeat_interval; max_alerts too), with a nested policy per receiver when they differ.
        What is not imported (timeout, a templates glob that matches nothing) is listed on stderr
        as a warning. Exit 2 when a file is not such a config.
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of("alertmanager"), Set.of());
    if (args.positionals().size() != 1) {
      throw new UsageException("expected exactly one FILE argument");
    }
    String file = args.positionals().get(0);
    String alertmanager = args.flag("alertmanager");
    return ImportAlertmanagerCommand.print(alertmanager == null ? WebhookDingtalkImporter.importFile(Path.of(file))
        : WebhookDingtalkImporter.importFile(Path.of(file), Path.of(alertmanager)), file, name(), out, err);
  }
}
