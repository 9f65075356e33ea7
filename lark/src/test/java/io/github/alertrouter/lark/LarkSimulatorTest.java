package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RejectedMessage;
import io.github.alertrouter.testkit.SimulatorHttp;
import io.github.alertrouter.time.ManualClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each of the Lark simulator's checks with its code, its mentions, limits and faults, over raw HTTP. */
class LarkSimulatorTest {
  private static final long NOW = 1700000000L;
  private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(NOW));
  private final LarkSimulator sim = LarkSimulator.start(clock);

  @AfterEach
  void stop() {
    sim.close();
  }

  private static String text(String t) {
    return "{\"msg_type\":\"text\",\"content\":{\"text\":\"" + t + "\"}}";
  }

  private static String card(String md) {
    return "{\"msg_type\":\"interactive\",\"card\":{\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"T\"}},"
        + "\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\",\"content\":\"" + md + "\"}}]}}";
  }

  private static String post(String elements) {
    return "{\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":{\"title\":\"P\",\"content\":[[" + elements + "]]}}}}";
  }

  private static String signed(String body, String secret, long ts) {
    return body.substring(0, body.length() - 1) + ",\"timestamp\":\"" + ts + "\",\"sign\":\""
        + LarkRequests.expectedSign(secret, Long.toString(ts)) + "\"}";
  }

  private HttpResponse<String> post(Robot robot, String body) {
    return SimulatorHttp.post(robot.webhook().reveal(), SimulatorHttp.JSON, body);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("malformed JSON", "{", "9499", 400),
        Arguments.of("not an object", "[1]", "9499", 400),
        Arguments.of("unknown msg_type", "{\"msg_type\":\"markdown\"}", "19002", 200),
        Arguments.of("missing msg_type", "{\"content\":{}}", "19002", 200),
        Arguments.of("text without content.text", "{\"msg_type\":\"text\",\"content\":{}}", "9499", 400),
        Arguments.of("post without zh_cn/en_us", "{\"msg_type\":\"post\",\"content\":{\"post\":{}}}", "9499", 400),
        Arguments.of("post with a bad href", post("{\"tag\":\"a\",\"text\":\"x\",\"href\":\"javascript:1\"}"), "9499", 400),
        Arguments.of("interactive without card", "{\"msg_type\":\"interactive\"}", "9499", 400),
        Arguments.of("oversize body", text("x".repeat(20001)), "19036", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWithTheCode(String name, String body, String code, int status) {
    Robot robot = sim.robot("r", null);
    HttpResponse<String> response = post(robot, body);
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains("\"code\":" + code);
    assertThat(sim.rejected()).extracting(RejectedMessage::code).containsExactly(code);
    assertThat(sim.received()).isEmpty();
  }

  /**
   * The exact answers, text included: a client tells 9499 "Bad Request" (permanent) from 9499 "too
   * many request" (retryable) by {@code msg}, so a simulator that words it otherwise misleads it.
   */
  static Stream<Arguments> exactAnswers() {
    return Stream.of(
        Arguments.of("malformed JSON", "{", 400, "{\"code\":9499,\"data\":{},\"msg\":\"Bad Request\"}"),
        Arguments.of("not an object", "[1]", 400, "{\"code\":9499,\"data\":{},\"msg\":\"Bad Request\"}"),
        Arguments.of("shape wrong", "{\"msg_type\":\"interactive\"}", 400,
            "{\"code\":9499,\"data\":{},\"msg\":\"fail to parse content\"}"),
        Arguments.of("unknown msg_type", "{\"msg_type\":\"markdown\"}", 200,
            "{\"code\":19002,\"data\":{},\"msg\":\"param invalid: msg_type\"}"),
        Arguments.of("oversize body", text("x".repeat(20001)), 200,
            "{\"code\":19036,\"data\":{},\"msg\":\"The message exceeds the size limit of 30KB\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactAnswers")
  void answersWithTheDocumentedTextExactly(String name, String body, int status, String answer) {
    HttpResponse<String> response = post(sim.robot("r", null), body);
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(answer);
  }

  @Test
  void aMethodOtherThanPostIsBadRequest() {
    Robot robot = sim.robot("r", null);
    HttpResponse<String> response = SimulatorHttp.send(HttpRequest.newBuilder(URI.create(robot.webhook().reveal())).GET(),
        Duration.ofSeconds(5));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"code\":9499,\"data\":{},\"msg\":\"Bad Request\"}");
  }

  @Test
  void anUnknownTokenIs19001AndSuccessCarriesTheLegacyFields() {
    Robot robot = sim.robot("r", null);
    assertThat(SimulatorHttp.post(robot.webhook().reveal() + "x", SimulatorHttp.JSON, text("hi")).body()).contains("\"code\":19001");
    assertThat(post(robot, text("hi")).body()).contains("\"code\":0").contains("\"StatusCode\":0");
  }

  @Test
  void signaturesMustMatchAndBeWithinAnHour() {
    Robot robot = sim.robot("r", "demo-secret");
    assertThat(post(robot, text("a")).body()).contains("19021"); // unsigned
    assertThat(post(robot, signed(text("b"), "wrong", NOW)).body()).contains("19021");
    assertThat(post(robot, signed(text("c"), "demo-secret", NOW - 3601)).body()).contains("19021");
    assertThat(post(robot, signed(text("d"), "demo-secret", NOW + 3600)).body()).contains("\"code\":0");
    assertThat(post(robot, text("e").replace("}}", "},\"timestamp\":\"1700000000\","
        + "\"sign\":\"mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=\"}")).body()).contains("\"code\":0");
  }

  @Test
  void keywordsAreLookedForInTextAndTitleValuesOnly() {
    Robot robot = sim.robot("r", null, "告警");
    assertThat(post(robot, post("{\"tag\":\"a\",\"text\":\"x\",\"href\":\"https://e.com/告警\"}")).body()).contains("19024");
    assertThat(post(robot, text("磁盘告警")).body()).contains("\"code\":0");
    assertThat(post(robot, card("告警")).body()).contains("\"code\":0");
  }

  @Test
  void mentionsFirePerTypeAndEscapedTagsDoNot() {
    Robot robot = sim.robot("r", null);
    post(robot, text("<at user_id=\\\"u1\\\">A</at> <at user_id=\\\"ou_2\\\">B</at> &#60;at user_id=\\\"all\\\"&#62;"));
    post(robot, card("<at id=u3></at> <at ids=ou_4,ou_5></at> &#60;at id=all&#62; <person id=u9>"));
    post(robot, post("{\"tag\":\"text\",\"text\":\"<at id=all></at>\"},{\"tag\":\"at\",\"user_id\":\"all\"}"));
    assertThat(sim.received()).extracting(ReceivedMessage::mentions).containsExactly(
        java.util.Set.of("userId:u1", "openId:ou_2"), java.util.Set.of("userId:u3", "openId:ou_4", "openId:ou_5"),
        java.util.Set.of("all"));
    assertThat(sim.received().get(1).text()).contains("<at id=all>"); // entities decoded for the reader
  }

  @Test
  void aGroupThatForbidsAtAllRefusesItWith11235InEveryType() {
    Robot robot = sim.robot("r", null);
    sim.forbidAtAll("r");
    String refusal = "{\"code\":11235,\"data\":{},\"msg\":\"this group is set to only admin can mention @All\"}";
    for (String body : new String[] {card("<at id=all></at>"), text("<at user_id=\\\"all\\\">所有人</at>"),
        post("{\"tag\":\"at\",\"user_id\":\"all\"}")}) {
      HttpResponse<String> response = post(robot, body);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(refusal);
    }
    assertThat(sim.rejected()).extracting(RejectedMessage::code).containsExactly("11235", "11235", "11235");
    assertThat(post(robot, card("@all (not allowed in this group) <at id=u1></at>")).body()).contains("\"code\":0");
    assertThat(post(sim.robot("open", null), card("<at id=all></at>")).body()).contains("\"code\":0");
  }

  @Test
  void fivePerSecondAndAHundredPerMinuteAndRefusalsDoNotCount() {
    Robot robot = sim.robot("r", null);
    for (int i = 0; i < 5; i++) {
      assertThat(post(robot, text("m" + i)).body()).contains("\"code\":0");
    }
    assertThat(post(robot, text("over")).body()).contains("11232").contains("frequency limited");
    for (int s = 1; s < 20; s++) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 5; i++) {
        post(robot, text("m"));
      }
    }
    assertThat(sim.received()).hasSize(100); // the refused sixth did not count
    clock.advance(Duration.ofSeconds(1));
    assertThat(post(robot, text("minute full")).body()).contains("11232");
    clock.advance(Duration.ofSeconds(40)); // 60 s after the first five: they leave the window
    assertThat(post(robot, text("again")).body()).contains("\"code\":0");
  }

  @Test
  void faultsAnswerInLarksShape() {
    Robot robot = sim.robot("r", null);
    sim.failNext(1, Fault.throttled());
    sim.failNext(1, Fault.busy());
    sim.failNext(1, LarkSimulator.tooManyRequests());
    sim.failNext(1, Fault.rawAnswer(200, "{\"StatusCode\":0}"));
    sim.failNext(1, LarkSimulator.frequencyLimit());
    assertThat(post(robot, text("a")).body()).contains("11232");
    assertThat(post(robot, text("a")).statusCode()).isEqualTo(503);
    HttpResponse<String> tooMany = post(robot, text("a"));
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("too many request");
    assertThat(post(robot, text("a")).body()).isEqualTo("{\"StatusCode\":0}");
    HttpResponse<String> gateway = post(robot, text("a"));
    assertThat(gateway.statusCode()).isEqualTo(429);
    assertThat(gateway.body()).isEqualTo("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}");
    assertThat(sim.received()).isEmpty();
  }
}
