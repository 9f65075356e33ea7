package io.github.alertrouter.cli;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.escalate.EscalationPlanner;
import io.github.alertrouter.lark.LarkSimulator;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import io.github.alertrouter.wecom.WeComSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The story {@code alert-router demo} plays: the shipped demo config against the DingTalk, Lark
 * and WeCom simulators on 127.0.0.1, on virtual time (a {@link ManualScheduler}), so an hour of
 * alerting takes a second or two and touches no network.
 */
final class DemoStory {
  static final String CONFIG_RESOURCE = "demo/alert-router.yaml";
  /**
   * Monday 2026-03-09 09:20 in Shanghai: Alice is on duty in the demo's daily rotation, and hands
   * over to Bob at 10:00.
   */
  static final Instant START = Instant.parse("2026-03-09T01:20:00Z");
  /** Who acknowledges the critical group, and how long after {@link #START}. */
  static final String ACKNOWLEDGER = "alice";
  static final Duration ACKNOWLEDGED_AFTER = Duration.ofMinutes(22);
  static final int STORM_SIZE = 50;
  private static final String DINGTALK_SECRET = "SECdemo0123456789abcdef";

  /** A message as a chat shows it, with the virtual time it arrived. */
  record Posted(Instant at, ReceivedMessage message) {}

  /** One robot's group chat: which platform, and what it shows, oldest first. */
  record Chat(String robotId, String platform, List<Posted> messages) {}

  /**
   * Something the story did, at a virtual instant.
   *
   * @param chats the robots whose chat transcript shows this step too, between its messages (a
   *     step no message shows, such as an acknowledgement)
   */
  record Step(Instant at, String what, List<String> chats) {}

  /**
   * What happened.
   *
   * @param chats one per robot of the config, in config order
   * @param secrets the webhooks and signing secret handed to the router (never to be printed)
   * @param story what was done when, for the transcript's header
   */
  record Result(
      RouterConfig config, List<Chat> chats, List<String> secrets, List<Step> story,
      int sent, int failed, int merged, List<String> failures) {}

  private final ManualClock clock = new ManualClock(START);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Map<String, PlatformSimulator> simulatorOf = new LinkedHashMap<>();
  private final Map<String, List<Posted>> posted = new LinkedHashMap<>();
  private final List<Step> story = new ArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger merged = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private RouterConfig config;
  private AlertRouter router;

  private DemoStory() {}

  static Result play() {
    return new DemoStory().run();
  }

  private Result run() {
    try (DingTalkSimulator dingtalk = DingTalkSimulator.start(clock);
        LarkSimulator lark = LarkSimulator.start(clock);
        WeComSimulator wecom = WeComSimulator.start(clock)) {
      Robot ding = dingtalk.robot("sre-dingtalk", DINGTALK_SECRET, "alert");
      Robot feishu = lark.robot("dev-lark", null);
      Robot wework = wecom.robot("sre-wecom", null);
      simulatorOf.put("sre-dingtalk", dingtalk);
      simulatorOf.put("dev-lark", lark);
      simulatorOf.put("sre-wecom", wecom);
      Map<String, String> env = Map.of(
          "DINGTALK_URL", ding.webhook().reveal(),
          "DINGTALK_SECRET", DINGTALK_SECRET,
          "LARK_URL", feishu.webhook().reveal(),
          "WECOM_URL", wework.webhook().reveal());
      config = RouterConfig.parse(configText(), CONFIG_RESOURCE, env);
      router = AlertRouter.builder()
          .config(config)
          .scheduler(scheduler)
          .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
          .handoffLog(HandoffLog.inMemory())
          .listener(new Counting())
          .build();
      try {
        tell();
      } finally {
        router.close();
        collect();
      }
      List<Chat> chats = new ArrayList<>();
      for (Robot robot : config.robots()) {
        chats.add(new Chat(robot.id(), robot.platform(), List.copyOf(posted.getOrDefault(robot.id(), List.of()))));
      }
      return new Result(config, chats, List.copyOf(env.values()), List.copyOf(story),
          sent.get(), failed.get(), merged.get(), List.copyOf(failures));
    }
  }

  /** The alert story, in virtual time from {@link #START}. */
  private void tell() {
    Alert errors = critical("PaymentsHighErrorRate", "payments-api", "5xx ratio 7.2% on payments-api (threshold 5%)");
    say("a critical alert fires: PaymentsHighErrorRate on payments-api (DingTalk + WeCom, @ the on-call: Alice;"
        + " it escalates)");
    submit(errors);

    at(Duration.ofMinutes(1));
    Alert latency = warning("CheckoutLatencyHigh", "checkout", "p99 latency 2.4s on checkout (threshold 1s)");
    say("a warning fires: CheckoutLatencyHigh (Lark, @ the payments developers, repeats every 30m)");
    submit(latency);

    at(Duration.ofMinutes(3));
    Alert gateway = critical("PaymentsHighErrorRate", "payments-gateway", "5xx ratio 6.1% on payments-gateway");
    say("the group grows: PaymentsHighErrorRate fires on payments-gateway too");
    submit(gateway);

    at(ACKNOWLEDGED_AFTER);
    acknowledge(errors);

    at(Duration.ofMinutes(25));
    List<Alert> storm = new ArrayList<>();
    for (int i = 1; i <= STORM_SIZE; i++) {
      String service = String.format("svc-%02d", i);
      storm.add(warning("UpstreamTimeouts", service, "timeouts calling the card network from " + service));
    }
    say("a storm: " + STORM_SIZE + " UpstreamTimeouts warnings, one group each, hit the Lark robot at once");
    submit(storm.toArray(Alert[]::new));

    at(Duration.ofMinutes(40));
    say("the daily rotation hands over from Alice to Bob: the handoff notice goes to DingTalk");

    at(Duration.ofMinutes(45));
    List<Alert> all = new ArrayList<>(List.of(errors, gateway, latency));
    all.addAll(storm);
    say("everything resolves");
    submit(all.stream().map(a -> a.resolvedAt(clock.instant())).toArray(Alert[]::new));

    at(Duration.ofMinutes(55));
  }

  /**
   * Acknowledges the group {@code alert} (submitted at {@link #START}) is in, as
   * {@link #ACKNOWLEDGER}; the group's chats show the step, naming the escalation firing it stops.
   */
  private void acknowledge(Alert alert) {
    RouteMatch match = RoutingTree.compile(config.notificationPolicies()).match(alert.labels()).get(0);
    String groupKey = match.groupKey(alert.labels());
    if (!router.acknowledge(groupKey, ACKNOWLEDGER)) {
      throw new IllegalStateException("no escalation runs for " + groupKey + " to acknowledge");
    }
    Instant now = clock.instant();
    EscalationPolicy policy = config.escalationPolicies().stream()
        .filter(p -> p.id().equals(match.settings().escalationPolicy())).findFirst().orElseThrow();
    // the plan as if nobody acknowledged: its next firing is the one the acknowledgement stops
    String held = EscalationPlanner.plan(policy, START.plus(match.settings().groupWait()), 100).stream()
        .filter(firing -> firing.dueAt().isAfter(now))
        .findFirst()
        .map(firing -> ": escalation stops (" + firing.describe(policy).replaceFirst("^escalation ", "") + " @ "
            + firing.step().targets().stream().map(MentionTarget::toString).collect(Collectors.joining(", "))
            + ", due " + DemoTranscript.TIME.format(firing.dueAt().atZone(config.schedules().get(0).timeZone()))
            + ", never fires)")
        .orElse("");
    story.add(new Step(now, ACKNOWLEDGER + " acknowledges " + alert.labels().get("alertname") + held,
        match.settings().robots()));
  }

  private Alert critical(String name, String service, String summary) {
    return alert(name, "critical", service, summary);
  }

  private Alert warning(String name, String service, String summary) {
    return alert(name, "warning", service, summary);
  }

  private Alert alert(String name, String severity, String service, String summary) {
    Instant now = clock.instant();
    return Alert.firing(Map.of(
            "alertname", name, "team", "payments", "severity", severity,
            "cluster", "prod-shanghai", "service", service))
        .annotation("summary", summary)
        .startsAt(now)
        .endsAt(now.plus(Duration.ofDays(1))) // the source keeps it alive until it resolves
        .build();
  }

  private void say(String what) {
    story.add(new Step(clock.instant(), what, List.of()));
  }

  private void submit(Alert... alerts) {
    router.submit(alerts);
    scheduler.runDue();
    collect();
  }

  /** Runs virtual time up to {@code START + offset}, task time by task time, noting when each message arrives. */
  private void at(Duration offset) {
    Instant end = START.plus(offset);
    for (Instant next = scheduler.nextDue(); next != null && !next.isAfter(end); next = scheduler.nextDue()) {
      Duration step = Duration.between(clock.instant(), next);
      scheduler.advance(step.isNegative() ? Duration.ZERO : step);
      collect();
    }
    if (clock.instant().isBefore(end)) {
      scheduler.advance(Duration.between(clock.instant(), end));
      collect();
    }
  }

  private void collect() {
    Instant now = clock.instant();
    simulatorOf.forEach((robotId, simulator) -> {
      List<Posted> chat = posted.computeIfAbsent(robotId, id -> new ArrayList<>());
      List<ReceivedMessage> received = simulator.received(robotId);
      for (int i = chat.size(); i < received.size(); i++) {
        chat.add(new Posted(now, received.get(i)));
      }
    });
  }

  private static String configText() {
    try (InputStream in = DemoStory.class.getClassLoader().getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo config " + CONFIG_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Counting implements DeliveryListener {
    @Override
    public void sent(DeliveryEvent event) {
      sent.incrementAndGet();
    }

    @Override
    public void failed(DeliveryEvent event) {
      failed.incrementAndGet();
      failures.add(event.robotId() + ": " + event.result());
    }

    @Override
    public void merged(String robotId, int notifications) {
      merged.incrementAndGet();
    }
  }
}
