package io.github.alertrouter.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.RateLimiter;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.SimulatedRequest;
import io.github.alertrouter.testkit.SimulatedRobot;
import io.github.alertrouter.testkit.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A DingTalk custom-robot webhook service on {@code 127.0.0.1} (docs/platforms.md §1), for tests:
 * {@code POST /robot/send?access_token=T[&timestamp=..&sign=..]}, answered with HTTP 200 and
 * {@code {"errcode":…,"errmsg":…}} like the real one.
 *
 * <p>Checks, in this order (the first failing one answers): non-POST → 43002; Content-Type not
 * {@code application/json} (a charset other than UTF-8 included) → 43004; no {@code access_token}
 * → 40035; unknown token → 300005 "token is not exist"; signed robot: {@code timestamp} missing,
 * not a number or more than one hour from the simulator's clock → 310000 "invalid timestamp",
 * {@code sign} not the HMAC-SHA256 of the docs/platforms.md §4 procedure → 310000 "sign not match"; body over
 * 20000 UTF-8 bytes → 460101 "message too long, exceed 20000 bytes"; unknown or missing
 * {@code msgtype} → 400105; keyword robot whose keywords are in none of the visible text → 310000
 * "keywords not in content"; rate limit (below) → 410100.
 *
 * <p><b>The simulator's own choices</b>, where DingTalk's behaviour is undocumented: malformed
 * JSON, a body that is not an object, a type's missing field (text needs {@code text.content};
 * markdown {@code markdown.title} and {@code text}; actionCard {@code title}, {@code text} and
 * {@code singleTitle}+{@code singleURL} or non-empty {@code btns} of {@code title}+{@code
 * actionURL}; link {@code title}, {@code text}, {@code messageUrl}; feedCard non-empty
 * {@code links} of {@code title}+{@code messageURL}) and a malformed {@code at} object are all
 * answered 40035 with an errmsg starting {@code "simulator: "}. The keyword is looked for only in
 * the visible text (see {@link ReceivedMessage#text()}), not in a markdown title, because which
 * fields DingTalk scans is unverified: a renderer that passes here passes there. A robot may have
 * no security setting at all (DingTalk mandates one), so tests about other things need none; the
 * timestamp window is inclusive (exactly one hour off is accepted).
 *
 * <p><b>Rate limit</b>: a robot that already had 20 messages accepted in the last 60 seconds
 * ({@code (now - 60 s, now]}) has the next one refused with 410100 "send too fast, exceed 20 times
 * per minute" and stays throttled for 10 minutes, refusing everything with 410100; refused
 * messages do not count. All on the injected clock.
 *
 * <p><b>Mentions</b> (recorded per accepted message): for text and markdown an {@code atMobiles}
 * / {@code atUserIds} entry fires only when {@code @value} also appears in the visible text;
 * {@code isAtAll} fires {@code "all"}; an {@code @token} with no matching entry fires nothing.
 * actionCard, link and feedCard fire nothing; actionCard {@code @userId} tokens are recorded as
 * {@link ReceivedMessage#unverifiedMentions()}.
 *
 * <p><b>Robots</b> may have any mix of a secret and up to 10 keywords, none included (see above).
 *
 * <p>Faults: {@link Fault#busy()} answers -1 "系统繁忙", {@link Fault#throttled()} 410100 (without
 * starting the penalty), the others as their records say.
 *
 * <p>Thread-safe. Requests are handled on a small pool so a {@link Fault.Delay} does not hold up
 * others.
 */
public final class DingTalkSimulator extends SimulatorServer {
  /** DingTalk's whole-body limit in UTF-8 bytes. */
  public static final int MAX_BODY_BYTES = 20000;
  /** Messages a robot may send per {@link #RATE_WINDOW}. */
  public static final int RATE_LIMIT = 20;
  /** The rate limit's sliding window. */
  public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
  /** How long a robot that went over the limit stays throttled. */
  public static final Duration PENALTY = Duration.ofMinutes(10);
  /** How far a signature's timestamp may be from the simulator's clock. */
  public static final Duration SIGNATURE_WINDOW = Duration.ofHours(1);

  private static final String PATH = "/robot/send";
  private static final String TOO_FAST = "send too fast, exceed 20 times per minute";

  private DingTalkSimulator(Clock clock) {
    super("dingtalk", "DingTalk", ";charset=utf-8", clock);
  }

  /**
   * Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static DingTalkSimulator start(Clock clock) {
    return listening(new DingTalkSimulator(clock));
  }

  /** The anti-abuse gateway's answer {@code {"status":1111,"wait":N,"punish":"deny"}} (docs/platforms.md §1.6), as a fault. */
  public static Fault antiAbuse(int waitSeconds) {
    return Fault.rawAnswer(200,
        "{\"status\":1111,\"wait\":" + waitSeconds + ",\"punish\":\"deny\",\"msg\":\"simulated anti-abuse\"}");
  }

  @Override
  protected boolean isWebhookPath(String path) {
    return PATH.equals(path);
  }

  @Override
  protected String token(SimulatedRequest request) {
    return request.query().get("access_token");
  }

  @Override
  protected void checkSecurity(String secret, String... keywords) {
    if (keywords.length > 10) {
      throw new IllegalArgumentException("DingTalk allows up to 10 keywords, but " + keywords.length + " were given");
    }
  }

  @Override
  protected String newToken() {
    return randomHex(32);
  }

  @Override
  protected String webhook(String token) {
    return baseUrl() + PATH + "?access_token=" + token;
  }

  @Override
  protected RateLimiter newRateLimiter() {
    return RateLimiter.of(RATE_LIMIT, RATE_WINDOW).withPenalty(PENALTY);
  }

  @Override
  protected Answer check(SimulatedRequest request, String token) {
    String body = request.body();
    if (!"POST".equals(request.method())) {
      return refuse(null, 43002, "需要POST请求", body);
    }
    if (!DingTalkRequests.isJsonUtf8(request.contentType())) {
      return refuse(null, 43004, "无效的HTTP HEADER Content-Type", body);
    }
    if (token == null || token.isEmpty()) {
      return refuse(null, 40035, "缺少参数 access_token", body);
    }
    SimulatedRobot robot = robotByToken(token);
    if (robot == null) {
      return refuse(null, 300005, "token is not exist", body);
    }
    if (robot.secret() != null) {
      String problem = DingTalkRequests.signatureProblem(
          robot.secret(), request.query().get("timestamp"), request.query().get("sign"), clock.millis());
      if (problem != null) {
        return refuse(robot.id(), 310000, problem, body);
      }
    }
    if (request.bytes().length > MAX_BODY_BYTES) {
      return refuse(robot.id(), 460101, "message too long, exceed 20000 bytes", body);
    }
    JsonNode json;
    try {
      json = JSON.readTree(request.bytes());
    } catch (IOException e) {
      return refuse(robot.id(), 40035, "simulator: malformed JSON", body);
    }
    if (json == null || !json.isObject()) {
      return refuse(robot.id(), 40035, "simulator: the body must be a JSON object", body);
    }
    JsonNode msgtype = json.get("msgtype");
    if (msgtype == null || !msgtype.isTextual() || !DingTalkBodyReader.TYPES.contains(msgtype.asText())) {
      return refuse(robot.id(), 400105, "unsupported msgtype", body);
    }
    String type = msgtype.asText();
    String shape = DingTalkBodyReader.shapeProblem(type, json);
    if (shape == null) {
      shape = DingTalkBodyReader.atProblem(json);
    }
    if (shape != null) {
      return refuse(robot.id(), 40035, "simulator: " + shape, body);
    }
    String text = DingTalkBodyReader.visibleText(type, json);
    if (robot.lacksKeyword(text)) {
      return refuse(robot.id(), 310000, "keywords not in content", body);
    }
    if (!robot.admit(clock.instant())) {
      return throttled(robot.id(), body);
    }
    receive(new ReceivedMessage(robot.id(), type, json, text,
        DingTalkBodyReader.mentions(type, json, text), DingTalkBodyReader.unverifiedMentions(type, text)));
    return errorAnswer(0, "ok");
  }

  /** {@code {"errcode":…,"errmsg":…}} with HTTP 200, as for success too. */
  @Override
  protected Answer errorAnswer(int errcode, String errmsg) {
    return json(200, Map.of("errcode", errcode, "errmsg", errmsg));
  }

  @Override
  protected Answer busy(String robotId, String body) {
    return refuse(robotId, -1, "系统繁忙", body);
  }

  @Override
  protected Answer throttled(String robotId, String body) {
    return refuse(robotId, 410100, TOO_FAST, body);
  }
}
