package io.github.alertrouter.cli;

import io.github.alertrouter.config.ConfigException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the {@code alert-router} command: picks the subcommand, runs it, and turns errors
 * into one line on stderr and an exit code (2 for bad input).
 */
public final class Main {
  static final int EXIT_OK = 0;
  /** A service it needs (the state store) cannot be reached. */
  static final int EXIT_UNAVAILABLE = 1;
  static final int EXIT_BAD_INPUT = 2;

  private static final List<Command> COMMANDS = List.of(
      new RoutesTestCommand(),
      new TemplateRenderCommand(),
      new ValidateCommand(),
      new PreviewCommand(),
      new OnCallCommand(),
      new ServeCommand(),
      new ImportAlertmanagerCommand(),
      new ImportWebhookDingtalkCommand(),
      new DemoCommand());

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    // log lines are UTF-8 like the rest of our output (platform answers are often Chinese), whatever the locale
    System.setErr(err);
    try {
      CliLogging.configure(Arrays.asList(args), System::getenv); // before any logger exists
    } catch (UsageException e) {
      err.println("alert-router: error: " + e.getMessage());
      System.exit(EXIT_BAD_INPUT);
    }
    System.exit(run(Arrays.asList(args), out, err));
  }

  /** Runs one command line; returns the exit code. Used by tests in-process. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty() && args.get(0).equals("--version")) {
      out.print(BuildInfo.current().describe());
      return EXIT_OK;
    }
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
      out.print(usage());
      return args.isEmpty() ? EXIT_BAD_INPUT : EXIT_OK;
    }
    for (Command command : COMMANDS) {
      List<String> words = List.of(command.name().split(" "));
      if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)) {
        List<String> rest = args.subList(words.size(), args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
          out.print(command.help());
          return EXIT_OK;
        }
        try {
          return command.run(rest, out, err);
        } catch (UsageException e) {
          err.println("alert-router " + command.name() + ": error: " + e.getMessage() + ", try --help");
          return EXIT_BAD_INPUT;
        } catch (ConfigException e) {
          err.println("alert-router " + command.name() + ": error: " + e.getMessage());
          return EXIT_BAD_INPUT;
        }
      }
    }
    err.println("alert-router: error: unknown command \"" + String.join(" ", args) + "\", try --help");
    return EXIT_BAD_INPUT;
  }

  static String usage() {
    StringBuilder s = new StringBuilder("""
        usage: alert-router <command> [<flags>] [<args> ...]

        Routes monitoring alerts into DingTalk, Lark and WeCom group chats.

        Commands:
        """);
    for (Command command : COMMANDS) {
      s.append(String.format("  %-22s %s%n", command.name(), command.summary()));
    }
    s.append("\nRun 'alert-router <command> --help' for a command's flags, 'alert-router --version' for the build.\n");
    return s.toString();
  }
}
