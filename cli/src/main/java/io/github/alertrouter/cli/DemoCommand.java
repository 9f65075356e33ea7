package io.github.alertrouter.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code alert-router demo}: plays an alert story against in-process DingTalk, Lark and WeCom
 * simulators on virtual time and prints each group chat. No network, no config, no credentials.
 */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Play an alert story into simulated DingTalk, Lark and WeCom chats (offline)";
  }

  @Override
  public String help() {
    return """
        usage: alert-router demo

        Starts DingTalk, Lark and WeCom robot simulators in this process (127.0.0.1 only, nothing
        leaves the machine), loads the shipped demo config (contacts, a contact group, a two-person
        daily rotation, one robot per platform, a critical policy that escalates until acknowledged
        and a warning policy that repeats), and plays about an hour of alerting on virtual time in
        a few seconds: a group fires and grows, a warning repeats, escalation steps @ the on-call
        and then everyone until the on-call acknowledges (no step fires after that), a storm of 50
        alerts hits the Lark robot (the robot's rate limit turns the rest into one digest), the
        rotation hands over with a handoff notice, and everything resolves. Then it prints each
        group chat: when (virtual time, the robot's time zone), what the chat shows (shortened),
        who was @-ed by which identity (mobile:, userId:, openId:, all), and, on lines starting
        "--", what the story did that no message shows (the acknowledgement).

        Exit codes: 0 ok; 1 the story could not be played.
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of(), Set.of());
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument \"" + args.positionals().get(0) + "\"");
    }
    DemoStory.Result result = DemoStory.play();
    out.print(DemoTranscript.render(result));
    return result.failed() == 0 ? Main.EXIT_OK : 1;
  }
}
