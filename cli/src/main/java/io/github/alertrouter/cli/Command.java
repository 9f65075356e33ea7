package io.github.alertrouter.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code alert-router}. Implementations are stateless. */
interface Command {
  /** The words that select it, e.g. {@code routes test}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** The full {@code --help} text. */
  String help();

  /**
   * Runs the command.
   *
   * @return the process exit code
   * @throws UsageException for bad arguments (exit 2)
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
