package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.alertrouter.dingtalk.DingTalkSimulator;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Alertmanager with two receivers, both pointing at {@code serve}: {@code team-x} at the
 * per-target URL {@code /dingtalk/ops/send}, {@code team.y} at {@code /api/v1/alertmanager}, and a
 * route that sends one alert to both ({@code continue: true}). The router's policies match
 * {@code __receiver__} (and {@code __target__}), so each receiver's chat hears of the alert, firing
 * then resolved, once: two notification streams, as in Alertmanager.
 *
 * <p>Skipped without the binary, unless {@code ALERT_ROUTER_REQUIRE_AMTOOL=1}, as
 * {@link AlertmanagerEndToEndTest}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlertmanagerReceiversEndToEndTest {
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private static final String ALERTMANAGER_YML = """
      route:
        receiver: team-x
        group_by: [alertname]
        group_wait: 1s
        group_interval: 2s
        repeat_interval: 1h
        routes:
          - { receiver: team-x, matchers: [ 'alertname="E2EReceivers"' ], continue: true }
          - { receiver: team.y, matchers: [ 'alertname="E2EReceivers"' ] }
      receivers:
        - name: team-x
          webhook_configs: [ { url: "BASE/dingtalk/ops/send", send_resolved: true } ]
        - name: team.y
          webhook_configs: [ { url: "BASE/api/v1/alertmanager", send_resolved: true } ]
      """;

  private static final String ROUTER_YAML = """
      robots:
        - { id: x-ding, platform: dingtalk, webhook: "%s" }
        - { id: y-ding, platform: dingtalk, webhook: "%s" }
      notificationPolicies:
        - name: team-x
          matchingRules: [ { conditions: [ { key: __receiver__, op: eq, value: team-x },
                                           { key: __target__, op: eq, value: ops } ] } ]
          groupRule: { groupWait: 1s, groupInterval: 2s, groupingFields: [alertname] }
          notifyRule: { robots: [x-ding] }
          repeatInterval: 1h
          sendResolved: true
        - name: team-y
          matchingRules: [ { conditions: [ { key: __receiver__, op: eq, value: team.y } ] } ]
          groupRule: { groupWait: 1s, groupInterval: 2s, groupingFields: [alertname] }
          notifyRule: { robots: [y-ding] }
          repeatInterval: 1h
          sendResolved: true
      """;

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private ReceiverServer receiver;
  private RealAlertmanager alertmanager;

  @AfterEach
  void stopEverything() throws Exception {
    StopAll.stop(alertmanager, receiver, simulator);
  }

  @Test
  void oneAlertSentToTwoReceiversReachesEachReceiversChatFiringThenResolved() throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Path config = Files.writeString(dir.resolve("alert-router.yaml"), ROUTER_YAML.formatted(
        simulator.robot("x-ding", null).webhook().reveal(), simulator.robot("y-ding", null).webhook().reveal()));
    receiver = ReceiverServer.start(new ReceiverServer.Settings(config, new InetSocketAddress("127.0.0.1", 0),
        ReceiverServer.DEFAULT_MAX_BODY_BYTES, null, null, 0), Clock.systemUTC());
    alertmanager = RealAlertmanager.start(dir, ALERTMANAGER_YML.replace("BASE", "http://127.0.0.1:" + receiver.port()));

    Instant startsAt = Instant.now();
    postAlert(startsAt, null);
    for (String robot : new String[] {"x-ding", "y-ding"}) {
      awaitMessage(robot, "firing");
    }
    postAlert(startsAt, Instant.now().minusSeconds(1));
    for (String robot : new String[] {"x-ding", "y-ding"}) {
      awaitMessage(robot, "resolved");
    }

    for (String robot : new String[] {"x-ding", "y-ding"}) {
      assertThat(simulator.received(robot)).as(robot).hasSize(2).allSatisfy(m -> assertThat(m.text())
          .contains("E2EReceivers").doesNotContain("__receiver__", "__target__"));
      assertThat(simulator.received(robot).get(0).text()).contains("FIRING:1");
      assertThat(simulator.received(robot).get(1).text()).contains("RESOLVED:1");
    }
    assertThat(simulator.rejected()).isEmpty();
  }

  private void awaitMessage(String robot, String status) throws Exception {
    String mark = status.equals("firing") ? "FIRING" : "RESOLVED";
    Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (simulator.received(robot).stream().anyMatch(m -> m.text().contains(mark))) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    fail("no " + status + " message for " + robot + " within " + DELIVERY_TIMEOUT + "; received "
        + simulator.received() + "\nalertmanager log:\n" + log());
  }

  private void postAlert(Instant startsAt, Instant endsAt) throws Exception {
    String body = "[{\"labels\":{\"alertname\":\"E2EReceivers\",\"instance\":\"db-1\"},"
        + "\"annotations\":{\"summary\":\"one alert, two receivers\"},\"startsAt\":\"" + startsAt + "\""
        + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"") + "}]";
    alertmanager.postAlerts(body);
  }

  private String log() {
    return alertmanager == null ? "" : alertmanager.log();
  }


}
