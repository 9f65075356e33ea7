package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw exchanges with a scripted server: what goes on the wire and how each answer is classified. */
class LarkClientTest {
  private static final String TOKEN = "tok3n-very-secret-42";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1700000000L), ZoneOffset.UTC);
  private static final String BODY = "{\"msg_type\":\"text\",\"content\":{\"text\":\"磁盘满 db-7 🔥\"}}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AT_ALL_REFUSED =
      "{\"code\":11235,\"data\":{},\"msg\":\"this group is set to only admin can mention @All\"}";
  private static final String TEXT_WITH_ALL =
      "{\"msg_type\":\"text\",\"content\":{\"text\":\"disk <at user_id=\\\"all\\\">所有人</at>\"}}";

  @StartStop final MockWebServer server = new MockWebServer();

  private Robot robot(String secret) {
    return new Robot("ops", "lark", Secret.of(server.url("/open-apis/bot/v2/hook/" + TOKEN).toString()),
        secret == null ? null : Secret.of(secret), null);
  }

  private SendResult send(Robot robot, OutboundMessage message) {
    return new LarkClient(robot, new ClientContext(Transport.http11(Duration.ofSeconds(2)), CLOCK, Duration.ofSeconds(5)))
        .send(message);
  }

  private SendResult send(Robot robot) {
    return send(robot, new OutboundMessage("text", BODY, List.of()));
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  @Test
  void signsInTheBodyWithSecondsAndNoUrlEncoding() throws Exception {
    answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");

    assertThat(send(robot("demo-secret"))).isEqualTo(SendResult.sent());

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getTarget()).isEqualTo("/open-apis/bot/v2/hook/" + TOKEN);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    String sent = request.getBody().utf8();
    assertThat(sent).contains("\"timestamp\":\"1700000000\",\"sign\":\"mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=\"")
        .doesNotContain("%2B").contains("磁盘满 db-7 🔥");
  }

  @Test
  void anUnsignedRobotSendsTheBodyAsIs() throws Exception {
    answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
    assertThat(send(robot(null)).isSent()).isTrue();
    assertThat(JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())).isEqualTo(JSON.readTree(BODY));
  }

  @Test
  void http400With9499TooManyRequestIsARetryableRateLimit() {
    answer(400, "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}");
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Retryable.class, r -> {
      assertThat(r.kind()).isEqualTo(FailureKind.RATE_LIMITED);
      assertThat(r.code()).isEqualTo("9499");
    });
  }

  @Test
  void http400With9499BadRequestIsPermanent() {
    answer(400, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.BAD_REQUEST));
  }

  @Test
  void http429IsARetryableRateLimitWhateverTheBodyAndHonoursRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("slow down").build());
    assertThat(send(robot(null))).isEqualTo(
        new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "slow down", Duration.ofSeconds(7)));
    // a code that would be permanent on its own does not outrank the status
    answer(429, "{\"code\":19021,\"msg\":\"sign match fail\"}");
    assertThat(send(robot(null))).isEqualTo(
        new SendResult.Retryable(FailureKind.RATE_LIMITED, "19021", "sign match fail", null));
  }

  @Test
  void theGatewaysFrequencyLimitWaitsForItsResetHeaderWithHttp429Or400() {
    // the frequency-control guide's example answer, header included
    server.enqueue(new MockResponse.Builder().code(429).addHeader("x-ogw-ratelimit-limit", "100")
        .addHeader("x-ogw-ratelimit-reset", "52")
        .body("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}").build());
    assertThat(send(robot(null))).isEqualTo(new SendResult.Retryable(
        FailureKind.RATE_LIMITED, "99991400", "request trigger frequency limit", Duration.ofSeconds(52)));
    // "some older versions of OpenAPIs" answer it with HTTP 400; Retry-After wins over the reset header
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Retry-After", "3")
        .addHeader("x-ogw-ratelimit-reset", "52")
        .body("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}").build());
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void larksOwnRateLimitCodesAreRetryableAndHonourAWaitWhenGiven() {
    answer(200, "{\"code\":11233,\"data\":{},\"msg\":\"create message chat trigger rate limit\"}");
    assertThat(send(robot(null))).isEqualTo(new SendResult.Retryable(
        FailureKind.RATE_LIMITED, "11233", "create message chat trigger rate limit", null));
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Retry-After", "2")
        .body("{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}").build());
    assertThat(send(robot(null))).isEqualTo(new SendResult.Retryable(
        FailureKind.RATE_LIMITED, "9499", "too many request", Duration.ofSeconds(2)));
  }

  @Test
  void aWaitHeaderOnAPermanentAnswerChangesNothing() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Retry-After", "9")
        .body("{\"code\":19024,\"msg\":\"Key Words Not Found\"}").build());
    assertThat(send(robot(null))).isEqualTo(
        new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "19024", "Key Words Not Found"));
  }

  @Test
  void legacyStatusCodeCountsWhenCodeIsAbsent() {
    answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}");
    assertThat(send(robot(null)).isSent()).isTrue();
    answer(200, "{\"StatusCode\":19021,\"StatusMessage\":\"sign match fail\"}");
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.SIGNATURE_REJECTED));
  }

  @Test
  void aBareHttp200IsNotSuccessAnd5xxIsRetryable() {
    answer(200, "<html>ok</html>");
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.UNKNOWN));
    answer(502, "bad gateway");
    assertThat(send(robot(null))).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.SERVER_ERROR));
  }

  @Test
  void noAnswerIsARetryableNetworkError() throws Exception {
    Robot robot = robot(null);
    server.close();
    assertThat(send(robot)).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
  }

  @Test
  void detailsNeverCarryTheToken() {
    answer(200, "{\"code\":19001,\"msg\":\"token invalid: /open-apis/bot/v2/hook/" + TOKEN + "\"}");
    SendResult r = send(robot(null));
    assertThat(r).isInstanceOfSatisfying(SendResult.Permanent.class,
        p -> assertThat(p.kind()).isEqualTo(FailureKind.INVALID_ROBOT));
    assertThat(r.toString()).doesNotContain(TOKEN);
  }

  @Test
  void anAtAllRefusalIsResentWithoutAtAllAndTheSecondAnswerIsTheResult() throws Exception {
    String card = "{\"msg_type\":\"interactive\",\"card\":{\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\","
        + "\"content\":\"disk &#60;at id=all&#62; <at id=u1></at> <at id=all></at>\"}}]}}";
    Mention all = Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
    answer(400, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
    answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");

    // 9499 is not the documented @all code, so the note says what was seen rather than why
    assertThat(send(robot("demo-secret"), new OutboundMessage("interactive", card, List.of(all)))).isEqualTo(
        new SendResult.Sent(List.of(all), "refused with @all, accepted without it: 9499 (Bad Request)"));

    server.takeRequest(1, TimeUnit.SECONDS);
    JsonNode second = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
    assertThat(second.at("/card/elements/0/text/content").asText())
        .isEqualTo("disk &#60;at id=all&#62; <at id=u1></at> @all (not allowed in this group)");
    assertThat(second.has("sign")).isTrue();
  }

  @Test
  void code11235IsResentWithoutAtAll() throws Exception {
    answer(200, AT_ALL_REFUSED);
    answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");

    Mention alice = Fixtures.userId("Alice", "u-alice");
    OutboundMessage message = new OutboundMessage("text", TEXT_WITH_ALL, List.of(alice, Fixtures.all()));
    SendResult result = send(robot(null), message);

    // sent, but @all did not fire: the result withholds it and says why
    assertThat(result).isEqualTo(
        new SendResult.Sent(List.of(Fixtures.all()), "group allows only admins to @all (11235)"));
    assertThat(((SendResult.Sent) result).fired(message.mentions())).containsExactly(alice);

    server.takeRequest(1, TimeUnit.SECONDS);
    JsonNode second = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
    assertThat(second.at("/content/text").asText()).isEqualTo("disk @all (not allowed in this group)");
  }

  @Test
  void whenTheResentMessageFailsTooTheResultNamesBothCauses() {
    answer(200, AT_ALL_REFUSED);
    answer(200, "{\"code\":19036,\"data\":{},\"msg\":\"The message exceeds the size limit of 30KB\"}");

    assertThat(send(robot(null), new OutboundMessage("text", TEXT_WITH_ALL, List.of(Fixtures.all()))))
        .isEqualTo(new SendResult.Permanent(FailureKind.TOO_LONG, "19036", "re-sent without @all after 11235 "
            + "(group allows only admins to @all: this group is set to only admin can mention @All); then: "
            + "The message exceeds the size limit of 30KB"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void an11235ForAMessageWithNothingToStripIsReturnedNamingItsCause() {
    // the mention list says @all, but no tag the renderer writes is in the body
    String text = "{\"msg_type\":\"text\",\"content\":{\"text\":\"disk\"}}";
    answer(200, AT_ALL_REFUSED);
    assertThat(send(robot(null), new OutboundMessage("text", text, List.of(Fixtures.all())))).isEqualTo(
        new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11235",
            "group allows only admins to @all: this group is set to only admin can mention @All"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      11248 message is sensitive           | 11248 | message is sensitive
      11312 messages do not pass the audit | 11312 | messages do not pass the audit
      """)
  void aModerationRefusalOfAnAtAllMessageIsNotResentWithoutAtAll(String name, int code, String msg) {
    answer(200, "{\"code\":" + code + ",\"data\":{},\"msg\":\"" + msg + "\"}");
    assertThat(send(robot(null), new OutboundMessage("text", TEXT_WITH_ALL, List.of(Fixtures.all()))))
        .isInstanceOfSatisfying(SendResult.Permanent.class, p -> {
          assertThat(p.kind()).isEqualTo(FailureKind.CONTENT_REJECTED);
          assertThat(p.code()).isEqualTo(Integer.toString(code));
          assertThat(p.detail()).endsWith(msg).doesNotContain("@all");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void an11246ServiceInternalErrorIsRetriedLaterNotResentWithoutAtAll() {
    answer(200, "{\"code\":11246,\"data\":{},\"msg\":\"Service Internal Error\"}");
    assertThat(send(robot(null), new OutboundMessage("text", TEXT_WITH_ALL, List.of(Fixtures.all()))))
        .isInstanceOfSatisfying(SendResult.Retryable.class, r -> assertThat(r.kind()).isEqualTo(FailureKind.SERVER_ERROR));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anyOther11246OfAnAtAllMessageMayBeTheAtAllAndIsResentWithoutIt() {
    answer(200, "{\"code\":11246,\"data\":{},\"msg\":\"create message content fail\"}");
    answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
    assertThat(send(robot(null), new OutboundMessage("text", TEXT_WITH_ALL, List.of(Fixtures.all())))).isEqualTo(
        new SendResult.Sent(List.of(Fixtures.all()), "refused with @all, accepted without it: 11246 "
            + "(Lark could not create the message content: create message content fail)"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void otherRefusalsOfAnAtAllMessageAreNotResent() {
    Mention all = Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""));
    answer(200, "{\"code\":19024,\"msg\":\"Key Words Not Found\"}");
    String text = "{\"msg_type\":\"text\",\"content\":{\"text\":\"x <at user_id=\\\"all\\\">所有人</at>\"}}";
    assertThat(send(robot(null), new OutboundMessage("text", text, List.of(all))))
        .isInstanceOfSatisfying(SendResult.Permanent.class, p -> assertThat(p.kind()).isEqualTo(FailureKind.KEYWORD_REJECTED));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
