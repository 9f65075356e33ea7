package io.github.alertrouter.benchmarks;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.DeliveryRecorder;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.StormAlerts;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #19's storm, measured as what a chat reader gets: {@code count} alerts (see
 * {@link StormAlerts}), each its own group, arriving evenly within 60 s at one DingTalk robot, through
 * the real engine and DingTalk renderer to the DingTalk simulator (20 messages a minute, 20,000-byte
 * bodies, real throttling), on virtual time. Prints the messages sent (in the first minute and in
 * any 60 s), throttle answers, how many alerts each digest names individually and how many it only
 * counts ("…and N more"), and the head of the largest digest as the chat shows it.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.StormDigest [count]}</pre>
 *
 * A storm alert is named when its unique {@code instance} appears in a message; counted when a
 * "…and N more alerts" line includes it. Deterministic: the same numbers on every run.
 */
public final class StormDigest {
  private static final Pattern INSTANCE = Pattern.compile("i-\\d{5}");
  private static final Pattern MORE = Pattern.compile("…and (\\d+) more alerts?");
  private static final Pattern FIRING = Pattern.compile("FIRING:(\\d+)");
  private static final String SECRET = "SECstorm";
  private static final int SHOWN_LINES = 16;

  private StormDigest() {}

  /** What the chat received, message by message. */
  record Message(Instant at, boolean digest, int covers, int named, int counted, int bytes, String text) {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : StormAlerts.issue19().count();
    ManualClock clock = new ManualClock(Instant.parse("2026-03-09T01:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    DeliveryRecorder recorder = new DeliveryRecorder();
    List<Message> messages = new ArrayList<>();
    int rejected;
    try (DingTalkSimulator simulator = DingTalkSimulator.start(clock)) {
      String webhook = simulator.robot("ops", SECRET, "alert").webhook().reveal();
      RouterConfig config = RouterConfig.parse("""
          robots:
            - { id: ops, platform: dingtalk, webhook: "${OPS_URL}", secret: "${SECRET}", keyword: alert }
          notificationPolicies:
            - name: storm
              groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname, instance] }
              notifyRule: { robots: [ops] }
              repeatInterval: 4h
          """, "storm.yaml", Map.of("OPS_URL", webhook, "SECRET", SECRET));
      AlertRouter router = AlertRouter.builder()
          .config(config)
          .scheduler(scheduler)
          .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(5)), clock, Duration.ofSeconds(10)))
          .listener(recorder)
          .build();
      Duration spacing = Duration.ofSeconds(60).dividedBy(Math.max(1, count));
      for (Alert alert : new StormAlerts(count, 19).alerts(clock.instant(), spacing)) {
        scheduler.advance(Duration.between(clock.instant(), alert.startsAt()));
        router.submit(alert);
        scheduler.runDue();
      }
      scheduler.advance(Duration.ofMinutes(15));
      router.close();
      List<ReceivedMessage> received = simulator.received("ops");
      List<DeliveryEvent> sent = recorder.sent();
      for (int i = 0; i < received.size(); i++) {
        DeliveryEvent event = i < sent.size() ? sent.get(i) : null;
        messages.add(message(event, received.get(i).text()));
      }
      rejected = simulator.rejected().size();
    }
    print(count, messages, rejected, recorder.failed().size());
  }

  private static Message message(DeliveryEvent event, String text) {
    Set<String> named = new HashSet<>();
    Matcher m = INSTANCE.matcher(text);
    while (m.find()) {
      named.add(m.group());
    }
    int counted = 0;
    Matcher more = MORE.matcher(text);
    while (more.find()) {
      counted += Integer.parseInt(more.group(1));
    }
    Matcher firing = FIRING.matcher(text);
    int covers = firing.find() ? Integer.parseInt(firing.group(1)) : named.size() + counted;
    boolean digest = event != null && event.reason() == NotifyReason.DIGEST;
    return new Message(event == null ? null : event.at(), digest, covers, named.size(), counted,
        event == null ? 0 : event.bytes(), text);
  }

  private static void print(int count, List<Message> messages, int rejected, int failed) {
    Instant first = messages.isEmpty() || messages.get(0).at() == null ? null : messages.get(0).at();
    long firstMinute = first == null ? 0
        : messages.stream().filter(x -> x.at() != null && x.at().isBefore(first.plusSeconds(60))).count();
    long busiest = 0;
    for (Message a : messages) {
      if (a.at() != null) {
        busiest = Math.max(busiest, messages.stream()
            .filter(b -> b.at() != null && !b.at().isBefore(a.at()) && b.at().isBefore(a.at().plusSeconds(60))).count());
      }
    }
    List<Message> digests = messages.stream().filter(Message::digest).toList();
    int named = messages.stream().mapToInt(Message::named).sum();
    int counted = messages.stream().mapToInt(Message::counted).sum();
    int digestNamed = digests.stream().mapToInt(Message::named).sum();
    int digestCovers = digests.stream().mapToInt(Message::covers).sum();
    System.out.printf("storm: %,d alerts, one group each, within 60 s, to one DingTalk robot (20 messages a minute)%n", count);
    System.out.printf("messages: %d (first minute: %d, most in any 60 s: %d), throttle answers: %d, failed: %d%n",
        messages.size(), firstMinute, busiest, rejected, failed);
    System.out.printf("digests: %d, covering %,d alerts; named individually %,d (%.1f %% of what they cover), "
        + "per digest: min %d, median %d, max %d%n", digests.size(), digestCovers, digestNamed,
        digestCovers == 0 ? 0.0 : 100.0 * digestNamed / digestCovers,
        digests.stream().mapToInt(Message::named).min().orElse(0), median(digests),
        digests.stream().mapToInt(Message::named).max().orElse(0));
    System.out.printf("all messages: named individually %,d (%.1f %%), only counted (\"…and N more\") %,d; "
        + "accounted for %,d of %,d%n", named, 100.0 * named / Math.max(1, count), counted, named + counted, count);
    digests.stream().max((a, b) -> Integer.compare(a.covers(), b.covers())).ifPresent(d -> {
      System.out.printf("%nthe largest digest (%,d alerts, %,d bytes), its first %d and last 2 lines as the chat shows them:%n",
          d.covers(), d.bytes(), SHOWN_LINES);
      List<String> lines = d.text().lines().filter(l -> !l.isBlank()).toList();
      lines.stream().limit(SHOWN_LINES).forEach(l -> System.out.println("  " + l));
      System.out.println("  ...");
      lines.subList(Math.max(SHOWN_LINES, lines.size() - 2), lines.size()).forEach(l -> System.out.println("  " + l));
    });
  }

  private static int median(List<Message> digests) {
    int[] named = digests.stream().mapToInt(Message::named).sorted().toArray();
    return named.length == 0 ? 0 : named[named.length / 2];
  }
}
