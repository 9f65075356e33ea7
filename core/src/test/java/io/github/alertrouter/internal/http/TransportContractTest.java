package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.Calls.PATH;
import static io.github.alertrouter.internal.http.Calls.SECRET;
import static io.github.alertrouter.internal.http.ScriptedServer.answer;
import static io.github.alertrouter.internal.http.ScriptedServer.closeWithoutAnswer;
import static io.github.alertrouter.internal.http.ScriptedServer.silent;
import static io.github.alertrouter.internal.http.ScriptedServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.internal.http.Calls.Outcome;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Transport} the router ships must do, against a raw server on 127.0.0.1: answer
 * whatever the status, headers in lower case, the request's timeout as its deadline, no retry, and
 * no part of the URL's path or query (the webhook token) in a failure. A subclass names the
 * transport; a case it fails is overridden there, disabled, with what that transport does instead.
 */
abstract class TransportContractTest {
  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration BOUND = TIMEOUT.multipliedBy(3);

  ScriptedServer server;

  /** The transport under test, with a connect timeout of {@code connectTimeout}. */
  abstract Transport transport(Duration connectTimeout);

  final Transport transport = transport(Duration.ofSeconds(2));

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  Outcome post(Duration timeout, Duration bound) {
    return Calls.post(transport, server.uri(PATH), timeout, bound);
  }

  static void assertTimedOut(Outcome outcome) {
    outcome.failedWith(HttpTimeoutException.class);
    assertThat(outcome.took()).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(20)).isLessThan(BOUND);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 201, 302, 400, 404, 410, 429, 500, 502, 503})
  void theStatusAndBodyComeBackWhateverTheStatus(int status) throws Exception {
    server = ScriptedServer.start(answer("HTTP/1.1 " + status + " Whatever\r\nLocation: /elsewhere\r\n"
        + "Content-Length: 13\r\n\r\n{\"errcode\":1}"));

    Transport.Response response = post(Duration.ofSeconds(5), ScriptedServer.WAIT).answered();

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).isEqualTo("{\"errcode\":1}");
    assertThat(server.requests.get()).as("a redirect is not followed").isEqualTo(1);
  }

  @Test
  void headerNamesComeInLowerCase() throws Exception {
    server = ScriptedServer.start(answer("HTTP/1.1 429 Slow Down\r\nRetry-After: 3\r\nX-Request-ID: r1\r\n"
        + "Content-Length: 0\r\n\r\n"));

    Transport.Response response = post(Duration.ofSeconds(5), ScriptedServer.WAIT).answered();

    assertThat(response.headers()).containsEntry("retry-after", List.of("3")).containsEntry("x-request-id", List.of("r1"));
    assertThat(response.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void aSilentServerTimesOutAtTheDeadline() throws Exception {
    server = ScriptedServer.start(silent());

    assertTimedOut(post(TIMEOUT, BOUND));
  }

  @Test
  void aServerTricklingItsBodyTimesOutAtTheDeadline() throws Exception {
    server = ScriptedServer.start(trickle("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", "x".repeat(100),
        Duration.ofMillis(40)));

    assertTimedOut(post(TIMEOUT, BOUND));
  }

  @Test
  void aServerNeverReadingABigBodyTimesOutAtTheDeadline() throws Exception {
    server = ScriptedServer.neverReading();
    byte[] big = new byte[16 << 20];

    assertTimedOut(Calls.run(() -> transport.post(server.uri(PATH), Map.of(), big, TIMEOUT), BOUND));
  }

  @Test
  void aServerClosingWithoutAnAnswerSeesTheRequestOnce() throws Exception {
    server = ScriptedServer.start(closeWithoutAnswer());

    post(Duration.ofSeconds(5), ScriptedServer.WAIT).failedWith(IOException.class);

    assertThat(server.requests.get()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsAnIoException() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    Calls.post(transport, URI.create("http://127.0.0.1:" + port + PATH), TIMEOUT, ScriptedServer.WAIT)
        .failedWith(IOException.class);
  }

  @Test
  void aHeaderValueBreakingTheLineIsRefusedWithoutEchoingIt() {
    URI uri = URI.create("http://127.0.0.1:9" + PATH);

    assertThatThrownBy(() -> transport.post(uri, Map.of("X-Sign", SECRET + "\r\nX-Injected: 1"), Calls.BODY, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(Calls::assertNamesNoSecret);
  }

  @Test
  void anUnsupportedSchemeIsRefusedWithoutNamingTheUrl() {
    URI ftp = URI.create("ftp://127.0.0.1" + PATH);

    assertThatThrownBy(() -> transport.post(ftp, Map.of(), Calls.BODY, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(Calls::assertNamesNoSecret);
  }

  @Test
  void aUrlWithoutAHostIsRefusedWithoutNamingIt() {
    // an underscore makes the authority registry-based: the URI has no host, its text holds the token
    URI noHost = URI.create("http://robot_1.example" + PATH);

    assertThatThrownBy(() -> transport.post(noHost, Map.of(), Calls.BODY, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(Calls::assertNamesNoSecret);
  }
}
