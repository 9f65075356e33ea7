package io.github.alertrouter.engine;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.binding.LoggingVerificationSender;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A router on virtual time whose two robots ({@code ops}, {@code dev}) post to the recording
 * {@link ScriptedPlatform}: the scenario's YAML is appended to the fixture's contacts and robots.
 * The engine's scenarios live in core and read what the platform was asked to render; how a
 * platform writes it on the wire is tested in its own module.
 */
final class RouterFixture implements AutoCloseable {
  static final String CONTACTS = """
      contacts:
        - { id: alice, name: Alice, mobile: "+86 138 0000 0001" }
        - { id: bob, name: Bob, mobile: "13800000002", im: { scripted: { userId: bob007 } } }
        - { id: carol, name: Carol, email: carol@example.com }
      contactGroups:
        - { id: sre, members: [alice, bob] }
      robots:
        - { id: ops, platform: scripted, webhook: "https://chat.example.com/hook/ops",
            options: { actionBaseUrl: "https://ops.example.com/alert-router" } }
        - { id: dev, platform: scripted, webhook: "https://chat.example.com/hook/dev" }
      """;

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T01:00:00Z")); // Monday 09:00 Shanghai
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final ScriptedPlatform platform = new ScriptedPlatform(clock);
  final List<DeliveryEvent> sent = new ArrayList<>();
  final List<DeliveryEvent> failed = new ArrayList<>();
  final AlertRouter router;
  final HandoffLog handoffLog = HandoffLog.inMemory(); // per test: the process-wide default would leak between tests
  final UsedTokens usedTokens = UsedTokens.inMemory(clock); // shared by this fixture's routers, as serve shares one
  private final RouterConfig config;
  final LoggingVerificationSender codes = new LoggingVerificationSender();
  BindingService bindings;

  RouterFixture(String yaml) {
    this(CONTACTS, yaml);
  }

  /** A router on {@code contacts} (contacts and robots, {@link #CONTACTS} changed) and the scenario's YAML. */
  RouterFixture(String contacts, String yaml) {
    config = RouterConfig.parse(contacts + yaml, "scenario.yaml", Map.of());
    bindings = BindingService.create(config, codes, BindingStore.inMemory(), clock);
    router = build(config);
  }

  /** A second router on the same config, clock, platform and handoff log (a restart, a reload). */
  AlertRouter another() {
    return build(config);
  }

  /** A second router on another config (the same contacts and robots), for a reload that changes it. */
  AlertRouter another(String yaml) {
    return build(RouterConfig.parse(CONTACTS + yaml, "reloaded.yaml", Map.of()));
  }

  private AlertRouter build(RouterConfig config) {
    return AlertRouter.builder()
        .handoffLog(handoffLog)
        .bindings(bindings)
        .actionKey(Secret.of("fixture-action-key-0123456789abcdef0123"))
        .usedTokens(usedTokens)
        .config(config)
        .scheduler(scheduler)
        .platforms(Platforms.of(platform))
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

  /** What {@code robot}'s chat received, in order. */
  List<Received> messages(String robot) {
    return platform.received(robot);
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
  }
}
