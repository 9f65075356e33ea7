package io.github.alertrouter.cli;

import io.github.alertrouter.gotemplate.AlertmanagerTemplates;
import io.github.alertrouter.gotemplate.AmAlert;
import io.github.alertrouter.gotemplate.AmAlerts;
import io.github.alertrouter.gotemplate.AmData;
import io.github.alertrouter.gotemplate.GoTemplate;
import io.github.alertrouter.gotemplate.Kv;
import io.github.alertrouter.gotemplate.TemplateException;
import io.github.alertrouter.gotemplate.TimeValue;
import io.github.alertrouter.gotemplate.WebhookDingtalkTemplates;
import io.github.alertrouter.gotemplate.MessageData;
import io.github.alertrouter.internal.text.FileGlob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alert-router template render}: the same arguments, output and exit codes as
 * {@code amtool template render} (Alertmanager 0.25), rendered by alert-router's Go template
 * engine with Alertmanager's default templates, functions and data. Errors exit 1, as amtool's do.
 */
final class TemplateRenderCommand implements Command {
  static final int EXIT_FAILED = 1;
  private static final String GLOB = "template.glob";

  private final Clock clock;

  TemplateRenderCommand() {
    this(Clock.systemUTC());
  }

  /** @param clock "now" of the built-in example data, as amtool's uses time.Now() */
  TemplateRenderCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "template render";
  }

  @Override
  public String summary() {
    return "Render a Go template on Alertmanager data (amtool template render)";
  }

  @Override
  public String help() {
    return """
        usage: alert-router template render --template.glob=GLOB --template.text=TEXT [<flags>]

        Render a given definition in a template file to standard output, with Go's text/template
        and Alertmanager's functions and default templates (__subject, slack.default.title, ...).
        Same arguments, output and exit codes as 'amtool template render' (Alertmanager 0.25);
        amtool's global flags are accepted and ignored.

        Flags:
          --template.glob=GLOB ...   files of template definitions (repeatable; Go glob syntax)
          --template.text=TEXT       the template to render, e.g. '{{ template "x" . }}'
          --template.data=FILE       JSON with the data (Alertmanager's webhook body); without it,
                                     amtool's example data (two alerts, times around now)
          --template.type=text       only text is supported (html is not)
          --template.defaults=alertmanager
                                     alert-router's own: webhook-dingtalk renders on
                                     prometheus-webhook-dingtalk's default templates and
                                     functions instead (ding.link.content, markdown, upper, ...),
                                     to check a template before moving it over

        Exit codes: 0 rendered; 1 bad arguments, unreadable data or a template error.
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    // kingpin lets --template.glob repeat; AmtoolArgs refuses repeats, so globs are taken first.
    List<String> globs = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        rest.addAll(argv.subList(i, argv.size()));
        break;
      }
      if (a.startsWith("--" + GLOB + "=")) {
        globs.add(a.substring(GLOB.length() + 3));
      } else if (a.equals("--" + GLOB) && i + 1 < argv.size()) {
        globs.add(argv.get(++i));
      } else {
        rest.add(a);
      }
    }
    AmtoolArgs args;
    try {
      args = AmtoolArgs.parse(rest, Set.of(GLOB, "template.text", "template.data",
          "template.type", "template.defaults", "date.format"), Set.of());
    } catch (UsageException e) {
      return fail(err, e.getMessage());
    }
    if (!args.positionals().isEmpty()) {
      return fail(err, "unexpected " + args.positionals().get(0));
    }
    if (globs.isEmpty()) {
      return fail(err, "required flag --template.glob not provided");
    }
    String text = args.flag("template.text");
    if (text == null) {
      return fail(err, "required flag --template.text not provided");
    }
    String type = args.flag("template.type");
    if (type != null && !type.equals("text")) {
      return fail(err, type.equals("html")
          ? "--template.type=html is not supported: html/template's contextual escaping is not implemented"
          : "enum value must be one of text,html, got '" + type + "'");
    }
    String defaults = args.flag("template.defaults") == null ? "alertmanager" : args.flag("template.defaults");
    if (!defaults.equals("alertmanager") && !defaults.equals("webhook-dingtalk")) {
      return fail(err, "--template.defaults must be alertmanager or webhook-dingtalk, got '" + defaults + "'");
    }
    boolean webhookDingtalk = defaults.equals("webhook-dingtalk");
    try {
      GoTemplate tmpl = webhookDingtalk ? WebhookDingtalkTemplates.defaults() : AlertmanagerTemplates.defaults();
      for (String glob : globs) {
        for (Path file : glob(glob)) {
          String content = Files.readString(file, StandardCharsets.UTF_8);
          tmpl = tmpl.parse(file.getFileName().toString(), content);
        }
      }
      String dataFile = args.flag("template.data");
      AmData data = dataFile == null ? exampleData(clock.instant())
          : AmData.fromJson(Files.readAllBytes(Path.of(dataFile)));
      // prometheus-webhook-dingtalk's data also has AtMobiles, always empty there
      String rendered = tmpl.parse("", text).execute("", webhookDingtalk
          ? new MessageData(data, Map.of(), Map.of("AtMobiles", List.of())) : data);
      out.print(rendered);
      out.flush();
      return Main.EXIT_OK;
    } catch (TemplateException | IllegalArgumentException e) {
      return fail(err, e.getMessage());
    } catch (NoSuchFileException e) {
      return fail(err, "open " + e.getFile() + ": no such file or directory");
    } catch (IOException e) {
      return fail(err, e.getMessage());
    }
  }

  /** Go's filepath.Glob: sorted matches of the last path element; nothing when none match. */
  static List<Path> glob(String pattern) throws IOException {
    return FileGlob.matches(Path.of(""), pattern);
  }

  /** amtool's built-in example data: two alerts, started 5 and 10 minutes before now, ending now. */
  static AmData exampleData(Instant now) {
    Map<String, String> commonLabels = Map.of("commonlabelkey1", "commonlabelvalue1",
        "commonlabelkey2", "commonlabelvalue2");
    Map<String, String> commonAnnotations = Map.of("commonannotationkey1",
        "commonannotationvalue1", "commonannotationkey2", "commonannotationvalue2");
    AmAlert first = new AmAlert("alertstatus",
        new Kv(merge(commonLabels, Map.of("instance", "foo.bar:1234", "label1", "value1",
            "label2", "value2"))),
        new Kv(merge(commonAnnotations, Map.of("annotation1", "value1", "annotation2", "value2"))),
        new TimeValue(now.minus(Duration.ofMinutes(5))), new TimeValue(now),
        "https://generatorurl.com", "fingerprint1");
    AmAlert second = new AmAlert("alertstatus",
        new Kv(merge(commonLabels, Map.of("foo", "bar", "baz", "qux"))),
        new Kv(merge(commonAnnotations, Map.of("aaa", "bbb", "ccc", "ddd"))),
        new TimeValue(now.minus(Duration.ofMinutes(10))), new TimeValue(now),
        "https://generatorurl.com", "fingerprint2");
    return new AmData("receiver", "alertstatus", new AmAlerts(List.of(first, second), true),
        new Kv(Map.of("grouplabelkey1", "grouplabelvalue1", "grouplabelkey2", "grouplabelvalue2")),
        new Kv(commonLabels), new Kv(commonAnnotations), "https://example.com");
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    Map<String, String> m = new java.util.HashMap<>(a);
    m.putAll(b);
    return m;
  }

  private static int fail(PrintStream err, String message) {
    err.print("alert-router: error: " + message + "\n\n");
    return EXIT_FAILED;
  }
}
