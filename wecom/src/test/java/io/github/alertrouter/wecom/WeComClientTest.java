package io.github.alertrouter.wecom;

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
class WeComClientTest {
  private static final String KEY = "693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1700000000012L), ZoneOffset.UTC);
  private static final String BODY = "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"## 磁盘满 db-7 🔥\"}}";
  private static final String MORE = ", more info at https://open.work.weixin.qq.com/devtool/query?e=";

  @StartStop final MockWebServer server = new MockWebServer();

  private Robot robot() {
    return new Robot("ops", "wecom", Secret.of(server.url("/cgi-bin/webhook/send").toString() + "?key=" + KEY), null, null);
  }

  private SendResult send(Robot robot, Duration timeout) {
    ClientContext context = new ClientContext(Transport.http11(Duration.ofSeconds(2)), CLOCK, timeout);
    return new WeComProvider().client(robot, context).send(new OutboundMessage("markdown", BODY, List.of()));
  }

  private SendResult send(Robot robot) {
    return send(robot, Duration.ofSeconds(5));
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  @Test
  void postsTheBodyAsUtf8JsonToTheWebhookAsIs() throws Exception {
    answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    assertThat(send(robot())).isEqualTo(SendResult.sent());

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/cgi-bin/webhook/send?key=" + KEY); // no signing parameters
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getBody().toByteArray()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("HTTP 200 with errcode 0", 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", SendResult.sent()),
        Arguments.of("errcode 0 under HTTP 400 is not success", 400, "{\"errcode\":0,\"errmsg\":\"ok\"}",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 400", "{\"errcode\":0,\"errmsg\":\"ok\"}")),
        Arguments.of("HTTP 200 with a non-zero errcode is a failure", 200,
            "{\"errcode\":93000,\"errmsg\":\"invalid webhook url" + MORE + "93000\"}",
            new SendResult.Permanent(FailureKind.INVALID_ROBOT, "93000", "invalid webhook url" + MORE + "93000")),
        Arguments.of("rate limited: wait out the minute", 200,
            "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}",
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "45009", "api freq out of limit", Duration.ofSeconds(60))),
        Arguments.of("system busy", 200, "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "-1", "system busy", null)),
        Arguments.of("too long", 200, "{\"errcode\":40058,\"errmsg\":\"content exceed max length 4096\"}",
            new SendResult.Permanent(FailureKind.TOO_LONG, "40058", "content exceed max length 4096")),
        Arguments.of("wrong json format", 200,
            "{\"errcode\":40035,\"errmsg\":\"Warning: wrong json format. invalid parameter\"}",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "40035", "Warning: wrong json format. invalid parameter")),
        Arguments.of("HTTP 503", 503, "upstream down",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "upstream down", null)),
        Arguments.of("HTTP 502 with a JSON body is still a server error", 502, "{\"errcode\":0}",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 502", "{\"errcode\":0}", null)),
        Arguments.of("HTTP 404 without a WeCom body", 404, "<html>not found</html>",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 404", "<html>not found</html>")),
        Arguments.of("HTTP 200 that is not JSON", 200, "<html>captive portal</html>",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a WeCom answer: <html>captive portal</html>")),
        Arguments.of("HTTP 200 JSON without errcode", 200, "{\"ok\":true}",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a WeCom answer: {\"ok\":true}")),
        Arguments.of("HTTP 200 with an empty body", 200, "",
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a WeCom answer: ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void classifiesTheAnswer(String name, int status, String body, SendResult expected) {
    answer(status, body);

    assertThat(send(robot())).isEqualTo(expected);
  }

  @Test
  void aSlowAnswerTimesOutAsARetryableNetworkError() {
    // the one real-time wait in this module: the JDK client's timeout cannot run on virtual time
    server.enqueue(new MockResponse.Builder().body("{\"errcode\":0,\"errmsg\":\"ok\"}")
        .headersDelay(600, TimeUnit.MILLISECONDS).build());

    SendResult result = send(robot(), Duration.ofMillis(150));

    assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class, r -> {
      assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR);
      assertThat(r.code()).isEqualTo("HttpTimeoutException");
    });
  }

  @Test
  void aRefusedConnectionIsARetryableNetworkError() throws IOException {
    Robot robot = robot();
    server.close();

    assertThat(send(robot)).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
  }

  @Test
  void noResultDetailCarriesTheKey() {
    // a gateway that echoes the request line (or the bare key) back must not leak it into results
    Robot robot = robot();
    String echo = "bad request " + robot.webhook().reveal() + " key was " + KEY;
    answer(200, "{\"errcode\":-1,\"errmsg\":\"" + echo + "\"}");
    answer(503, echo);
    answer(404, echo);
    answer(200, echo);

    for (int i = 0; i < 4; i++) {
      assertThat(send(robot).toString()).doesNotContain(KEY).doesNotContain("7aaa-4bc4");
    }
  }

  @Test
  void transportExceptionsDoNotLeakTheKeyEither() {
    Robot robot = robot();
    Transport careless = (uri, headers, body, timeout) -> {
      throw new IOException("cannot reach " + uri);
    };
    ClientContext context = new ClientContext(careless, CLOCK, Duration.ofSeconds(1));

    SendResult result = new WeComProvider().client(robot, context).send(new OutboundMessage("markdown", BODY, List.of()));

    assertThat(result).isInstanceOf(SendResult.Retryable.class);
    assertThat(result.toString()).contains("cannot reach").doesNotContain(KEY);
  }

  @Test
  void anInvalidWebhookIsAPermanentInvalidRobotWithoutTheKey() {
    Robot robot = new Robot("ops", "wecom", Secret.of("http://h/cgi-bin/webhook/send?key=" + KEY + " x"), null, null);
    ClientContext context = new ClientContext(Transport.http11(Duration.ofSeconds(1)), CLOCK, Duration.ofSeconds(1));

    SendResult result = new WeComProvider().client(robot, context).send(new OutboundMessage("markdown", BODY, List.of()));

    assertThat(result).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.INVALID_ROBOT));
    assertThat(result.toString()).doesNotContain(KEY);
  }
}
