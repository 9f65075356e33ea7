package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.testkit.SimulatorHttp.assertAccepted;
import static io.github.alertrouter.testkit.SimulatorHttp.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.RejectedMessage;
import io.github.alertrouter.testkit.SimulatorHttp;
import io.github.alertrouter.time.ManualClock;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkSimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "SECsimulatortest0000000000000000000000000000000000000000000000000";

  private final ManualClock clock = new ManualClock();
  private final DingTalkSimulator sim = DingTalkSimulator.start(clock);
  private final Robot plain = sim.robot("plain", null);
  private final Robot signed = sim.robot("signed", SECRET);
  private final Robot keyword = sim.robot("keyword", null, "ALERT", "告警");

  @AfterEach
  void close() {
    sim.close();
  }

  /** A request builder for one case, given the simulator's robots. */
  private record Robots(Robot plain, Robot signed, Robot keyword, long now) {}

  static Stream<Arguments> refusals() {
    String ok = text("disk full");
    return Stream.of(
        row("GET instead of POST", 43002, "需要POST请求", r -> SimulatorHttp.send(
            HttpRequest.newBuilder(URI.create(r.plain().webhook().reveal())).GET(), Duration.ofSeconds(5))),
        row("text/plain body", 43004, "无效的HTTP HEADER Content-Type",
            r -> SimulatorHttp.post(r.plain().webhook().reveal(), "text/plain", ok)),
        row("a charset other than UTF-8", 43004, "无效的HTTP HEADER Content-Type",
            r -> SimulatorHttp.post(r.plain().webhook().reveal(), "application/json; charset=GBK", ok)),
        row("no access_token", 40035, "缺少参数 access_token",
            r -> SimulatorHttp.post(base(r.plain()) + "/robot/send", SimulatorHttp.JSON, ok)),
        row("unknown token", 300005, "token is not exist",
            r -> SimulatorHttp.post(base(r.plain()) + "/robot/send?access_token=nope", SimulatorHttp.JSON, ok)),
        row("signed robot, no timestamp", 310000, "invalid timestamp",
            r -> SimulatorHttp.post(r.signed().webhook().reveal(), SimulatorHttp.JSON, ok)),
        row("signed robot, timestamp not a number", 310000, "invalid timestamp",
            r -> SimulatorHttp.post(r.signed().webhook().reveal() + "&timestamp=soon&sign=x", SimulatorHttp.JSON, ok)),
        row("signed robot, timestamp an hour and a millisecond early", 310000, "invalid timestamp",
            r -> SimulatorHttp.post(signedUrl(r.signed(), r.now() - 3_600_001), SimulatorHttp.JSON, ok)),
        row("signed robot, timestamp an hour and a millisecond late", 310000, "invalid timestamp",
            r -> SimulatorHttp.post(signedUrl(r.signed(), r.now() + 3_600_001), SimulatorHttp.JSON, ok)),
        row("signed robot, no sign", 310000, "sign not match",
            r -> SimulatorHttp.post(r.signed().webhook().reveal() + "&timestamp=" + r.now(), SimulatorHttp.JSON, ok)),
        row("signed robot, sign for another timestamp", 310000, "sign not match",
            r -> SimulatorHttp.post(r.signed().webhook().reveal() + "&timestamp=" + r.now() + "&sign="
                + URLEncoder.encode(DingTalkSigner.signature(SECRET, r.now() + 1), StandardCharsets.UTF_8), SimulatorHttp.JSON, ok)),
        row("signed robot, sign encoded twice", 310000, "sign not match",
            r -> SimulatorHttp.post(r.signed().webhook().reveal() + "&timestamp=" + r.now() + "&sign="
                + URLEncoder.encode(URLEncoder.encode(DingTalkSigner.signature(SECRET, r.now()), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8), SimulatorHttp.JSON, ok)),
        row("signed robot, sign not encoded (+ becomes a space)", 310000, "sign not match", r -> {
          long ts = r.now();
          while (!DingTalkSigner.signature(SECRET, ts).contains("+")) {
            ts++; // a signature with a + in it, a few milliseconds on
          }
          return SimulatorHttp.post(r.signed().webhook().reveal() + "&timestamp=" + ts + "&sign=" + DingTalkSigner.signature(SECRET, ts),
              SimulatorHttp.JSON, ok);
        }),
        row("body of 20001 bytes", 460101, "message too long, exceed 20000 bytes",
            r -> SimulatorHttp.post(r.plain(), text("x".repeat(20001 - text("").length())))),
        row("malformed JSON (simulator's choice)", 40035, "simulator: malformed JSON",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"text\",")),
        row("JSON array (simulator's choice)", 40035, "simulator: the body must be a JSON object",
            r -> SimulatorHttp.post(r.plain(), "[]")),
        row("no msgtype", 400105, "unsupported msgtype", r -> SimulatorHttp.post(r.plain(), "{\"text\":{}}")),
        row("image is API-only", 400105, "unsupported msgtype",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"image\",\"image\":{\"picURL\":\"https://x/y.png\"}}")),
        row("text without content", 40035, "simulator: text.content",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"text\",\"text\":{}}")),
        row("markdown without title", 40035, "simulator: markdown.title",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"markdown\",\"markdown\":{\"text\":\"x\"}}")),
        row("actionCard without buttons", 40035, "simulator: actionCard.singleTitle",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\"}}")),
        row("actionCard button without actionURL", 40035, "simulator: actionCard.btns[0].actionURL",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\",\"text\":\"x\","
                + "\"btns\":[{\"title\":\"Ack\"}]}}")),
        row("link with picURL casing of feedCard", 40035, "simulator: link.messageUrl",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"link\",\"link\":{\"title\":\"t\",\"text\":\"x\","
                + "\"messageURL\":\"https://x\"}}")),
        row("feedCard without links", 40035, "simulator: feedCard.links",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[]}}")),
        row("at.atMobiles not an array", 40035, "simulator: at.atMobiles",
            r -> SimulatorHttp.post(r.plain(), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"},"
                + "\"at\":{\"atMobiles\":\"13800000001\"}}")),
        row("keyword robot, no keyword", 310000, "keywords not in content",
            r -> SimulatorHttp.post(r.keyword(), text("disk full"))),
        row("keyword robot, keyword only in the markdown title", 310000, "keywords not in content",
            r -> SimulatorHttp.post(r.keyword(), "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"ALERT\","
                + "\"text\":\"disk full\"}}")));
  }

  private static Arguments row(String name, int errcode, String errmsg, Function<Robots, HttpResponse<String>> request) {
    return Arguments.of(name, errcode, errmsg, request);
  }

  private static String base(Robot robot) {
    String url = robot.webhook().reveal();
    return url.substring(0, url.indexOf("/robot/send"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("refusals")
  void refusesLikeDingTalk(String name, int errcode, String errmsg, Function<Robots, HttpResponse<String>> request) {
    assertRefused(request.apply(new Robots(plain, signed, keyword, clock.millis())), errcode, errmsg);

    assertThat(sim.received()).isEmpty();
    assertThat(sim.rejected()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(Integer.toString(errcode)));
  }

  static Stream<Arguments> acceptedBodies() {
    return Stream.of(
        Arguments.of("text", "{\"msgtype\":\"text\",\"text\":{\"content\":\"[P1] ALERT disk full\"}}",
            "[P1] ALERT disk full"),
        Arguments.of("markdown (title not shown)", "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"t\","
            + "\"text\":\"### 告警 disk\"}}", "### 告警 disk"),
        Arguments.of("actionCard, one button", "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\","
            + "\"text\":\"ALERT db-7\",\"singleTitle\":\"Open\",\"singleURL\":\"https://x/a\"}}", "ALERT db-7\nOpen"),
        Arguments.of("actionCard, buttons", "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"t\","
            + "\"text\":\"ALERT db-7\",\"btns\":[{\"title\":\"Ack\",\"actionURL\":\"https://x/ack\"}]}}",
            "ALERT db-7\nAck"),
        Arguments.of("link", "{\"msgtype\":\"link\",\"link\":{\"title\":\"ALERT runbook\",\"text\":\"db-7\","
            + "\"messageUrl\":\"https://x/a\"}}", "ALERT runbook\ndb-7"),
        Arguments.of("feedCard", "{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[{\"title\":\"ALERT db-7\","
            + "\"messageURL\":\"https://x/a\",\"picURL\":\"https://x/p.png\"}]}}", "ALERT db-7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedBodies")
  void acceptsEveryWebhookTypeForAKeywordRobotAndRecordsItsVisibleText(String type, String body, String text) {
    assertAccepted(SimulatorHttp.post(keyword, body));

    assertThat(sim.received("keyword")).singleElement().satisfies(m -> {
      assertThat(m.text()).isEqualTo(text);
      assertThat(m.body()).isEqualTo(answerTree(body));
      assertThat(m.robotId()).isEqualTo("keyword");
    });
  }

  private static JsonNode answerTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBodyOfExactly20000BytesIsAccepted() {
    String empty = text("");
    // CJK is 3 bytes in UTF-8: the limit counts bytes, not characters
    String body = text("磁".repeat((20000 - empty.length()) / 3) + "x".repeat((20000 - empty.length()) % 3));
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(20000);

    assertAccepted(SimulatorHttp.post(plain, body));
  }

  @Test
  void aSignatureIsValidForOneHourEitherWayOfTheSimulatorsClock() {
    long signedAt = clock.millis();
    String url = signedUrl(signed, signedAt);

    clock.advance(Duration.ofHours(1));
    assertAccepted(SimulatorHttp.post(url, SimulatorHttp.JSON, text("an hour later")));
    clock.advance(Duration.ofMillis(1));
    assertRefused(SimulatorHttp.post(url, SimulatorHttp.JSON, text("too late")), 310000, "invalid timestamp");

    clock.set(ManualClock.DEFAULT_START.minus(Duration.ofHours(1)));
    assertAccepted(SimulatorHttp.post(url, SimulatorHttp.JSON, text("signed an hour ahead")));
  }

  @Test
  void theTwentyFirstMessageInAMinuteIsThrottledForTenMinutes() {
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(plain, text("m" + i)));
      clock.advance(Duration.ofSeconds(2)); // 20 messages over 40 s
    }
    assertRefused(SimulatorHttp.post(plain, text("21st")), 410100, "send too fast, exceed 20 times per minute");

    // the window has long slid past, but the penalty holds
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertRefused(SimulatorHttp.post(plain, text("in penalty")), 410100, "send too fast");
    assertAccepted(SimulatorHttp.post(keyword, text("other robots are not throttled ALERT")));

    clock.advance(Duration.ofSeconds(1));
    assertAccepted(SimulatorHttp.post(plain, text("released")));
    assertThat(sim.received("plain")).hasSize(21);
  }

  @Test
  void theWindowSlides() {
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(plain, text("m" + i)));
    }
    clock.advance(Duration.ofSeconds(60)); // the first 20 leave the window (now - 60 s, now]

    assertAccepted(SimulatorHttp.post(plain, text("a minute later")));
  }

  @Test
  void refusedMessagesDoNotCountTowardsTheLimit() {
    for (int i = 0; i < 30; i++) {
      assertRefused(SimulatorHttp.post(keyword, text("no keyword")), 310000, "keywords not in content");
    }
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(keyword, text("ALERT " + i)));
    }
  }

  static Stream<Arguments> mentions() {
    String at = ",\"at\":{\"atMobiles\":[\"13800000001\"],\"atUserIds\":[\"manager7675\"]}";
    return Stream.of(
        Arguments.of("text: at entries and tokens", "{\"msgtype\":\"text\",\"text\":{\"content\":"
            + "\"disk @13800000001 @manager7675\"}" + at + "}", Set.of("mobile:13800000001", "userId:manager7675"), Set.of()),
        Arguments.of("text: entry without its token fires nothing", "{\"msgtype\":\"text\",\"text\":{\"content\":"
            + "\"disk\"}" + at + "}", Set.of(), Set.of()),
        Arguments.of("text: token without an entry fires nothing", "{\"msgtype\":\"text\",\"text\":{\"content\":"
            + "\"@13900000009 @all @所有人\"}}", Set.of(), Set.of()),
        Arguments.of("text: fullwidth ＠ is not a token", "{\"msgtype\":\"text\",\"text\":{\"content\":"
            + "\"＠13800000001\"}" + at + "}", Set.of(), Set.of()),
        Arguments.of("text: isAtAll is JSON only", "{\"msgtype\":\"text\",\"text\":{\"content\":\"everyone\"},"
            + "\"at\":{\"isAtAll\":true}}", Set.of("all"), Set.of()),
        Arguments.of("markdown: tokens in the text, not the title", "{\"msgtype\":\"markdown\",\"markdown\":"
            + "{\"title\":\"@manager7675\",\"text\":\"### disk\\n\\n@13800000001\"}" + at + "}",
            Set.of("mobile:13800000001"), Set.of()),
        Arguments.of("actionCard: no at field, tokens unverified", "{\"msgtype\":\"actionCard\",\"actionCard\":"
            + "{\"title\":\"t\",\"text\":\"disk @manager7675\",\"singleTitle\":\"Open\",\"singleURL\":\"https://x\"}"
            + at + "}", Set.of(), Set.of("userId:manager7675")),
        Arguments.of("link: nobody", "{\"msgtype\":\"link\",\"link\":{\"title\":\"@13800000001\",\"text\":\"x\","
            + "\"messageUrl\":\"https://x\"}" + at + "}", Set.of(), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mentions")
  void recordsTheMentionsThatWouldFire(String name, String body, Set<String> fired, Set<String> unverified) {
    assertAccepted(SimulatorHttp.post(plain, body));

    assertThat(sim.received()).singleElement().satisfies(m -> {
      assertThat(m.mentions()).isEqualTo(fired);
      assertThat(m.unverifiedMentions()).isEqualTo(unverified);
    });
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("HTTP 503", Fault.httpStatus(503), 503, "simulated HTTP 503", "HTTP 503"),
        Arguments.of("system busy", Fault.busy(), 200, "{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}", "-1"),
        Arguments.of("throttled", Fault.throttled(), 200,
            "{\"errcode\":410100,\"errmsg\":\"send too fast, exceed 20 times per minute\"}", "410100"),
        Arguments.of("anti-abuse", DingTalkSimulator.antiAbuse(5), 200,
            "{\"status\":1111,\"wait\":5,\"punish\":\"deny\",\"msg\":\"simulated anti-abuse\"}", "raw HTTP 200"),
        Arguments.of("any code", Fault.errorCode(430102, "含有不合适的文本"), 200,
            "{\"errcode\":430102,\"errmsg\":\"含有不合适的文本\"}", "430102"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void injectedFaultsAnswerTheNextRequestsThenNormalServiceResumes(
      String name, Fault fault, int status, String body, String code) throws Exception {
    sim.failNext(2, fault);

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = SimulatorHttp.post(plain, text("x"));
      assertThat(response.statusCode()).isEqualTo(status);
      if (body.startsWith("{")) {
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(body));
      } else {
        assertThat(response.body()).isEqualTo(body);
      }
    }
    assertAccepted(SimulatorHttp.post(plain, text("x")));

    assertThat(sim.rejected()).extracting(RejectedMessage::code).containsExactly(code, code);
    assertThat(sim.rejected()).extracting(RejectedMessage::robotId).containsOnly("plain");
    assertThat(sim.received()).hasSize(1);
  }

  @Test
  void anInjectedThrottleStartsNoPenalty() {
    sim.failNext(1, Fault.throttled());

    assertRefused(SimulatorHttp.post(plain, text("x")), 410100, "send too fast");
    assertAccepted(SimulatorHttp.post(plain, text("y")));
  }

  @Test
  void aDelayedAnswerTimesAClientOutThenTheMessageIsStillHandled() {
    // real time, as a client's timeout is: 300 ms against a 100 ms timeout
    sim.failNext(1, Fault.delay(Duration.ofMillis(300)));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(plain.webhook().reveal()))
        .header("Content-Type", SimulatorHttp.JSON).POST(HttpRequest.BodyPublishers.ofString(text("slow")));

    assertThatThrownBy(() -> SimulatorHttp.send(request, Duration.ofMillis(100))).isInstanceOf(UncheckedIOException.class);
    assertAccepted(SimulatorHttp.send(request, Duration.ofSeconds(5)));
  }

  @Test
  void clearForgetsMessagesAndFaultsButNotRobots() {
    SimulatorHttp.post(plain, text("x"));
    SimulatorHttp.post(keyword, text("x"));
    sim.failNext(3, Fault.busy());

    sim.clear();

    assertThat(sim.received()).isEmpty();
    assertThat(sim.rejected()).isEmpty();
    assertAccepted(SimulatorHttp.post(plain, text("after clear")));
  }

  @Test
  void robotsGetDistinctRandomTokensAndTheFirstKeyword() {
    assertThat(plain.webhook().reveal()).startsWith(sim.baseUrl() + "/robot/send?access_token=");
    assertThat(plain.webhook()).isNotEqualTo(signed.webhook());
    assertThat(plain.platform()).isEqualTo("dingtalk");
    assertThat(keyword.keyword()).isEqualTo("ALERT");
    assertThat(signed.secret().reveal()).isEqualTo(SECRET);
    assertThatThrownBy(() -> sim.robot("plain", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherPathsAreNotFound() {
    assertThat(SimulatorHttp.post(sim.baseUrl() + "/robot/other?access_token=x", SimulatorHttp.JSON, "{}").statusCode())
        .isEqualTo(404);
  }

  private static String text(String content) {
    return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";
  }

  /** The robot's webhook signed at {@code millis} by the module's signer; the simulator checks it with its own. */
  private static String signedUrl(Robot robot, long millis) {
    return DingTalkSigner.sign(robot.webhook().reveal(), robot.secret().reveal(), millis);
  }
}
