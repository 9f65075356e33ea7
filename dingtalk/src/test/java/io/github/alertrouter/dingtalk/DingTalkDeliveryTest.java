package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.DeliveryRecorder;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher, the DingTalk module and the DingTalk simulator together, on virtual time: storms
 * stay under the 20/min limit with nothing lost, faults are retried, penalties are honoured.
 */
class DingTalkDeliveryTest {
  private static final String SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-08T02:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DeliveryRecorder events = new DeliveryRecorder();
  private DingTalkSimulator simulator;
  private Robot robot;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    simulator = DingTalkSimulator.start(clock);
    robot = withKeyword(simulator.robot("sre", SECRET, "alert"), "alert");
    dispatcher = dispatcher(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private Dispatcher dispatcher(Duration requestTimeout) {
    return Dispatcher.builder()
        .robots(List.of(robot))
        .platforms(Platforms.load())
        .scheduler(scheduler)
        .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, requestTimeout))
        .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30)))
        .random(new Random(1))
        .listener(events)
        .build();
  }

  @Test
  void aStormStaysUnderTheLimitAndEveryAlertAndMentionArrives() {
    IntStream.range(0, 40).forEach(i -> dispatcher.dispatch(delivery("Storm" + i)));
    scheduler.advance(Duration.ZERO);

    assertThat(simulator.received("sre")).hasSize(18); // 17 groups one by one, then one digest of 23
    assertThat(simulator.rejected()).isEmpty();
    assertThat(simulator.received("sre").get(17).text()).contains("merges 23 groups");

    clock.advance(Duration.ofSeconds(5));
    IntStream.range(40, 45).forEach(i -> dispatcher.dispatch(delivery("Late" + (i - 40))));
    scheduler.advance(Duration.ofSeconds(54));
    assertThat(simulator.received("sre")).hasSize(18); // the window is full until the first send is 60 s old
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(simulator.received("sre")).hasSize(19);
    assertThat(simulator.rejected()).isEmpty();
    String all = String.join("\n", simulator.received("sre").stream().map(ReceivedMessage::text).toList());
    IntStream.range(0, 40).forEach(i -> assertThat(all).contains("Storm" + i));
    IntStream.range(0, 5).forEach(i -> assertThat(all).contains("Late" + i));
    assertThat(simulator.received("sre")).allSatisfy(m -> assertThat(m.mentions()).contains("mobile:13800000001"));
    assertThat(dispatcher.pending("sre")).isZero();
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilDelivered() {
    simulator.failNext(2, Fault.httpStatus(503));
    dispatcher.dispatch(delivery("Disk"));
    scheduler.advance(Duration.ZERO);
    assertThat(simulator.received("sre")).isEmpty();

    scheduler.advance(Duration.ofSeconds(10));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(FailureKind.SERVER_ERROR, FailureKind.SERVER_ERROR);
    assertThat(events.retries().get(0).delay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(events.retries().get(1).delay()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(simulator.received("sre")).hasSize(1);
    assertThat(events.sent()).extracting(DeliveryEvent::attempt).containsExactly(3);
  }

  @Test
  void systemBusyAndTimeoutsAreRetriedToo() {
    // the first exchange of a fresh JVM can take longer than the short timeout below: warm up first
    dispatcher.dispatch(delivery("Warmup"));
    scheduler.advance(Duration.ZERO);
    simulator.clear();
    events.sent().clear();
    dispatcher = dispatcher(Duration.ofMillis(200));
    simulator.failNext(1, Fault.busy());
    simulator.failNext(1, Fault.delay(Duration.ofMillis(600)));
    dispatcher.dispatch(delivery("Disk"));

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind)
        .containsExactly(FailureKind.SERVER_ERROR, FailureKind.NETWORK_ERROR);
    assertThat(simulator.received("sre")).extracting(m -> m.text().contains("Disk")).containsOnly(true);
  }

  @Test
  void aThrottledRobotWaitsOutItsPenaltyThenSendsTheBacklogAsOneDigest() {
    simulator.failNext(1, Fault.throttled());
    dispatcher.dispatch(delivery("First"));
    scheduler.advance(Duration.ZERO);
    IntStream.range(0, 6).forEach(i -> dispatcher.dispatch(delivery("Queued" + i)));

    scheduler.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(simulator.received("sre")).isEmpty();
    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::delay).containsExactly(Duration.ofMinutes(10));

    scheduler.advance(Duration.ofSeconds(1));

    List<ReceivedMessage> got = simulator.received("sre");
    assertThat(got).hasSize(2);
    assertThat(got.get(0).text()).contains("First");
    assertThat(got.get(1).text()).contains("merges 6 groups");
    IntStream.range(0, 6).forEach(i -> assertThat(got.get(1).text()).contains("Queued" + i));
  }

  @Test
  void theAntiAbuseGatewaysWaitIsHonoured() {
    simulator.failNext(1, DingTalkSimulator.antiAbuse(5));
    dispatcher.dispatch(delivery("Disk"));
    scheduler.advance(Duration.ofSeconds(4));
    assertThat(simulator.received("sre")).isEmpty();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(simulator.received("sre")).hasSize(1);
  }

  @Test
  void aMissingKeywordIsPermanentNotRetriedAndReportedWithoutSecrets() {
    robot = withKeyword(simulator.robot("quiet", SECRET, "告警"), null); // the config forgot the keyword
    dispatcher = dispatcher(Duration.ofSeconds(5));
    dispatcher.dispatch(new Delivery("quiet", notification("Disk"), List.of(), null));
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(events.failed()).hasSize(1);
    SendResult.Permanent result = (SendResult.Permanent) events.failed().get(0).result();
    assertThat(result.kind()).isEqualTo(FailureKind.KEYWORD_REJECTED);
    assertThat(result.code()).isEqualTo("310000");
    assertThat(events.retries()).isEmpty();
    String token = robot.webhook().reveal().replaceAll(".*access_token=", "");
    assertThat(events.failed().get(0).toString()).doesNotContain(token).doesNotContain(SECRET);
  }

  private Delivery delivery(String alertname) {
    Contact alice = new Contact("alice", "Alice", "+86 138 0000 0001", null, Map.of());
    Mention mention = Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice",
        new DingTalkProvider().resolve(alice).identity());
    assertThat(mention.identity()).isEqualTo(new Identity("mobile", "13800000001"));
    return new Delivery("sre", notification(alertname), List.of(mention), null);
  }

  private Notification notification(String alertname) {
    Alert alert = Alert.firing(Map.of("alertname", alertname, "severity", "critical"))
        .annotation("summary", alertname + " is on fire").startsAt(clock.instant()).build();
    return Notification.of("payments", "{}:{alertname=\"" + alertname + "\"}",
        new TreeMap<>(Map.of("alertname", alertname)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(),
        List.of(), clock.instant());
  }

  private static Robot withKeyword(Robot r, String keyword) {
    return new Robot(r.id(), r.platform(), r.webhook(), r.secret() == null ? null : Secret.of(SECRET), keyword,
        r.options());
  }

}
