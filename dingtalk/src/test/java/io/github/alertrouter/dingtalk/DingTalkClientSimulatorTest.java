package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against {@link DingTalkSimulator}: signing, classification and the rate-limit penalty end to end. */
class DingTalkClientSimulatorTest {
  private static final String SECRET = "SECc1ient0000000000000000000000000000000000000000000000000000000";

  private final ManualClock clock = new ManualClock();
  private final DingTalkSimulator sim = DingTalkSimulator.start(clock);
  private final ClientContext context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, Duration.ofSeconds(5));

  @AfterEach
  void close() {
    sim.close();
  }

  private SendResult send(Robot robot, String content) {
    String body = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
    return new DingTalkProvider().client(robot, context).send(new OutboundMessage("text", body, List.of()));
  }

  @Test
  void aSignedRobotAcceptsTheSignersRequestsAsTheClockMoves() {
    Robot robot = sim.robot("signed", SECRET);

    assertThat(send(robot, "first")).isEqualTo(SendResult.sent());
    clock.advance(Duration.ofHours(5)); // a stale signature would now be refused: the client re-signs
    assertThat(send(robot, "later")).isEqualTo(SendResult.sent());

    assertThat(sim.received("signed")).extracting(m -> m.text()).containsExactly("first", "later");
  }

  @Test
  void theWrongSecretIsAPermanentSignatureRejection() {
    Robot good = sim.robot("signed", SECRET);
    Robot wrong = new Robot(good.id(), good.platform(), good.webhook(), Secret.of(SECRET + "x"), null);

    assertThat(send(wrong, "x")).isEqualTo(
        new SendResult.Permanent(FailureKind.SIGNATURE_REJECTED, "310000", "sign not match"));
  }

  @Test
  void aMissingKeywordIsAPermanentKeywordRejection() {
    Robot robot = sim.robot("kw", null, "ALERT");

    assertThat(send(robot, "ALERT disk full").isSent()).isTrue();
    assertThat(send(robot, "disk full")).isEqualTo(
        new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "310000", "keywords not in content"));
  }

  @Test
  void anUnknownTokenIsAPermanentInvalidRobot() {
    Robot robot = new Robot("gone", "dingtalk", Secret.of(sim.baseUrl() + "/robot/send?access_token=gone"), null, null);

    assertThat(send(robot, "x")).isEqualTo(
        new SendResult.Permanent(FailureKind.INVALID_ROBOT, "300005", "token is not exist"));
  }

  @Test
  void aBodyOverTheLimitIsPermanentTooLong() {
    assertThat(send(sim.robot("r", null), "x".repeat(20000))).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.TOO_LONG));
  }

  @Test
  void theTwentyFirstMessageIsRetryableAfterTheTenMinutePenalty() {
    Robot robot = sim.robot("busy", SECRET);
    for (int i = 0; i < 20; i++) {
      assertThat(send(robot, "m" + i).isSent()).isTrue();
    }

    SendResult throttled = send(robot, "21st");

    assertThat(throttled).isInstanceOfSatisfying(SendResult.Retryable.class, r -> {
      assertThat(r.kind()).isEqualTo(FailureKind.RATE_LIMITED);
      assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(10));
    });
    clock.advance(((SendResult.Retryable) throttled).retryAfter());
    assertThat(send(robot, "after the penalty").isSent()).isTrue();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("HTTP 503", Fault.httpStatus(503),
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "simulated HTTP 503", null)),
        Arguments.of("system busy", Fault.busy(), new SendResult.Retryable(FailureKind.SERVER_ERROR, "-1", "系统繁忙", null)),
        Arguments.of("throttled", Fault.throttled(), new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100",
            "send too fast, exceed 20 times per minute", Duration.ofMinutes(10))),
        Arguments.of("anti-abuse", DingTalkSimulator.antiAbuse(7), new SendResult.Retryable(FailureKind.RATE_LIMITED,
            "status 1111", "{\"status\":1111,\"wait\":7,\"punish\":\"deny\",\"msg\":\"simulated anti-abuse\"}",
            Duration.ofSeconds(7))),
        Arguments.of("moderation", Fault.errorCode(430101, "含有不安全的外链"),
            new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "430101", "含有不安全的外链")),
        Arguments.of("quota", Fault.errorCode(90030, "webhook over limit"),
            new SendResult.Permanent(FailureKind.QUOTA_EXCEEDED, "90030", "webhook over limit")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void classifiesInjectedFaults(String name, Fault fault, SendResult expected) {
    Robot robot = sim.robot("r", SECRET);
    sim.failNext(1, fault);

    assertThat(send(robot, "x")).isEqualTo(expected);
    assertThat(send(robot, "x").isSent()).isTrue();
  }

  @Test
  void aDelayedAnswerIsARetryableNetworkError() {
    Robot robot = sim.robot("slow", null);
    sim.failNext(1, Fault.delay(Duration.ofMillis(400)));
    ClientContext impatient = new ClientContext(Transport.http11(Duration.ofSeconds(1)), clock, Duration.ofMillis(100));

    SendResult result = new DingTalkProvider().client(robot, impatient).send(
        new OutboundMessage("text", "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}", List.of()));

    assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
    assertThat(result.toString()).doesNotContain(robot.webhook().reveal().substring(robot.webhook().reveal().indexOf('=') + 1));
  }
}
