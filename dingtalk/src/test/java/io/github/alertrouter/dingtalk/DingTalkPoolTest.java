package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.testkit.DeliveryRecorder;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.LogEvent;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RecordedLogs;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A robot pool (issue #22): one robot {@code sre} whose messages go through three DingTalk custom
 * robots in the same chat, each signed with its own secret and counted by the simulator against its
 * own 20-a-minute limit, on virtual time. Every delivery's receipt must hear DELIVERED exactly once.
 */
class DingTalkPoolTest {
  private static final List<String> MEMBERS = List.of("sre-1", "sre-2", "sre-3");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-08T02:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DeliveryRecorder events = new DeliveryRecorder();
  private final Map<String, List<Receipt.Outcome>> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
  private DingTalkSimulator simulator;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    simulator = DingTalkSimulator.start(clock);
    List<Robot> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS.size(); i++) {
      members.add(simulator.robot(MEMBERS.get(i), "SECpool" + i + "0123456789abcdef", "alert"));
    }
    Robot.Builder pool = Robot.builder("sre", "dingtalk", members.get(0).webhook()).secret(members.get(0).secret())
        .keyword("alert");
    members.subList(1, members.size()).forEach(m -> pool.addWebhook(m.webhook(), m.secret()));
    dispatcher = Dispatcher.builder()
        .robots(List.of(pool.build()))
        .platforms(Platforms.load())
        .scheduler(scheduler)
        .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
        .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30)))
        .random(new Random(1))
        .listener(events)
        .build();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void aPoolOfThreeTakesThreeRobotsWorthAMinuteWithoutDigestsOrThrottling() {
    // 54 a minute: three times the 18 one webhook is given (DingTalk's 20 less 10% headroom)
    for (int i = 0; i < 3 * 54; i++) {
      dispatch("Steady" + String.format("%03d", i));
      scheduler.advance(Duration.ofMillis(1112));
    }
    scheduler.advance(Duration.ofMinutes(1));

    // the simulator counts each webhook against DingTalk's 20 a minute and would refuse the 21st
    assertThat(simulator.rejected()).as("throttling answers").isEmpty();
    assertThat(simulator.received()).hasSize(3 * 54).noneMatch(m -> m.text().contains("merges"));
    for (String member : MEMBERS) {
      assertThat(simulator.received(member)).as(member).hasSize(54);
    }
    assertEveryDeliveryEndedOnceDelivered(3 * 54);
  }

  @Test
  void aStormBeyondThePoolsLimitBecomesADigestOnlyWhenEveryMemberIsSaturated() {
    for (int i = 0; i < 120; i++) {
      dispatch("Storm" + String.format("%03d", i));
    }
    scheduler.advance(Duration.ofMinutes(3));

    assertThat(simulator.rejected()).isEmpty();
    List<ReceivedMessage> got = simulator.received();
    // 53 one by one while the pool had permits to spare, then one digest in the pool's last slot
    assertThat(got).hasSize(54);
    assertThat(got.subList(0, 53)).noneMatch(m -> m.text().contains("merges"));
    assertThat(got.get(53).text()).contains("merges 67 groups");
    for (String member : MEMBERS) {
      assertThat(simulator.received(member)).as(member).hasSize(18);
    }
    for (int i = 0; i < 120; i++) {
      String name = "Storm" + String.format("%03d", i);
      assertThat(got.stream().filter(m -> m.text().contains(name)).count()).as(name).isEqualTo(1);
    }
    assertEveryDeliveryEndedOnceDelivered(120);
  }

  @Test
  void aThrottledMemberIsParkedAloneAndTheMessageGoesOnThroughAnother() {
    simulator.failNext(1, Fault.throttled());
    dispatch("First");
    scheduler.advance(Duration.ZERO);

    assertThat(simulator.received("sre-1")).isEmpty();
    assertThat(simulator.received("sre-2")).extracting(ReceivedMessage::text).singleElement()
        .satisfies(t -> assertThat(t).contains("First"));
    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(FailureKind.RATE_LIMITED);
    assertThat(dispatcher.lanes()).extracting(LaneStatus::penaltyEnds).containsOnlyNulls();

    for (int i = 0; i < 10; i++) {
      dispatch("Next" + i);
      scheduler.advance(Duration.ofSeconds(1));
    }
    assertThat(simulator.received("sre-1")).as("parked for its penalty").isEmpty();
    assertThat(simulator.received("sre-2").size() + simulator.received("sre-3").size()).isEqualTo(11);
    assertThat(simulator.received()).noneMatch(m -> m.text().contains("merges"));

    scheduler.advance(Duration.ofMinutes(10));
    dispatch("Later0");
    dispatch("Later1");
    dispatch("Later2");
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(simulator.received("sre-1")).as("back after its penalty").isNotEmpty();
    assertThat(simulator.rejected()).hasSize(1); // the injected answer only
    assertEveryDeliveryEndedOnceDelivered(14);
  }

  @Test
  void aServerErrorOnOneMemberIsRetriedThroughAnother() {
    RecordedLogs.requireInstalled();
    RecordedLogs.clear();
    simulator.failNext(1, Fault.httpStatus(503));
    dispatch("Disk");
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(FailureKind.SERVER_ERROR);
    assertThat(simulator.received("sre-1")).isEmpty();
    assertThat(simulator.received("sre-2")).extracting(ReceivedMessage::text).singleElement()
        .satisfies(t -> assertThat(t).contains("Disk"));
    assertThat(events.sent()).extracting(DeliveryEvent::robotId, DeliveryEvent::attempt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sre", 2));
    assertEveryDeliveryEndedOnceDelivered(1);
    // the log says which webhook, by its place in the list, never by its URL or secret
    assertThat(RecordedLogs.events()).extracting(LogEvent::message)
        .anySatisfy(m -> assertThat(m).startsWith("robot sre (dingtalk, webhook 1 of 3): message 1/1 for payments")
            .contains("server error", ", through another webhook)"))
        .anySatisfy(m -> assertThat(m).startsWith("robot sre (dingtalk, webhook 2 of 3): sent message 1/1"));
    assertThat(RecordedLogs.text()).doesNotContain("access_token", "SECpool");
  }

  private void dispatch(String alertname) {
    List<Receipt.Outcome> mine = Collections.synchronizedList(new ArrayList<>());
    outcomes.put(alertname, mine);
    dispatcher.dispatch(new Delivery("sre", notification(alertname), List.of(), null), null, mine::add);
  }

  /** Lost = 0 and duplicated = 0: every delivery's receipt heard one outcome, DELIVERED. */
  private void assertEveryDeliveryEndedOnceDelivered(int count) {
    assertThat(outcomes).hasSize(count);
    outcomes.forEach((name, heard) -> assertThat(heard).as(name).containsExactly(Receipt.Outcome.DELIVERED));
    assertThat(dispatcher.pending("sre")).isZero();
  }

  private Notification notification(String alertname) {
    Alert alert = Alert.firing(Map.of("alertname", alertname, "severity", "critical"))
        .annotation("summary", alertname + " alert").startsAt(clock.instant()).build();
    return Notification.of("payments", "{}:{alertname=\"" + alertname + "\"}",
        new TreeMap<>(Map.of("alertname", alertname)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(),
        List.of(), clock.instant());
  }
}
