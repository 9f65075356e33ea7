package io.github.alertrouter.wecom;

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
 * The dispatcher, the WeCom module and the WeCom simulator together, on virtual time: storms stay
 * under 20 messages a minute (a markdown message and its follow-up text count as two) with nothing
 * lost, faults are retried, 45009 is waited out.
 */
class WeComDeliveryTest {
  private static final String MOBILE = "mobile:13800000001";
  private static final String USER = "userId:alice.wang";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-08T02:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DeliveryRecorder events = new DeliveryRecorder();
  private WeComSimulator simulator;
  private Robot robot;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    simulator = WeComSimulator.start(clock);
    robot = simulator.robot("sre", null);
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
    // 4096 bytes hold ~25 short alerts: a storm's digest must split, or "…and N more alerts" would drop some
    robot = new Robot(robot.id(), robot.platform(), robot.webhook(), null, null, Map.of("overflow", "split"));
    dispatcher = dispatcher(Duration.ofSeconds(5));
    IntStream.range(0, 40).forEach(i -> dispatcher.dispatch(delivery("Storm" + i)));
    scheduler.advance(Duration.ZERO);

    // 18 per minute (10% headroom): 8 notifications as markdown + text pairs, then the 9th's markdown;
    // its follow-up text waits for the window, and the 31 queued groups become one digest
    List<ReceivedMessage> first = simulator.received("sre");
    assertThat(first).hasSize(18);
    assertThat(simulator.rejected()).isEmpty();

    clock.advance(Duration.ofSeconds(5));
    IntStream.range(0, 5).forEach(i -> dispatcher.dispatch(delivery("Late" + i)));
    scheduler.advance(Duration.ofMinutes(5));

    List<ReceivedMessage> got = simulator.received("sre");
    assertThat(simulator.rejected()).isEmpty();
    assertThat(dispatcher.pending("sre")).isZero();
    String all = String.join("\n", got.stream().map(ReceivedMessage::text).toList());
    IntStream.range(0, 40).forEach(i -> assertThat(all).contains("Storm" + i + " is on fire"));
    IntStream.range(0, 5).forEach(i -> assertThat(all).contains("Late" + i + " is on fire"));
    assertThat(all).contains("merges");
    // every notification's first markdown message @s the userid and is followed by a text that @s the mobile
    for (int i = 0; i < got.size(); i++) {
      ReceivedMessage m = got.get(i);
      if (m.msgType().equals("markdown") && !m.text().contains("(2/")) {
        boolean firstPart = !m.text().matches("(?s).*\\(\\d+/\\d+\\).*") || m.text().contains("(1/");
        if (firstPart) {
          assertThat(m.mentions()).containsExactly(USER);
          assertThat(got.get(i + 1).msgType()).isEqualTo("text");
          assertThat(got.get(i + 1).mentions()).containsExactly(MOBILE);
        }
      }
    }
    long texts = got.stream().filter(m -> m.msgType().equals("text")).count();
    assertThat(got.stream().filter(m -> m.mentions().contains(USER)).count()).isEqualTo(texts);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilDelivered() {
    simulator.failNext(2, Fault.httpStatus(503));
    dispatcher.dispatch(delivery("Disk"));
    scheduler.advance(Duration.ZERO);
    assertThat(simulator.received("sre")).isEmpty();

    scheduler.advance(Duration.ofSeconds(10));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(FailureKind.SERVER_ERROR, FailureKind.SERVER_ERROR);
    assertThat(simulator.received("sre")).extracting(ReceivedMessage::msgType).containsExactly("markdown", "text");
    assertThat(events.sent()).extracting(DeliveryEvent::attempt).containsExactly(3, 1);
  }

  @Test
  void systemBusyAndTimeoutsAreRetriedToo() {
    // a first exchange (on the 5 s timeout) loads the JDK client's classes, which can take longer
    // than the short timeout below in a fresh JVM: only the injected delay may outlast it
    dispatcher.dispatch(new Delivery("sre", notification("Warmup"), List.of(), null));
    scheduler.advance(Duration.ZERO);
    simulator.clear();
    events.sent().clear();
    events.retries().clear();
    dispatcher = dispatcher(Duration.ofMillis(300));
    simulator.failNext(1, Fault.busy());
    simulator.failNext(1, Fault.delay(Duration.ofMillis(900)));
    dispatcher.dispatch(delivery("Disk"));

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind)
        .containsExactly(FailureKind.SERVER_ERROR, FailureKind.NETWORK_ERROR);
    assertThat(simulator.received("sre")).filteredOn(m -> m.msgType().equals("markdown"))
        .extracting(m -> m.text().contains("Disk")).containsOnly(true);
  }

  @Test
  void aThrottledRobotWaitsOutTheMinuteThenSendsTheBacklogAsOneDigest() {
    simulator.failNext(1, Fault.throttled());
    dispatcher.dispatch(delivery("First"));
    scheduler.advance(Duration.ZERO);
    IntStream.range(0, 6).forEach(i -> dispatcher.dispatch(delivery("Queued" + i)));

    scheduler.advance(Duration.ofSeconds(59));
    assertThat(simulator.received("sre")).isEmpty();
    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::delay).containsExactly(Duration.ofSeconds(60));

    scheduler.advance(Duration.ofSeconds(1));

    List<ReceivedMessage> got = simulator.received("sre");
    assertThat(got).extracting(ReceivedMessage::msgType).containsExactly("markdown", "text", "markdown", "text");
    assertThat(got.get(0).text()).contains("First");
    assertThat(got.get(2).text()).contains("merges 6 groups");
    IntStream.range(0, 6).forEach(i -> assertThat(got.get(2).text()).contains("Queued" + i));
  }

  @Test
  void anUnknownKeyIsPermanentNotRetriedAndReportedWithoutTheKey() {
    String webhook = robot.webhook().reveal();
    robot = new Robot("gone", "wecom", Secret.of(webhook.substring(0, webhook.length() - 4) + "dead"), null, null);
    dispatcher = dispatcher(Duration.ofSeconds(5));
    dispatcher.dispatch(new Delivery("gone", notification("Disk"), List.of(), null));
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(events.failed()).hasSize(1);
    SendResult.Permanent result = (SendResult.Permanent) events.failed().get(0).result();
    assertThat(result.kind()).isEqualTo(FailureKind.INVALID_ROBOT);
    assertThat(result.code()).isEqualTo("93000");
    assertThat(events.retries()).isEmpty();
    String key = webhook.replaceAll(".*key=", "");
    assertThat(events.failed().get(0).toString()).doesNotContain(key).doesNotContain(key.substring(0, key.length() - 4));
  }

  private Delivery delivery(String alertname) {
    Contact alice = new Contact("alice", "Alice", null, null, Map.of("wecom", Map.of("userId", "alice.wang")));
    Contact bob = new Contact("bob", "Bob", "+86 138 0000 0001", null, Map.of());
    WeComProvider provider = new WeComProvider();
    Mention a = Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice", provider.resolve(alice).identity());
    Mention b = Mention.resolved(MentionTarget.contact("bob"), "bob", "Bob", provider.resolve(bob).identity());
    assertThat(b.identity()).isEqualTo(new Identity("mobile", "13800000001"));
    return new Delivery("sre", notification(alertname), List.of(a, b), null);
  }

  private Notification notification(String alertname) {
    Alert alert = Alert.firing(Map.of("alertname", alertname, "severity", "critical"))
        .annotation("summary", alertname + " is on fire").startsAt(clock.instant()).build();
    return Notification.of("payments", "{}:{alertname=\"" + alertname + "\"}",
        new TreeMap<>(Map.of("alertname", alertname)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(),
        List.of(), clock.instant());
  }

}
