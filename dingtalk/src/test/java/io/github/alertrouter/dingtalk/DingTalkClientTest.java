package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Raw exchanges with a scripted server: what goes on the wire and how each answer is classified. */
class DingTalkClientTest {
  private static final String TOKEN = "tok3nVerySecret42";
  private static final String SECRET = "SEC000000000000000000000000000000000000000000000000000000000000000";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1700000000012L), ZoneOffset.UTC);
  private static final String BODY = "{\"msgtype\":\"text\",\"text\":{\"content\":\"磁盘满 db-7 🔥\"}}";

  @StartStop final MockWebServer server = new MockWebServer();

  private Robot robot(Secret secret) {
    String webhook = server.url("/robot/send").toString() + "?access_token=" + TOKEN;
    return new Robot("ops", "dingtalk", Secret.of(webhook), secret, null);
  }

  private SendResult send(Robot robot, Duration timeout) {
    ClientContext context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), CLOCK, timeout);
    return new DingTalkProvider().client(robot, context).send(new OutboundMessage("text", BODY, List.of()));
  }

  private SendResult send(Robot robot) {
    return send(robot, Duration.ofSeconds(5));
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  @Test
  void postsTheBodyAsUtf8JsonWithTheSignatureInTheQuery() throws Exception {
    answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    assertThat(send(robot(Secret.of(SECRET)))).isEqualTo(SendResult.sent());

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    // exactly as written: encoded once, so + / = travel as %2B %2F %3D and never as %252B
    assertThat(request.getTarget()).isEqualTo("/robot/send?access_token=" + TOKEN
        + "&timestamp=1700000000012&sign=5GlV8OB1zl5NnqOOxkUmhykXDpH%2B32R%2F8f7jGFN6ZRY%3D");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getBody().toByteArray()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anUnsignedRobotSendsTheWebhookAsIs() throws Exception {
    answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    assertThat(send(robot(null)).isSent()).isTrue();

    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/robot/send?access_token=" + TOKEN);
  }

  @Test
  void signsEveryRequestAfreshFromTheClock() throws Exception {
    answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    Robot robot = robot(Secret.of(SECRET));
    Transport transport = Transport.http11(Duration.ofSeconds(2));

    new DingTalkProvider().client(robot, new ClientContext(transport, Clock.fixed(Instant.ofEpochMilli(1700000000000L),
        ZoneOffset.UTC), Duration.ofSeconds(5))).send(new OutboundMessage("text", BODY, List.of()));
    new DingTalkProvider().client(robot, new ClientContext(transport, CLOCK, Duration.ofSeconds(5)))
        .send(new OutboundMessage("text", BODY, List.of()));

    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget())
        .endsWith("timestamp=1700000000000&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D");
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).contains("timestamp=1700000000012&");
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("HTTP 200 with errcode 0", 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", SendResult.sent()),
        Arguments.of("HTTP 200 with a non-zero errcode is a failure", 200,
            "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}",
            new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "310000", "keywords not in content")),
        Arguments.of("HTTP 200, rate limited", 200,
            "{\"errcode\":410100,\"errmsg\":\"send too fast, exceed 20 times per minute\"}",
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100",
                "send too fast, exceed 20 times per minute", Duration.ofMinutes(10))),
        Arguments.of("HTTP 200, system busy", 200, "{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "-1", "系统繁忙", null)),
        Arguments.of("anti-abuse gateway body", 200, "{\"status\":1111,\"wait\":5,\"punish\":\"deny\"}",
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "status 1111",
                "{\"status\":1111,\"wait\":5,\"punish\":\"deny\"}", Duration.ofSeconds(5))),
        Arguments.of("HTTP 503", 503, "upstream down",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "upstream down", null)),
        Arguments.of("HTTP 429", 429, "",
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "", null)),
        Arguments.of("HTTP 404 without a DingTalk body", 404, "<html>not found</html>",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 404", "<html>not found</html>")),
        Arguments.of("HTTP 400 with an errcode body is classified by the code", 400,
            "{\"errcode\":400105,\"errmsg\":\"not supported msgtype\"}",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "400105", "not supported msgtype")),
        Arguments.of("HTTP 200 that is not JSON", 200, "<html>captive portal</html>",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200",
                "not a DingTalk answer: <html>captive portal</html>")),
        Arguments.of("HTTP 200 JSON without errcode", 200, "{\"ok\":true}",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a DingTalk answer: {\"ok\":true}")),
        Arguments.of("HTTP 200 with an empty body", 200, "",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a DingTalk answer: ")),
        Arguments.of("HTTP 302 is not followed", 302, "",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 302", "not a DingTalk answer: ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void classifiesTheAnswer(String name, int status, String body, SendResult expected) {
    answer(status, body);

    assertThat(send(robot(Secret.of(SECRET)))).isEqualTo(expected);
  }

  @Test
  void http429HonoursRetryAfterSeconds() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());

    assertThat(send(robot(Secret.of(SECRET))))
        .isEqualTo(new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "", Duration.ofSeconds(7)));
  }

  @Test
  void aSlowAnswerTimesOutAsARetryableNetworkError() {
    // the one real-time wait in this module: the JDK client's timeout cannot run on virtual time
    server.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}")
        .headersDelay(600, TimeUnit.MILLISECONDS).build());

    SendResult result = send(robot(Secret.of(SECRET)), Duration.ofMillis(150));

    assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class, r -> {
      assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR);
      assertThat(r.code()).isEqualTo("HttpTimeoutException");
    });
  }

  @Test
  void aRefusedConnectionIsARetryableNetworkError() throws IOException {
    Robot robot = robot(Secret.of(SECRET));
    server.close();

    assertThat(send(robot)).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
  }

  @Test
  void noResultDetailCarriesTheTokenOrTheSecret() {
    // a proxy or gateway that echoes the request line back must not leak it into results
    Robot robot = robot(Secret.of(SECRET));
    String echo = "bad request " + robot.webhook().reveal() + "&sign=abc secret=" + SECRET;
    answer(200, "{\"errcode\":-1,\"errmsg\":\"" + echo + "\"}");
    answer(503, echo);
    answer(404, echo);
    answer(200, echo);

    for (int i = 0; i < 4; i++) {
      assertThat(send(robot).toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("abc");
    }
  }

  @Test
  void transportExceptionsDoNotLeakTheTokenEither() {
    Robot robot = robot(Secret.of(SECRET));
    Transport careless = (uri, headers, body, timeout) -> {
      throw new IOException("cannot reach " + uri);
    };
    ClientContext context = new ClientContext(careless, CLOCK, Duration.ofSeconds(1));

    SendResult result = new DingTalkProvider().client(robot, context).send(new OutboundMessage("text", BODY, List.of()));

    assertThat(result).isInstanceOf(SendResult.Retryable.class);
    assertThat(result.toString()).contains("cannot reach").doesNotContain(TOKEN).doesNotContain("5GlV8OB1");
  }

  @Test
  void anInvalidWebhookIsAPermanentInvalidRobotWithoutTheToken() {
    Robot robot = new Robot("ops", "dingtalk", Secret.of("http://h/robot/send?access_token=" + TOKEN + " x"),
        null, null);
    ClientContext context = new ClientContext(Transport.http11(Duration.ofSeconds(1)), CLOCK, Duration.ofSeconds(1));

    SendResult result = new DingTalkProvider().client(robot, context).send(new OutboundMessage("text", BODY, List.of()));

    assertThat(result).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.INVALID_ROBOT));
    assertThat(result.toString()).doesNotContain(TOKEN);
  }
}
