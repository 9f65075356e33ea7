package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.ScriptedServer.OK;
import static io.github.alertrouter.internal.http.ScriptedServer.answer;
import static io.github.alertrouter.internal.http.ScriptedServer.closeWithoutAnswer;
import static io.github.alertrouter.internal.http.ScriptedServer.silent;
import static io.github.alertrouter.internal.http.ScriptedServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.Calls.Outcome;
import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.internal.http.ScriptedServer.Step;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One deadline per request, whatever the server does with it; failures without an answer are
 * reported once, never retried. Each call is waited for at most three times its timeout.
 */
class Http11TransportDeadlineTest {
  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration BOUND = TIMEOUT.multipliedBy(3);
  static final Duration EVERY = Duration.ofMillis(40); // well under TIMEOUT: no single read waits long

  final Transport transport = new Http11Transport(Duration.ofSeconds(2), 4, null, null);
  ScriptedServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  Outcome post(ScriptedServer to) {
    return Calls.post(transport, to.uri(Calls.PATH), TIMEOUT, BOUND);
  }

  static void assertTimedOut(Outcome outcome) {
    outcome.failedWith(HttpTimeoutException.class);
    assertThat(outcome.took()).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(20)).isLessThan(BOUND);
  }

  static Stream<Arguments> slowServers() {
    String body = "x".repeat(200);
    return Stream.of(
        Arguments.of("silent after reading the request", silent()),
        Arguments.of("trickling its status line", trickle("", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", EVERY)),
        Arguments.of("trickling its headers", trickle("HTTP/1.1 200 OK\r\n", "X-Slow: " + body + "\r\n\r\n", EVERY)),
        Arguments.of("trickling a Content-Length body",
            trickle("HTTP/1.1 200 OK\r\nContent-Length: 200\r\n\r\n", body, EVERY)),
        Arguments.of("trickling chunks", trickle("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            "1\r\nx\r\n".repeat(50) + "0\r\n\r\n", EVERY)),
        Arguments.of("trickling a body read to close", trickle("HTTP/1.1 200 OK\r\n\r\n", body, EVERY)),
        Arguments.of("sending 100 Continue, then a trickle", trickle("HTTP/1.1 100 Continue\r\n\r\n", body, EVERY)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowServers")
  void theDeadlineHoldsHoweverSlowlyTheServerAnswers(String name, Step slow) throws Exception {
    server = ScriptedServer.start(slow, answer(OK));

    assertTimedOut(post(server));

    // the timed-out connection is not kept: the next request goes on a new one
    assertThat(post(server).answered().body()).isEqualTo("ok");
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2);
  }

  @Test
  void theWatchdogEndsAWriteTheServerNeverReads() throws Exception {
    server = ScriptedServer.neverReading();
    byte[] big = new byte[16 << 20]; // far over what the socket buffers on both ends hold

    Outcome outcome = Calls.run(() -> transport.post(server.uri(Calls.PATH), Map.of(), big, TIMEOUT), BOUND);

    assertTimedOut(outcome);
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void aServerThatClosesWithoutAnsweringSeesTheRequestOnce() throws Exception {
    server = ScriptedServer.start(closeWithoutAnswer(), answer(OK));

    Outcome outcome = Calls.post(transport, server, Duration.ofSeconds(5));

    assertThat(outcome.failedWith(IOException.class)).hasMessageContaining("closed the connection without answering");
    assertThat(server.requests.get()).isEqualTo(1);
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void aServerThatClosesInTheMiddleOfItsAnswerSeesTheRequestOnce() throws Exception {
    server = ScriptedServer.start(exchange -> {
      exchange.send(ScriptedServer.bytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"));
      return false;
    }, answer(OK));

    Calls.post(transport, server, Duration.ofSeconds(5)).failedWith(IOException.class);

    assertThat(server.requests.get()).isEqualTo(1);
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsAnIoException() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort(); // nothing listens there once it is closed
    }
    URI uri = URI.create("http://127.0.0.1:" + port + Calls.PATH);

    Outcome outcome = Calls.post(transport, uri, Duration.ofSeconds(5), ScriptedServer.WAIT);

    outcome.failedWith(ConnectException.class);
  }

  @Test
  void theDeadlineHoldsAgainstAServerThatNeverAnswersTheTlsHandshake() throws Exception {
    // a server that never completes TLS: the handshake is bounded by the request's deadline too
    server = ScriptedServer.neverReading();
    URI https = URI.create("https://127.0.0.1:" + server.port() + Calls.PATH);

    assertTimedOut(Calls.post(transport, https, TIMEOUT, BOUND));
  }
}
