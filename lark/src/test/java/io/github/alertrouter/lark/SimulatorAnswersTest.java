package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.time.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LarkSimulator}'s answers, raw bodies included, as this client classifies them: kind,
 * retryability, code and the exact detail. The client tells 9499 apart by its text, so an answer
 * worded otherwise than Lark's ("Bad Request") shows up here as a wrong detail.
 */
class SimulatorAnswersTest {
  private static final String CARD_WITH_ALL = "{\"msg_type\":\"interactive\",\"card\":{\"elements\":[{\"tag\":\"div\","
      + "\"text\":{\"tag\":\"lark_md\",\"content\":\"disk <at id=all></at>\"}}]}}";
  private static final String BAD_HREF = "{\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":{\"content\":"
      + "[[{\"tag\":\"a\",\"text\":\"x\",\"href\":\"javascript:1\"}]]}}}}";

  private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1700000000L));
  private final LarkSimulator simulator = LarkSimulator.start(clock);

  @AfterEach
  void stop() {
    simulator.close();
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("malformed JSON", "{", null,
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "9499", "Bad Request")),
        Arguments.of("not an object", "[1]", null,
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "9499", "Bad Request")),
        Arguments.of("invalid href", BAD_HREF, null,
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "9499", "fail to parse content")),
        Arguments.of("unknown msg_type", "{\"msg_type\":\"markdown\"}", null,
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "19002", "param invalid: msg_type")),
        Arguments.of("body over 20,000 bytes",
            "{\"msg_type\":\"text\",\"content\":{\"text\":\"" + "x".repeat(20001) + "\"}}", null,
            new SendResult.Permanent(FailureKind.TOO_LONG, "19036", "The message exceeds the size limit of 30KB")),
        Arguments.of("@all in a group that forbids it", CARD_WITH_ALL, null,
            new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11235",
                "group allows only admins to @all: this group is set to only admin can mention @All")),
        Arguments.of("fault: 9499 too many request", "{}", LarkSimulator.tooManyRequests(),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "9499", "too many request", null)),
        Arguments.of("fault: 11232 throttled", "{}", Fault.throttled(),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "11232", "frequency limited", null)),
        Arguments.of("fault: HTTP 429 gateway limit", "{}", LarkSimulator.frequencyLimit(),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "99991400", "request trigger frequency limit", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void classifies(String name, String body, Fault fault, SendResult expected) throws IOException {
    Robot robot = simulator.robot("r", null);
    simulator.forbidAtAll("r");
    if (fault != null) {
      simulator.failNext(1, fault);
    }
    // raw bytes: the client itself never sends a body that is not a JSON object
    Transport.Response response = Transport.http11(Duration.ofSeconds(2)).post(URI.create(robot.webhook().reveal()),
        Map.of("Content-Type", "application/json; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

    SendResult result = new LarkClient(robot, new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock,
        Duration.ofSeconds(5))).classify(response);

    assertThat(result).isEqualTo(expected);
  }
}
