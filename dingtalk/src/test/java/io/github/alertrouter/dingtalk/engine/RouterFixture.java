package io.github.alertrouter.dingtalk.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.action.UsedTokens;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.binding.BindingStore;
import io.github.alertrouter.binding.LoggingVerificationSender;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.oncall.HandoffLog;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A router on virtual time whose robots post to a DingTalk simulator: the config is YAML with
 * {@code ${OPS_URL}} / {@code ${DEV_URL}} for the two simulated robots ({@code ops}, {@code dev}).
 */
final class RouterFixture implements AutoCloseable {
  static final String SECRET = "SECfixture";
  static final String CONTACTS = """
      contacts:
        - { id: alice, name: Alice, mobile: "+86 138 0000 0001" }
        - { id: bob, name: Bob, mobile: "13800000002", im: { dingtalk: { userId: bob007 } } }
        - { id: carol, name: Carol, email: carol@example.com }
      contactGroups:
        - { id: sre, members: [alice, bob] }
      robots:
        - { id: ops, platform: dingtalk, webhook: "${OPS_URL}", secret: "${SECRET}", keyword: alert,
            options: { actionBaseUrl: "https://ops.example.com/alert-router" } }
        - { id: dev, platform: dingtalk, webhook: "${DEV_URL}", secret: "${SECRET}", keyword: alert }
      """;

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T01:00:00Z")); // Monday 09:00 Shanghai
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final DingTalkSimulator simulator = DingTalkSimulator.start(clock);
  final List<DeliveryEvent> sent = new ArrayList<>();
  final List<DeliveryEvent> failed = new ArrayList<>();
  final AlertRouter router;
  final HandoffLog handoffLog = HandoffLog.inMemory(); // per test: the process-wide default would leak between tests
  final UsedTokens usedTokens = UsedTokens.inMemory(clock); // shared by this fixture's routers, as serve shares one
  private RouterConfig config;
  private final Map<String, String> env;
  final LoggingVerificationSender codes = new LoggingVerificationSender();
  BindingService bindings;

  RouterFixture(String yaml) {
    Robot ops = simulator.robot("ops", SECRET, "alert");
    Robot dev = simulator.robot("dev", SECRET, "alert");
    env = new HashMap<>();
    env.put("OPS_URL", ops.webhook().reveal());
    env.put("DEV_URL", dev.webhook().reveal());
    env.put("SECRET", SECRET);
    try {
      config = RouterConfig.parse(CONTACTS + yaml, "scenario.yaml", env);
      bindings = BindingService.create(config, codes, BindingStore.inMemory(), clock);
      router = build(config);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /** A second router on the same config, clock, simulator and handoff log (a restart, a reload). */
  AlertRouter another() {
    return build(config);
  }

  /** A second router on another config (the same contacts and robots), for a reload that changes it. */
  AlertRouter another(String yaml) {
    return build(RouterConfig.parse(CONTACTS + yaml, "reloaded.yaml", env));
  }

  private AlertRouter build(RouterConfig config) {
    return AlertRouter.builder()
        .handoffLog(handoffLog)
        .bindings(bindings)
        .actionKey(Secret.of("fixture-action-key-0123456789abcdef0123"))
        .usedTokens(usedTokens)
        .config(config)
        .scheduler(scheduler)
        .clientContext(new ClientContext(Transport.jdk(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
        .listener(new DeliveryListener() {
          @Override
          public void sent(DeliveryEvent e) {
            sent.add(e);
          }

          @Override
          public void failed(DeliveryEvent e) {
            failed.add(e);
          }
        })
        .build();
  }

  void submit(Alert... alerts) {
    router.submit(alerts);
    scheduler.runDue();
  }

  void advance(Duration d) {
    scheduler.advance(d);
  }

  List<ReceivedMessage> messages(String robot) {
    return simulator.received(robot);
  }

  /** A firing alert its source keeps alive for a day (Alertmanager re-sends; we do not). */
  Alert firing(Map<String, String> labels) {
    return Alert.firing(labels).startsAt(clock.instant()).endsAt(clock.instant().plus(Duration.ofDays(1))).build();
  }

  Alert resolved(Alert alert) {
    return alert.resolvedAt(clock.instant());
  }

  @Override
  public void close() {
    router.close();
    simulator.close();
  }
}
