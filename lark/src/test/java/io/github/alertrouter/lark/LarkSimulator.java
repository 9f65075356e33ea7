package io.github.alertrouter.lark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.RateLimiter;
import io.github.alertrouter.testkit.ReceivedMessage;
import io.github.alertrouter.testkit.RejectedMessage;
import io.github.alertrouter.testkit.SimulatedRequest;
import io.github.alertrouter.testkit.SimulatedRobot;
import io.github.alertrouter.testkit.SimulatorServer;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Lark (Feishu) custom-bot webhook service on {@code 127.0.0.1} (docs/platforms.md §2), for tests:
 * {@code POST /open-apis/bot/v2/hook/{token}}, answered with {@code {"code":…,"msg":…}} like the
 * real one (success also carries the legacy {@code StatusCode}/{@code StatusMessage}). Error
 * answers are {@code {"code":…,"data":{},"msg":…}}, keys in the order Lark writes them. Every
 * {@code msg} is the documented text, verbatim: a client may tell answers apart by it (9499).
 *
 * <p>Checks, in this order (the first failing one answers, HTTP 200 unless said):
 * <ol>
 *   <li>not POST → 9499 "Bad Request" (HTTP 400); unknown token → 19001 "param invalid: incoming
 *       webhook access token invalid";
 *   <li>body over {@value #MAX_BODY_BYTES} UTF-8 bytes → 19036 "The message exceeds the size
 *       limit of 30KB" (<b>simulator's choice</b>: what the real service answers for a body over
 *       20 KB is unverified; 19036 is its only documented size code, and the body limit binds
 *       first; its text names 30 KB, the card-content limit, even so);
 *   <li>malformed JSON or not an object → 9499 "Bad Request" (HTTP 400);
 *   <li>signed robot: {@code timestamp} missing, not seconds, more than one hour from the clock
 *       (inclusive window), or {@code sign} not docs/platforms.md §4's → 19021 "sign match fail or timestamp is not
 *       within one hour from current time";
 *   <li>{@code msg_type} missing or unknown → 19002 "param invalid: msg_type"; a type's shape
 *       wrong (text {@code content.text}; post {@code content.post.zh_cn|en_us.content} of
 *       known elements; interactive {@code card}) → 9499 "fail to parse content" (HTTP 400);
 *   <li>keyword robot whose keywords are in none of the text/title values (never hrefs) →
 *       19024 "Key Words Not Found";
 *   <li>{@link #forbidAtAll} robot and the message @s everyone → {@value #AT_ALL_FORBIDDEN} "this
 *       group is set to only admin can mention @All" (HTTP 200). <b>Best evidence, not
 *       documented for custom bots</b>: the bot doc says only that such a card fails; 11235 with
 *       this text is Lark's server-side error code for it
 *       (https://open.larksuite.com/document/ukTMukTMukTM/ugjM14COyUjL4ITN), answered with HTTP 200
 *       by the batch-message API (https://open.larksuite.com/document/ukTMukTMukTM/ucDO1EjL3gTNx4yN4UTM);
 *   <li>rate limit → 11232 "frequency limited": a bot that had 5 messages accepted in the last
 *       second, or 100 in the last 60 seconds (sliding windows {@code (now - w, now]} on the
 *       injected clock). <b>Refused requests do not count</b> (Lark's counting is undocumented;
 *       this keeps the @all fallback's second request from being charged twice); no penalty.
 * </ol>
 *
 * <p><b>Mentions</b> recorded per accepted message (see {@link ReceivedMessage#mentions()}):
 * card {@code <at id=…></at>} or {@code <at ids=…>} in {@code lark_md}/{@code markdown} contents;
 * text {@code <at user_id="…">}; post {@code at} elements. Ids starting {@code ou_} are
 * {@code openId:}, others {@code userId:}, and {@code all} is {@code "all"}. Entity-escaped tags
 * are text. The text is every title and text value, with card entities decoded.
 *
 * <p>Faults: {@link Fault.Throttled} answers 11232; {@link Fault.Busy} HTTP 503 (Lark has no
 * documented "busy" code); {@link Fault.ErrorCode} that code and message (9499 with HTTP 400, as
 * observed for "too many request"); {@link #tooManyRequests()} and {@link #frequencyLimit()} are
 * Lark's two rate-limit answers outside the code table.
 *
 * <p><b>Robots</b> may have any mix of a secret and up to 10 keywords, none included.
 *
 * <p>Thread-safe. Requests are handled on a small pool so a {@link Fault.Delay} does not hold up
 * others.
 */
public final class LarkSimulator extends SimulatorServer {
  /** The body limit in UTF-8 bytes (see the class comment for its answer). */
  public static final int MAX_BODY_BYTES = 20000;
  /** Messages a bot may send per second. */
  public static final int PER_SECOND = 5;
  /** Messages a bot may send per 60 seconds. */
  public static final int PER_MINUTE = 100;
  /** How far a signature's timestamp may be from the simulator's clock. */
  public static final Duration SIGNATURE_WINDOW = Duration.ofHours(1);
  /** The code a group that forbids @all answers with (see the class comment). */
  public static final int AT_ALL_FORBIDDEN = 11235;
  private static final String PREFIX = "/open-apis/bot/v2/hook/";
  private static final String SUCCESS =
      "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}";

  /** Ids of the robots whose group refuses @all; guarded by the simulator's lock. */
  private final Set<String> atAllForbidden = new HashSet<>();

  private LarkSimulator(Clock clock) {
    super("lark", "Lark", "; charset=utf-8", clock);
  }

  /**
   * Starts a simulator on a random port of {@code 127.0.0.1} whose time is {@code clock}.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static LarkSimulator start(Clock clock) {
    return listening(new LarkSimulator(clock));
  }

  /** Lark's 9499 "too many request" (HTTP 400), as a fault. */
  public static Fault tooManyRequests() {
    return Fault.errorCode(9499, "too many request");
  }

  /**
   * The open-platform gateway's rate-limit answer, HTTP 429 with {@code {"code":99991400,"msg":
   * "request trigger frequency limit"}}, as a fault (documented for OpenAPIs at
   * https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control ; whether bot
   * webhooks pass that gateway is unverified). Without headers: a {@code Retry-After} cannot be
   * injected.
   */
  public static Fault frequencyLimit() {
    return Fault.rawAnswer(429, "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}");
  }

  /** Makes {@code robotId}'s group refuse every message that @s everyone (the owner disabled @all). */
  public synchronized void forbidAtAll(String robotId) {
    if (robotById(robotId) == null) {
      throw new IllegalArgumentException("no robot " + robotId);
    }
    atAllForbidden.add(robotId);
  }

  @Override
  protected boolean isWebhookPath(String path) {
    return path.startsWith(PREFIX);
  }

  @Override
  protected String token(SimulatedRequest request) {
    return request.path().substring(PREFIX.length());
  }

  @Override
  protected void checkSecurity(String secret, String... keywords) {
    if (keywords.length > 10) {
      throw new IllegalArgumentException("Lark allows up to 10 keywords, but " + keywords.length + " were given");
    }
  }

  @Override
  protected String newToken() {
    return randomHex(16);
  }

  @Override
  protected String webhook(String token) {
    return baseUrl() + PREFIX + token;
  }

  @Override
  protected RateLimiter newRateLimiter() {
    return RateLimiter.of(PER_SECOND, Duration.ofSeconds(1)).and(PER_MINUTE, Duration.ofSeconds(60));
  }

  @Override
  protected Answer check(SimulatedRequest request, String token) {
    String body = request.body();
    if (!"POST".equals(request.method())) {
      return refuse(null, 9499, "Bad Request", body);
    }
    SimulatedRobot robot = robotByToken(token);
    if (robot == null) {
      return refuse(null, 19001, "param invalid: incoming webhook access token invalid", body);
    }
    if (request.bytes().length > MAX_BODY_BYTES) {
      return refuse(robot.id(), 19036, "The message exceeds the size limit of 30KB", body);
    }
    JsonNode json = request.jsonObject();
    if (json == null) {
      return refuse(robot.id(), 9499, "Bad Request", body);
    }
    if (robot.secret() != null && !LarkRequests.signatureOk(robot.secret(), json, clock.instant().getEpochSecond())) {
      return refuse(robot.id(), 19021, "sign match fail or timestamp is not within one hour from current time", body);
    }
    String type = json.path("msg_type").asText("");
    if (!LarkBodyReader.TYPES.contains(type)) {
      return refuse(robot.id(), 19002, "param invalid: msg_type", body);
    }
    if (LarkBodyReader.shapeProblem(type, json) != null) {
      return refuse(robot.id(), 9499, "fail to parse content", body);
    }
    String text = LarkBodyReader.visibleText(type, json);
    if (robot.lacksKeyword(text)) {
      return refuse(robot.id(), 19024, "Key Words Not Found", body);
    }
    if (atAllForbidden.contains(robot.id()) && LarkBodyReader.mentionsAll(type, json)) {
      return refuse(robot.id(), AT_ALL_FORBIDDEN, "this group is set to only admin can mention @All", body);
    }
    if (!robot.admit(clock.instant())) {
      return throttled(robot.id(), body);
    }
    receive(new ReceivedMessage(robot.id(), type, json, text, LarkBodyReader.mentions(type, json), Set.of()));
    return new Answer(200, SUCCESS);
  }

  /**
   * {@code {"code":…,"data":{},"msg":…}} in this key order (Lark's answers list their keys
   * alphabetically), with HTTP 400 for 9499 as Lark answers it.
   */
  @Override
  protected Answer errorAnswer(int code, String msg) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("code", code);
    fields.put("data", Map.of());
    fields.put("msg", msg);
    return json(code == 9499 ? 400 : 200, fields);
  }

  /** HTTP 503: Lark documents no "busy" code. */
  @Override
  protected Answer busy(String robotId, String body) {
    reject(new RejectedMessage(robotId, "HTTP 503", "simulated busy", body));
    return new Answer(503, "service unavailable");
  }

  @Override
  protected Answer throttled(String robotId, String body) {
    return refuse(robotId, 11232, "frequency limited", body);
  }
}
