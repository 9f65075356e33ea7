package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.DeliveryRecorder;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.LogEvent;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RecordedLogs;
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
import org.slf4j.event.Level;

/**
 * The dispatcher, the Lark module and the Lark simulator together, on virtual time: storms stay
 * under 5/s and 100/min with nothing lost, faults and every rate-limit answer are retried, and a
 * group that forbids @all (11235) still gets the alert, reported as sent without @all.
 */
class LarkDeliveryTest {
  private static final String SECRET = "lark-secret-0123456789";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-08T02:00:07Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DeliveryRecorder events = new DeliveryRecorder();
  private LarkSimulator simulator;
  private Robot robot;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    simulator = LarkSimulator.start(clock);
    Robot registered = simulator.robot("sre", SECRET, "alert");
    // split, so a digest too big for one message loses no alert
    robot = new Robot("sre", "lark", registered.webhook(), registered.secret(), registered.keyword(),
        Map.of("overflow", "split"));
    dispatcher = Dispatcher.builder()
        .robots(List.of(robot))
        .platforms(Platforms.load())
        .scheduler(scheduler)
        .clientContext(context())
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
  void aStormStaysUnderBothLimitsAndEveryAlertAndMentionArrives() {
    IntStream.range(0, 300).forEach(i -> dispatcher.dispatch(delivery("Storm" + i, alice())));
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(simulator.rejected()).isEmpty();
    List<ReceivedMessage> got = simulator.received("sre");
    // a few alone, the rest in one digest that lists them a line each (in parts if need be)
    assertThat(got.size()).isBetween(2, 100);
    String all = String.join("\n", got.stream().map(ReceivedMessage::text).toList());
    IntStream.range(0, 300).forEach(i -> assertThat(all).containsPattern("Storm" + i + "(?![0-9])"));
    // every message but the later parts of a split digest carries the mention
    assertThat(got).filteredOn(m -> !m.text().contains("**Part ") || m.text().contains("**Part 1/"))
        .isNotEmpty().allSatisfy(m -> assertThat(m.mentions()).contains("userId:u-alice"));
    assertThat(dispatcher.pending("sre")).isZero();
  }

  @Test
  void serverErrorsThrottlingAndTooManyRequestAreRetriedUntilDelivered() {
    simulator.failNext(1, Fault.httpStatus(503));
    simulator.failNext(1, Fault.throttled());
    simulator.failNext(1, LarkSimulator.tooManyRequests());
    dispatcher.dispatch(delivery("Disk", alice()));

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(
        FailureKind.SERVER_ERROR, FailureKind.RATE_LIMITED, FailureKind.RATE_LIMITED);
    assertThat(simulator.received("sre")).hasSize(1);
    assertThat(events.sent()).extracting(DeliveryEvent::attempt).containsExactly(4);
  }

  @Test
  void larksOtherRateLimitAnswersAreRetriedToo() {
    simulator.failNext(1, Fault.errorCode(11233, "create message chat trigger rate limit"));
    simulator.failNext(1, Fault.errorCode(11247, "internal send message trigger rate limit"));
    simulator.failNext(1, LarkSimulator.frequencyLimit()); // HTTP 429
    dispatcher.dispatch(delivery("Disk", alice()));

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::kind).containsExactly(
        FailureKind.RATE_LIMITED, FailureKind.RATE_LIMITED, FailureKind.RATE_LIMITED);
    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::code).containsExactly("11233", "11247", "99991400");
    assertThat(simulator.received("sre")).hasSize(1);
    assertThat(events.failed()).isEmpty();
  }

  @Test
  void aGroupThatForbidsAtAllStillGetsTheAlertWithoutItAndTheEventSaysNobodyWasPagedByAtAll() {
    simulator.forbidAtAll("sre");
    dispatcher.dispatch(delivery("Disk", alice(), everyone()));

    scheduler.advance(Duration.ofSeconds(10));

    assertThat(simulator.rejected()).extracting(r -> r.code() + " " + r.message())
        .containsExactly("11235 this group is set to only admin can mention @All");
    List<ReceivedMessage> got = simulator.received("sre");
    assertThat(got).hasSize(1);
    assertThat(got.get(0).mentions()).containsExactly("userId:u-alice").doesNotContain("all");
    assertThat(got.get(0).text()).contains("Disk").contains("@all (not allowed in this group)");
    assertThat(events.retries()).isEmpty();
    // the SENT event names who was really @-ed, and who was not and why
    assertThat(events.sent()).singleElement().satisfies(e -> {
      assertThat(e.mentions()).containsExactly(alice()).noneMatch(Mention::isAll);
      assertThat(e.withheld()).containsExactly(everyone());
      assertThat(e.withheldNote()).isEqualTo("group allows only admins to @all (11235)");
      assertThat(e.result()).isEqualTo(new SendResult.Sent(List.of(everyone()), e.withheldNote()));
    });
    // and so does the log, as a warning: whoever expected to be paged by @all was not
    assertThat(RecordedLogs.atLeast(Level.WARN)).extracting(LogEvent::message)
        .anySatisfy(m -> assertThat(m).startsWith("robot sre (lark): sent message 1/1 for payments group ")
            .endsWith("1 mentions), but without mentioning all: group allows only admins to @all (11235)"));
  }

  @Test
  void aMessageWithAtAllThatModerationRefusesFailsWithoutAReSend() {
    simulator.failNext(1, Fault.errorCode(11248, "message is sensitive"));
    dispatcher.dispatch(delivery("Disk", alice(), everyone()));

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(simulator.rejected()).extracting(r -> r.code()).containsExactly("11248");
    assertThat(simulator.received("sre")).isEmpty();
    assertThat(events.sent()).isEmpty();
    assertThat(events.failed()).singleElement().satisfies(e -> {
      assertThat(e.result()).isEqualTo(new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11248",
          "Lark found the content sensitive: message is sensitive"));
      assertThat(e.mentions()).containsExactly(alice(), everyone());
    });
  }

  @Test
  void whenTheMessageWithoutAtAllMustWaitTheRetryEventNamesTheAtAllRefusal() {
    simulator.forbidAtAll("sre");
    // five messages accepted this second: the re-send without @all is throttled (refusals do not count)
    LarkClient direct = new LarkClient(robot, context());
    IntStream.range(0, LarkSimulator.PER_SECOND).forEach(i -> assertThat(direct.send(new OutboundMessage("text",
        "{\"msg_type\":\"text\",\"content\":{\"text\":\"alert " + i + "\"}}", List.of())).isSent()).isTrue());
    dispatcher.dispatch(delivery("Disk", alice(), everyone()));

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(events.retries()).extracting(DeliveryRecorder.Retry::detail).singleElement().asString()
        .startsWith("re-sent without @all after 11235 (group allows only admins to @all: ")
        .endsWith("then: frequency limited");
    assertThat(simulator.rejected()).extracting(r -> r.code()).containsExactly("11235", "11232", "11235");
    assertThat(simulator.received("sre")).hasSize(LarkSimulator.PER_SECOND + 1)
        .last().satisfies(m -> assertThat(m.text()).contains("@all (not allowed in this group)"));
    assertThat(events.sent()).extracting(DeliveryEvent::attempt).containsExactly(2);
    assertThat(events.sent()).singleElement().satisfies(e -> assertThat(e.withheld()).containsExactly(everyone()));
  }

  @Test
  void aMissingKeywordIsPermanentAndReportedWithoutSecrets() {
    Robot quiet = simulator.robot("quiet", SECRET, "告警");
    Robot forgot = new Robot("quiet", "lark", quiet.webhook(), quiet.secret(), null, Map.of());
    Dispatcher d = Dispatcher.builder().robots(List.of(forgot)).platforms(Platforms.load()).scheduler(scheduler)
        .clientContext(new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5)))
        .listener(events).build();
    d.dispatch(new Delivery("quiet", notification("Disk"), List.of(), null));
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.failed()).hasSize(1);
    SendResult.Permanent result = (SendResult.Permanent) events.failed().get(0).result();
    assertThat(result.kind()).isEqualTo(FailureKind.KEYWORD_REJECTED);
    assertThat(result.code()).isEqualTo("19024");
    String token = quiet.webhook().reveal().replaceAll(".*/hook/", "");
    assertThat(events.failed().get(0).toString()).doesNotContain(token).doesNotContain(SECRET);
  }

  private ClientContext context() {
    return new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5));
  }

  private static Mention alice() {
    Contact alice = new Contact("alice", "Alice", null, null, Map.of("lark", Map.of("userId", "u-alice")));
    return Mention.resolved(MentionTarget.contact("alice"), "alice", "Alice", new LarkProvider().resolve(alice).identity());
  }

  private static Mention everyone() {
    return Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
  }

  private Delivery delivery(String alertname, Mention... mentions) {
    return new Delivery("sre", notification(alertname), List.of(mentions), null);
  }

  private Notification notification(String alertname) {
    Alert alert = Alert.firing(Map.of("alertname", alertname, "severity", "critical"))
        .annotation("summary", alertname + " is on fire").startsAt(clock.instant()).build();
    return Notification.of("payments", "{}:{alertname=\"" + alertname + "\"}",
        new TreeMap<>(Map.of("alertname", alertname)), NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(),
        List.of(), clock.instant());
  }

}
