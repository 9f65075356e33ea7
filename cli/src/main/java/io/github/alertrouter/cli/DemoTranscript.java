package io.github.alertrouter.cli;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Renders a {@link DemoStory.Result} as readable group-chat transcripts, one per robot. */
final class DemoTranscript {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  static final int TEXT_WIDTH = 150;
  private static final Map<String, String> PLATFORM_NAMES = Map.of("dingtalk", "DingTalk", "lark", "Lark", "wecom", "WeCom");

  private DemoTranscript() {}

  static String render(DemoStory.Result result) {
    RouterConfig config = result.config();
    Map<String, String> who = identities(config);
    ZoneId storyZone = config.schedules().isEmpty() ? ZoneOffset.UTC : config.schedules().get(0).timeZone();
    StringBuilder s = new StringBuilder();
    s.append("alert-router demo: the shipped demo config (").append(DemoStory.CONFIG_RESOURCE)
        .append(") on simulated DingTalk, Lark and WeCom robots on 127.0.0.1, on virtual time.\n\n");
    s.append("The story (").append(storyZone).append(", ")
        .append(DemoStory.START.atZone(storyZone).toLocalDate()).append("):\n");
    for (DemoStory.Step step : result.story()) {
      s.append("  ").append(TIME.format(step.at().atZone(storyZone))).append("  ").append(step.what()).append('\n');
    }
    for (DemoStory.Chat chat : result.chats()) {
      ZoneId zone = zoneOf(config, chat.robotId());
      s.append("\n== ").append(PLATFORM_NAMES.getOrDefault(chat.platform(), chat.platform()))
          .append(" group chat, robot ").append(chat.robotId()).append(": ")
          .append(chat.messages().size()).append(" messages (times in ").append(zone).append(") ==\n");
      List<DemoStory.Step> notes = result.story().stream().filter(step -> step.chats().contains(chat.robotId())).toList();
      int note = 0;
      for (DemoStory.Posted posted : chat.messages()) {
        for (; note < notes.size() && !notes.get(note).at().isAfter(posted.at()); note++) {
          appendNote(s, notes.get(note), zone);
        }
        ReceivedMessage message = posted.message();
        s.append(TIME.format(posted.at().atZone(zone))).append("  ").append(chat.robotId())
            .append(" [").append(message.msgType()).append("]: ").append(shorten(message.text())).append('\n');
        if (!message.mentions().isEmpty()) {
          StringBuilder at = new StringBuilder();
          for (String mention : new TreeSet<>(message.mentions())) {
            at.append(at.length() == 0 ? "" : ", ").append(mention);
            String name = who.get(mention);
            if (name != null) {
              at.append(" (").append(name).append(')');
            }
          }
          s.append("          @ ").append(at).append('\n');
        }
      }
      notes.subList(note, notes.size()).forEach(step -> appendNote(s, step, zone));
    }
    s.append("\nDeliveries: ").append(result.sent()).append(" sent, ").append(result.failed()).append(" failed, ")
        .append(result.merged()).append(" digests.\n");
    for (String failure : result.failures()) {
      s.append("  failed: ").append(failure).append('\n');
    }
    return redact(s.toString(), result.secrets());
  }

  /** A step of the story inside a chat's transcript, where no message shows it: "-- alice acknowledges ...". */
  private static void appendNote(StringBuilder s, DemoStory.Step step, ZoneId zone) {
    s.append(TIME.format(step.at().atZone(zone))).append("  -- ").append(step.what()).append('\n');
  }

  /**
   * What a reader takes in at a glance: the message's first line, then why it was sent (the
   * "Reason:" line), what a digest merges and who a handoff names as next, markup removed, cut at
   * {@link #TEXT_WIDTH}.
   */
  static String shorten(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      String plain = line.replaceAll("</?font[^>]*>", "").replaceAll("<at [^>]*></at>", "").replace("**", "")
          .replaceFirst("^\\s*(#+|>)\\s*", "").strip();
      if (!plain.isEmpty()) {
        lines.add(plain);
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      int reason = line.indexOf("Reason:");
      if (reason >= 0) {
        s.append(" — ").append(line.substring(reason + "Reason:".length()).strip());
      } else if (line.startsWith("Digest:") || line.startsWith("Next:")) {
        s.append(" — ").append(line);
      }
    }
    String oneLine = s.toString().replaceAll("\\s+", " ");
    return oneLine.length() <= TEXT_WIDTH ? oneLine : oneLine.substring(0, TEXT_WIDTH - 1) + "…";
  }

  private static ZoneId zoneOf(RouterConfig config, String robotId) {
    for (Robot robot : config.robots()) {
      if (robot.id().equals(robotId) && robot.options().containsKey("timeZone")) {
        return ZoneId.of(robot.options().get("timeZone"));
      }
    }
    return ZoneOffset.UTC;
  }

  /** The simulator's mention notation for each contact identity, to put names next to them. */
  private static Map<String, String> identities(RouterConfig config) {
    Map<String, String> names = new HashMap<>();
    names.put("all", "everyone");
    for (Contact contact : config.contacts()) {
      String name = contact.name() != null ? contact.name() : contact.id();
      if (contact.mobile() != null) {
        String digits = contact.mobile().replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
          digits = digits.substring(2);
        }
        names.put("mobile:" + digits, name);
      }
      contact.im().forEach((platform, ids) -> ids.forEach((kind, id) -> names.putIfAbsent(kind + ":" + id, name)));
    }
    return names;
  }

  /** Belt and braces: the chats never carry webhooks, but nothing secret may reach stdout. */
  private static String redact(String text, List<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, "<redacted>");
      }
    }
    return out;
  }
}
