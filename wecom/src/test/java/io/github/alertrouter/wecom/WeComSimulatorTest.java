package io.github.alertrouter.wecom;

import static io.github.alertrouter.testkit.SimulatorHttp.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RejectedMessage;
import io.github.alertrouter.testkit.SimulatorHttp;
import io.github.alertrouter.time.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeComSimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock();
  private final WeComSimulator sim = WeComSimulator.start(clock);
  private final Robot ops = sim.robot("ops", null);

  @AfterEach
  void close() {
    sim.close();
  }

  private static void assertRefused(HttpResponse<String> response, int errcode, String errmsg) {
    assertThat(SimulatorHttp.assertRefused(response, errcode, errmsg))
        .endsWith("more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode);
  }

  private static String text(String content) {
    return "{\"msgtype\":\"text\",\"text\":{\"content\":" + quote(content) + "}}";
  }

  private static String markdown(String type, String content) {
    return "{\"msgtype\":\"" + type + "\",\"" + type + "\":{\"content\":" + quote(content) + "}}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"msgtype\":", 40035, "Warning: wrong json format."),
        Arguments.of("not an object", "[1,2]", 40035, "Warning: wrong json format."),
        Arguments.of("no msgtype", "{\"text\":{\"content\":\"x\"}}", 40008, "invalid message type"),
        Arguments.of("unknown msgtype", "{\"msgtype\":\"actionCard\",\"actionCard\":{}}", 40008, "invalid message type"),
        Arguments.of("empty text content", text(""), 44004, "empty content"),
        Arguments.of("missing text content", "{\"msgtype\":\"text\",\"text\":{}}", 44004, "empty content"),
        Arguments.of("empty markdown content", markdown("markdown", ""), 44004, "empty content"),
        Arguments.of("text over 2048 bytes", text("磁".repeat(683)), 40058, "content exceed max length 2048"),
        Arguments.of("markdown over 4096 bytes", markdown("markdown", "a".repeat(4097)), 40058,
            "content exceed max length 4096"),
        Arguments.of("markdown_v2 over 4096 bytes", markdown("markdown_v2", "🔥".repeat(1025)), 40058,
            "content exceed max length 4096"),
        Arguments.of("text part not an object", "{\"msgtype\":\"text\",\"text\":\"x\"}", 40035, "simulator: "),
        Arguments.of("mention list not an array",
            "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\",\"mentioned_list\":\"@all\"}}", 40035, "simulator: "),
        Arguments.of("news without articles", "{\"msgtype\":\"news\",\"news\":{\"articles\":[]}}", 40035, "simulator: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String name, String body, int errcode, String errmsg) {
    assertRefused(SimulatorHttp.post(ops, body), errcode, errmsg);
    assertThat(sim.received()).isEmpty();
    assertThat(sim.rejected()).singleElement().satisfies(r -> {
      assertThat(r.robotId()).isEqualTo("ops");
      assertThat(r.code()).isEqualTo(Integer.toString(errcode));
      assertThat(r.body()).isEqualTo(body);
    });
  }

  @Test
  void aMissingOrUnknownKeyIsAnInvalidWebhook() {
    String webhook = ops.webhook().reveal();
    assertRefused(SimulatorHttp.post(webhook.replaceAll("\\?key=.*", ""), SimulatorHttp.JSON, text("x")), 93000,
        "invalid webhook url");
    assertRefused(SimulatorHttp.post(webhook + "x", SimulatorHttp.JSON, text("x")), 93000, "invalid webhook url");
    assertThat(sim.rejected()).extracting(RejectedMessage::robotId).containsExactly(null, null);
  }

  @Test
  void contentsAtTheirLimitsAreAccepted() {
    assertAccepted(SimulatorHttp.post(ops, text("磁".repeat(682) + "ab")));
    assertAccepted(SimulatorHttp.post(ops, markdown("markdown", "a".repeat(4096))));
    assertAccepted(SimulatorHttp.post(ops, markdown("markdown_v2", "🔥".repeat(1024))));
    assertThat(sim.received()).extracting(ReceivedMessage::msgType).containsExactly("text", "markdown", "markdown_v2");
  }

  static Stream<Arguments> mentions() {
    return Stream.of(
        Arguments.of("text lists", "{\"msgtype\":\"text\",\"text\":{\"content\":\"disk\","
            + "\"mentioned_list\":[\"alice\",\"@all\"],\"mentioned_mobile_list\":[\"13800000001\"]}}",
            Set.of("userId:alice", "all", "mobile:13800000001"), Set.of()),
        Arguments.of("@all in the mobile list", "{\"msgtype\":\"text\",\"text\":{\"content\":\"disk\","
            + "\"mentioned_mobile_list\":[\"@all\"]}}", Set.of("all"), Set.of()),
        Arguments.of("text token", text("disk <@bob> and <@ zhangsan> and @all"), Set.of("userId:bob"), Set.of()),
        Arguments.of("markdown token", markdown("markdown", "## disk\n<@alice.wang> <@all>"),
            Set.of("userId:alice.wang"), Set.of("all")),
        Arguments.of("markdown ignores the lists", "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"disk\","
            + "\"mentioned_list\":[\"alice\"],\"mentioned_mobile_list\":[\"13800000001\"]}}", Set.of(), Set.of()),
        Arguments.of("markdown_v2 has no @", markdown("markdown_v2", "<@alice> disk"), Set.of(), Set.of()),
        Arguments.of("full-width look-alike is no token", markdown("markdown", "＜@alice> <＠alice>"), Set.of(), Set.of()),
        Arguments.of("news has no @", "{\"msgtype\":\"news\",\"news\":{\"articles\":[{\"title\":\"<@alice>\","
            + "\"url\":\"https://x.example\"}]}}", Set.of(), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mentions")
  void recordsTheMentionsThatFire(String name, String body, Set<String> fired, Set<String> unverified) {
    assertAccepted(SimulatorHttp.post(ops, body));

    ReceivedMessage m = sim.received("ops").get(0);
    assertThat(m.mentions()).isEqualTo(fired);
    assertThat(m.unverifiedMentions()).isEqualTo(unverified);
  }

  @Test
  void recordsTheVisibleText() {
    assertAccepted(SimulatorHttp.post(ops, markdown("markdown", "## 磁盘满")));
    assertAccepted(SimulatorHttp.post(ops, "{\"msgtype\":\"template_card\",\"template_card\":{\"card_type\":\"text_notice\","
        + "\"main_title\":{\"title\":\"[P1] disk\"},\"card_action\":{\"type\":1,\"url\":\"https://x.example\"}}}"));

    assertThat(sim.received("ops")).extracting(ReceivedMessage::text).containsExactly("## 磁盘满", "[P1] disk");
  }

  @Test
  void twentyMessagesPerSlidingMinuteThenRateLimitedWithoutPenalty() {
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(ops, text("m" + i)));
      clock.advance(Duration.ofSeconds(1));
    }
    assertRefused(SimulatorHttp.post(ops, text("21st")), 45009, "api freq out of limit");

    clock.advance(Duration.ofSeconds(40)); // the first send is now exactly 60 s old
    assertAccepted(SimulatorHttp.post(ops, text("after the window")));
    assertRefused(SimulatorHttp.post(ops, text("again")), 45009, "api freq out of limit");
    assertThat(sim.received("ops")).hasSize(21);
  }

  @Test
  void robotsHaveTheirOwnLimit() {
    Robot other = sim.robot("other", null);
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(ops, text("m" + i)));
    }
    assertAccepted(SimulatorHttp.post(other, text("other robot")));
  }

  @Test
  void refusesSecretsKeywordsAndTakenIds() {
    assertThatThrownBy(() -> sim.robot("signed", "SECabc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no signing secret");
    assertThatThrownBy(() -> sim.robot("kw", null, "alert")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no keywords");
    assertThatThrownBy(() -> sim.robot("ops", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ops.platform()).isEqualTo("wecom");
    assertThat(ops.webhook().reveal()).matches("http://127\\.0\\.0\\.1:\\d+/cgi-bin/webhook/send\\?key=[0-9a-f-]{36}");
    assertThat(ops.secret()).isNull();
    assertThat(ops.keyword()).isNull();
  }

  @Test
  void injectsFaultsInWeComsShape() {
    sim.failNext(1, Fault.busy());
    sim.failNext(1, Fault.throttled());
    sim.failNext(1, Fault.errorCode(93000, "invalid webhook url"));
    sim.failNext(1, Fault.httpStatus(502));
    sim.failNext(1, Fault.rawAnswer(200, "<html>portal</html>"));
    sim.failNext(1, Fault.delay(Duration.ofMillis(50)));

    assertRefused(SimulatorHttp.post(ops, text("x")), -1, "system busy");
    assertRefused(SimulatorHttp.post(ops, text("x")), 45009, "api freq out of limit");
    assertRefused(SimulatorHttp.post(ops, text("x")), 93000, "invalid webhook url");
    HttpResponse<String> gateway = SimulatorHttp.post(ops, text("x"));
    assertThat(gateway.statusCode()).isEqualTo(502);
    HttpResponse<String> raw = SimulatorHttp.post(ops, text("x"));
    assertThat(raw.body()).isEqualTo("<html>portal</html>");
    assertAccepted(SimulatorHttp.post(ops, text("delayed but handled")));

    assertThat(sim.rejected()).extracting(RejectedMessage::code)
        .containsExactly("-1", "45009", "93000", "HTTP 502", "raw HTTP 200");
    assertThat(sim.received("ops")).extracting(ReceivedMessage::text).containsExactly("delayed but handled");
  }

  @Test
  void throttledFaultsAndRefusalsDoNotCountTowardsTheLimit() {
    sim.failNext(3, Fault.throttled());
    for (int i = 0; i < 3; i++) {
      SimulatorHttp.post(ops, text("x"));
    }
    SimulatorHttp.post(ops, text("")); // refused: empty
    for (int i = 0; i < 20; i++) {
      assertAccepted(SimulatorHttp.post(ops, text("m" + i)));
    }
  }

  @Test
  void clearForgetsMessagesAndFaults() {
    assertAccepted(SimulatorHttp.post(ops, text("x")));
    SimulatorHttp.post(ops, text(""));
    sim.failNext(2, Fault.busy());

    sim.clear();

    assertThat(sim.received()).isEmpty();
    assertThat(sim.rejected()).isEmpty();
    assertAccepted(SimulatorHttp.post(ops, text("no fault left")));
  }
}
