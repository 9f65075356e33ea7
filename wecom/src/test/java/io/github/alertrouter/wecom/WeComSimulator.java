package io.github.alertrouter.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.RateLimiter;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.SimulatedRequest;
import io.github.alertrouter.testkit.SimulatedRobot;
import io.github.alertrouter.testkit.SimulatorServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A WeCom group-robot webhook service on {@code 127.0.0.1} (docs/platforms.md §3), for tests:
 * {@code POST /cgi-bin/webhook/send?key=KEY}, answered with HTTP 200 and
 * {@code {"errcode":…,"errmsg":…}} like the real one (errors end in WeCom's "more info at
 * https://open.work.weixin.qq.com/devtool/query?e=CODE").
 *
 * <p>Checks, in this order (the first failing one answers): missing or unknown {@code key} → 93000
 * "invalid webhook url"; malformed JSON or a body that is not an object → 40035 "Warning: wrong json
 * format."; missing or unknown {@code msgtype} → 40008 "invalid message type"; text/markdown/
 * markdown_v2 {@code content} missing or empty → 44004 "empty content"; text content over 2048
 * UTF-8 bytes or markdown/markdown_v2 content over 4096 → 40058 "content exceed max length N";
 * rate limit (below) → 45009 "api freq out of limit".
 *
 * <p><b>The simulator's own choices</b>, where WeCom's behaviour is undocumented: the errcode that
 * comes with "wrong json format" (40035, WeCom's "invalid parameter"; clients must branch on the
 * message); 44004 for empty markdown content as for empty text (44004 itself comes from a
 * third-party list); other shape errors (a mention list that is not an array of strings, an image
 * without base64/md5, news with 0 or more than 8 articles, file/voice without media_id, a card
 * without card_type) → 40035 with an errmsg starting {@code "simulator: "}. The method and
 * Content-Type are not checked (WeCom's reaction is unverified). Robots have no secret and no
 * keywords: WeCom has neither, so {@link #robot} refuses a non-null secret or any keyword with
 * {@link IllegalArgumentException}. A robot's key is a random UUID-shaped string.
 *
 * <p><b>Rate limit</b>: a robot that already had 20 messages accepted in the last 60 seconds
 * ({@code (now - 60 s, now]}) has the next one refused with 45009; refused messages do not count
 * (whether WeCom counts them is unverified; one third-party summary says all attempts count) and
 * there is no penalty beyond the window. All on the injected clock.
 *
 * <p><b>Mentions</b> (recorded per accepted message): text → {@code mentioned_list} entries
 * ({@code "userId:…"}), {@code mentioned_mobile_list} entries ({@code "mobile:…"}), {@code "@all"} in
 * either → {@code "all"}, plus {@code <@userid>} tokens in the content; markdown → only
 * {@code <@userid>} tokens (WeCom ignores the lists there); markdown_v2 and the rest → none.
 * {@code <@all>} in text or markdown content is recorded as an {@link
 * ReceivedMessage#unverifiedMentions() unverified} {@code "all"}. The recorded text is the
 * content (news titles, a card's main title).
 *
 * <p>Faults: {@link Fault#busy()} answers -1 "system busy", {@link Fault#throttled()} 45009 (without
 * counting), the others as their records say. Thread-safe. Requests are handled on a small pool
 * so a {@link Fault.Delay} does not hold up others.
 */
public final class WeComSimulator extends SimulatorServer {
  /** Messages a robot may send per {@link #RATE_WINDOW}. */
  public static final int RATE_LIMIT = 20;
  /** The rate limit's sliding window. */
  public static final Duration RATE_WINDOW = Duration.ofSeconds(60);
  /** The errcode answered with "Warning: wrong json format." (the simulator's choice). */
  public static final int WRONG_JSON_CODE = 40035;

  private static final String PATH = "/cgi-bin/webhook/send";
  private static final String MORE_INFO = ", more info at https://open.work.weixin.qq.com/devtool/query?e=";

  private WeComSimulator(Clock clock) {
    super("wecom", "WeCom", "; charset=UTF-8", clock);
  }

  /**
   * Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static WeComSimulator start(Clock clock) {
    return listening(new WeComSimulator(clock));
  }

  @Override
  protected boolean isWebhookPath(String path) {
    return PATH.equals(path);
  }

  @Override
  protected String token(SimulatedRequest request) {
    return request.query().get("key");
  }

  @Override
  protected void checkSecurity(String secret, String... keywords) {
    if (secret != null) {
      throw new IllegalArgumentException("WeCom robots have no signing secret; pass null");
    }
    if (keywords.length > 0) {
      throw new IllegalArgumentException("WeCom robots have no keywords, but " + keywords.length + " were given");
    }
  }

  @Override
  protected String newToken() {
    String hex = randomHex(16);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  @Override
  protected String webhook(String key) {
    return baseUrl() + PATH + "?key=" + key;
  }

  /** No penalty beyond the window: WeCom documents none. */
  @Override
  protected RateLimiter newRateLimiter() {
    return RateLimiter.of(RATE_LIMIT, RATE_WINDOW);
  }

  @Override
  protected Answer check(SimulatedRequest request, String key) {
    String body = request.body();
    SimulatedRobot robot = robotByToken(key);
    if (robot == null) {
      return refuse(null, 93000, "invalid webhook url", body);
    }
    JsonNode json = request.jsonObject();
    if (json == null) {
      return refuse(robot.id(), WRONG_JSON_CODE, "Warning: wrong json format.", body);
    }
    JsonNode msgtype = json.get("msgtype");
    if (msgtype == null || !msgtype.isTextual() || !WeComBodyReader.TYPES.contains(msgtype.asText())) {
      return refuse(robot.id(), 40008, "invalid message type", body);
    }
    String type = msgtype.asText();
    String shape = WeComBodyReader.shapeProblem(type, json);
    if (shape != null) {
      return refuse(robot.id(), 40035, "simulator: " + shape, body);
    }
    String content = WeComBodyReader.content(type, json);
    if (content != null && content.isEmpty()) {
      return refuse(robot.id(), 44004, "empty content", body);
    }
    if (content != null && WeComBodyReader.bytes(content) > WeComBodyReader.maxBytes(type)) {
      return refuse(robot.id(), 40058, "content exceed max length " + WeComBodyReader.maxBytes(type), body);
    }
    if (!robot.admit(clock.instant())) {
      return throttled(robot.id(), body);
    }
    String text = WeComBodyReader.visibleText(type, json);
    receive(new ReceivedMessage(robot.id(), type, json, text,
        WeComBodyReader.mentions(type, json, text), WeComBodyReader.unverifiedMentions(type, text)));
    return errcode(0, "ok");
  }

  /** {@code {"errcode":…,"errmsg":…}} with WeCom's "more info" link after the message. */
  @Override
  protected Answer errorAnswer(int errcode, String errmsg) {
    return errcode(errcode, errmsg + MORE_INFO + errcode);
  }

  @Override
  protected Answer busy(String robotId, String body) {
    return refuse(robotId, -1, "system busy", body);
  }

  @Override
  protected Answer throttled(String robotId, String body) {
    return refuse(robotId, 45009, "api freq out of limit", body);
  }

  private static Answer errcode(int errcode, String errmsg) {
    return json(200, Map.of("errcode", errcode, "errmsg", errmsg));
  }
}
