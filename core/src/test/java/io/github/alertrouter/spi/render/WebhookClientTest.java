package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.ErrorTable.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The skeleton with two made-up platforms: "Acme" reads {@code errcode}/{@code errmsg} after the
 * HTTP status (as DingTalk and WeCom do), "Coded" reads {@code code}/{@code msg} first (as Lark does).
 */
class WebhookClientTest {
  private static final String TOKEN = "tok3nVerySecret42";
  private static final String WEBHOOK = "https://chat.example/hook?access_token=" + TOKEN;
  private static final String SECRET = "s3cretSigningKey";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1700000000012L), ZoneOffset.UTC);

  private static final ErrorTable TABLE = ErrorTable.of(Map.of(
      -1, Rule.retryable(FailureKind.SERVER_ERROR),
      410100, Rule.retryable(FailureKind.RATE_LIMITED, Duration.ofMinutes(10)),
      11232, Rule.retryable(FailureKind.RATE_LIMITED),
      19024, Rule.permanent(FailureKind.KEYWORD_REJECTED)));

  private static final WebhookProtocol ACME =
      WebhookProtocol.of("Acme", WebhookProtocol.Answer.fields("errcode", "errmsg"), TABLE)
          .signingUrl((webhook, secret, clock) -> webhook + "&timestamp=" + clock.millis()
              + "&sign=" + secret.reveal().length())
          .otherAnswer((body, text, detail) -> body.has("wait")
              ? new SendResult.Retryable(FailureKind.RATE_LIMITED, "gateway", detail.apply(text),
                  Duration.ofSeconds(body.get("wait").asInt()))
              : null);

  private static final WebhookProtocol CODED = WebhookProtocol.of("Coded", WebhookClientTest::coded, TABLE)
      .signingBody((body, secret, clock) -> body.replace("}", ",\"timestamp\":\"" + clock.instant().getEpochSecond() + "\"}"))
      .askedWait(response -> response.header("x-reset").map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null))
      .codeFirst();

  private static WebhookProtocol.Answer coded(JsonNode body, String text) {
    if (!body.path("code").canConvertToInt()) {
      return null;
    }
    String msg = body.path("msg").asText("");
    return new WebhookProtocol.Answer(body.get("code").asInt(), msg, msg.isEmpty() ? text : msg);
  }

  private static Robot robot(String secret) {
    return new Robot("ops", "acme", Secret.of(WEBHOOK), secret == null ? null : Secret.of(secret), null);
  }

  private static Transport.Response answer(int status, String body, String... headers) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return new Transport.Response(status, body, map);
  }

  private static SendResult classify(WebhookProtocol protocol, Transport.Response response) {
    return new WebhookClient(robot(null), ClientContext.defaults(CLOCK), protocol).classify(response);
  }

  static Stream<Arguments> statusFirst() {
    return Stream.of(
        Arguments.of("code 0 with 2xx is sent", answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"), SendResult.sent()),
        Arguments.of("a code goes to the table", answer(200, "{\"errcode\":19024,\"errmsg\":\"Key Words\"}"),
            new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "19024", "Key Words")),
        Arguments.of("the table's wait", answer(200, "{\"errcode\":410100,\"errmsg\":\"too fast\"}"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "too fast", Duration.ofMinutes(10))),
        Arguments.of("no wait in the rule: Retry-After",
            answer(200, "{\"errcode\":11232,\"errmsg\":\"limited\"}", "retry-after", "7"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "11232", "limited", Duration.ofSeconds(7))),
        Arguments.of("an unknown code is permanent", answer(200, "{\"errcode\":5,\"errmsg\":\"new\"}"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "5", "new")),
        Arguments.of("a missing message is an empty detail", answer(200, "{\"errcode\":5}"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "5", "")),
        Arguments.of("HTTP 4xx with a code: the code decides", answer(400, "{\"errcode\":19024,\"errmsg\":\"kw\"}"),
            new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "19024", "kw")),
        Arguments.of("code 0 under HTTP 400 is not success", answer(400, "{\"errcode\":0}"),
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 400", "{\"errcode\":0}")),
        Arguments.of("code 0 under HTTP 302 is not success", answer(302, "{\"errcode\":0}"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 302", "not a Acme answer: {\"errcode\":0}")),
        Arguments.of("HTTP 5xx outranks the code", answer(502, "{\"errcode\":410100,\"errmsg\":\"x\"}"),
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 502", "{\"errcode\":410100,\"errmsg\":\"x\"}",
                null)),
        Arguments.of("HTTP 429 outranks the code, waits Retry-After",
            answer(429, "{\"errcode\":19024}", "retry-after", "3"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "{\"errcode\":19024}", Duration.ofSeconds(3))),
        Arguments.of("HTTP 429 without Retry-After", answer(429, ""),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "", null)),
        Arguments.of("an answer the platform knows without a code", answer(200, "{\"wait\":5}"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "gateway", "{\"wait\":5}", Duration.ofSeconds(5))),
        Arguments.of("HTTP 413", answer(413, "too big"),
            new SendResult.Permanent(FailureKind.TOO_LONG, "HTTP 413", "too big")),
        Arguments.of("HTTP 404 without a body code", answer(404, "<html>not found</html>"),
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 404", "<html>not found</html>")),
        Arguments.of("HTTP 200 that is not JSON", answer(200, "<html>portal</html>"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a Acme answer: <html>portal</html>")),
        Arguments.of("a JSON array is not an answer", answer(200, "[0]"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a Acme answer: [0]")),
        Arguments.of("no body", answer(200, null),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a Acme answer: ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statusFirst")
  void classifiesAfterTheStatus(String name, Transport.Response response, SendResult expected) {
    assertThat(classify(ACME, response)).isEqualTo(expected);
  }

  static Stream<Arguments> codeFirst() {
    return Stream.of(
        Arguments.of("code 0 with 2xx is sent", answer(200, "{\"code\":0,\"msg\":\"success\"}"), SendResult.sent()),
        Arguments.of("code 0 below 400 is sent", answer(302, "{\"code\":0}"), SendResult.sent()),
        Arguments.of("an empty message shows the whole answer", answer(400, "{\"code\":19024}"),
            new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "19024", "{\"code\":19024}")),
        Arguments.of("HTTP 429 named by its code", answer(429, "{\"code\":11232,\"msg\":\"limited\"}", "x-reset", "4"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "11232", "limited", Duration.ofSeconds(4))),
        Arguments.of("HTTP 429 with code 0", answer(429, "{\"code\":0,\"msg\":\"success\"}"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "success", null)),
        Arguments.of("HTTP 429 whatever a permanent code says", answer(429, "{\"code\":19024,\"msg\":\"kw\"}"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "19024", "kw", null)),
        Arguments.of("HTTP 5xx keeps a retryable code", answer(503, "{\"code\":-1,\"msg\":\"busy\"}"),
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "-1", "busy", null)),
        Arguments.of("HTTP 5xx around a permanent code is a server error", answer(503, "{\"code\":19024,\"msg\":\"k\"}"),
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "{\"code\":19024,\"msg\":\"k\"}", null)),
        Arguments.of("code 0 under HTTP 400 is not success", answer(400, "{\"code\":0}"),
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 400", "{\"code\":0}")),
        Arguments.of("HTTP 429 without a code", answer(429, "slow down", "x-reset", "9"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "slow down", Duration.ofSeconds(9))),
        Arguments.of("not an answer", answer(200, "{\"ok\":true}"),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 200", "not a Coded answer: {\"ok\":true}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codeFirst")
  void classifiesTheCodeFirst(String name, Transport.Response response, SendResult expected) {
    assertThat(classify(CODED, response)).isEqualTo(expected);
  }

  @Test
  void signsTheUrlAndTheBodyOnlyForARobotWithASecret() {
    List<String> seen = new ArrayList<>();
    Transport transport = (uri, headers, body, timeout) -> {
      seen.add(uri + " " + new String(body, StandardCharsets.UTF_8));
      return new Transport.Response(200, "{\"errcode\":0,\"code\":0}");
    };
    ClientContext context = new ClientContext(transport, CLOCK, Duration.ofSeconds(1));
    OutboundMessage message = new OutboundMessage("text", "{\"a\":1}", List.of());

    new WebhookClient(robot(SECRET), context, ACME).send(message);
    new WebhookClient(robot(SECRET), context, CODED).send(message);
    new WebhookClient(robot(""), context, ACME).send(message);
    new WebhookClient(robot(null), context, CODED).send(message);

    assertThat(seen).containsExactly(
        WEBHOOK + "&timestamp=1700000000012&sign=16 {\"a\":1}",
        WEBHOOK + " {\"a\":1,\"timestamp\":\"1700000000\"}",
        WEBHOOK + " {\"a\":1}",
        WEBHOOK + " {\"a\":1}");
  }

  private static final WebhookProtocol PLAIN = WebhookProtocol.byStatus("Plain")
      .signingHeaders((body, secret, clock) -> Map.of("X-Sig", clock.millis() + ":" + secret.reveal().length() + ":" + body));

  static Stream<Arguments> byStatus() {
    Duration wait = Duration.ofSeconds(7);
    return Stream.of(
        Arguments.of("any 2xx is sent, whatever its body", answer(204, ""), SendResult.sent()),
        Arguments.of("a 2xx with an error-looking body is still sent", answer(200, "{\"errcode\":310000}"), SendResult.sent()),
        Arguments.of("429 is a rate limit with its Retry-After", answer(429, "slow", "Retry-After", "7"),
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "HTTP 429", "slow", wait)),
        Arguments.of("503 is a server error with its Retry-After", answer(503, "down", "Retry-After", "7"),
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP 503", "down", wait)),
        Arguments.of("401 is a rejected signature", answer(401, "no"),
            new SendResult.Permanent(FailureKind.SIGNATURE_REJECTED, "HTTP 401", "no")),
        Arguments.of("410 is a robot that is gone", answer(410, "gone"),
            new SendResult.Permanent(FailureKind.INVALID_ROBOT, "HTTP 410", "gone")),
        Arguments.of("413 is too long", answer(413, "big"),
            new SendResult.Permanent(FailureKind.TOO_LONG, "HTTP 413", "big")),
        Arguments.of("another 4xx is a bad request", answer(418, "teapot"),
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "HTTP 418", "teapot")),
        Arguments.of("a 3xx is unknown", answer(302, ""),
            new SendResult.Permanent(FailureKind.UNKNOWN, "HTTP 302", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byStatus")
  void classifiesByStatusAlone(String name, Transport.Response response, SendResult expected) {
    assertThat(classify(PLAIN, response)).isEqualTo(expected);
  }

  @Test
  void signsInHeadersOnlyForARobotWithASecret() {
    List<Map<String, String>> seen = new ArrayList<>();
    Transport transport = (uri, headers, body, timeout) -> {
      seen.add(headers);
      return new Transport.Response(200, "");
    };
    ClientContext context = new ClientContext(transport, CLOCK, Duration.ofSeconds(1));
    OutboundMessage message = new OutboundMessage("json", "{\"a\":1}", List.of());

    new WebhookClient(robot(SECRET), context, PLAIN).send(message);
    new WebhookClient(robot(null), context, PLAIN).send(message);

    assertThat(seen.get(0)).containsEntry("X-Sig", "1700000000012:16:{\"a\":1}")
        .containsEntry("Content-Type", "application/json; charset=utf-8");
    assertThat(seen.get(1)).doesNotContainKey("X-Sig").containsEntry("Content-Type", "application/json; charset=utf-8");
  }

  @Test
  void noDetailCarriesTheTokenTheSecretOrABareCredential() {
    WebhookProtocol bare = ACME.redacting(robot -> TOKEN);
    String echo = "bad request " + WEBHOOK + " secret=" + SECRET + " token " + TOKEN;
    WebhookClient client = new WebhookClient(robot(SECRET), ClientContext.defaults(CLOCK), bare);

    for (Transport.Response r : List.of(answer(200, "{\"errcode\":-1,\"errmsg\":\"" + echo + "\"}"),
        answer(503, echo), answer(429, echo), answer(404, echo), answer(200, echo))) {
      assertThat(client.classify(r).toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
    }
  }

  @Test
  void transportFailuresAreResultsWithoutTheToken() {
    Transport careless = (uri, headers, body, timeout) -> {
      throw new IOException("cannot reach " + uri);
    };
    ClientContext context = new ClientContext(careless, CLOCK, Duration.ofSeconds(1));

    SendResult result = new WebhookClient(robot(SECRET), context, ACME)
        .send(new OutboundMessage("text", "{}", List.of()));

    assertThat(result).isInstanceOfSatisfying(SendResult.Retryable.class,
        r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
    assertThat(result.toString()).contains("cannot reach").doesNotContain(TOKEN);
  }
}
