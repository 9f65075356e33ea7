package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.ScriptedServer.OK;
import static io.github.alertrouter.internal.http.ScriptedServer.answer;
import static io.github.alertrouter.internal.http.ScriptedServer.answerAndClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.internal.http.ScriptedServer.Step;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How answers are read: each framing gives its status and body, and leaves the connection reusable
 * or not; a second request shows which, by the connection the server sees it on.
 */
class Http11TransportAnswerTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final int MAX = AnswerReader.MAX_BODY;

  final Transport transport = new Http11Transport(Duration.ofSeconds(2), 4, null, null);
  ScriptedServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> framings() {
    return Stream.of(
        Arguments.of("Content-Length", answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"), 200, "hello", true),
        Arguments.of("chunked, with an extension and a trailer", answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"
            + "\r\n\r\n5\r\nhello\r\n7;name=v\r\n w\u00c3\u00b6rld\r\n0\r\nX-Trailer: t\r\n\r\n"), 200, "hello wörld",
            true), // ö in UTF-8: two bytes, the chunk's 7
        Arguments.of("100 Continue first", answer("HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), 200, "ok", true),
        Arguments.of("103 Early Hints with headers, then 100", answer("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
            + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"), 202, "", true),
        Arguments.of("no reason phrase, bare LF line ends", answer("HTTP/1.1 200\nContent-Length: 2\n\nok"), 200, "ok", true),
        Arguments.of("204 without a body", answer("HTTP/1.1 204 No Content\r\n\r\n"), 204, "", true),
        Arguments.of("an error status with its body",
            answer("HTTP/1.1 503 Busy\r\nContent-Length: 4\r\n\r\nbusy"), 503, "busy", true),
        Arguments.of("HTTP/1.0 with keep-alive", answer("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"
            + "Content-Length: 2\r\n\r\nok"), 200, "ok", true),
        // the server below would read another request: only the client's reading keeps it from reusing
        Arguments.of("Connection: close", answer("HTTP/1.1 200 OK\r\nConnection: close\r\n"
            + "Content-Length: 2\r\n\r\nok"), 200, "ok", false),
        Arguments.of("Connection: close among other tokens", answer("HTTP/1.1 200 OK\r\nConnection: foo, Close\r\n"
            + "Content-Length: 2\r\n\r\nok"), 200, "ok", false),
        Arguments.of("HTTP/1.0 without keep-alive", answer("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"),
            200, "ok", false),
        Arguments.of("bytes sent unasked after the answer",
            answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n"), 200, "ok", false),
        Arguments.of("no length: read to close", answerAndClose("HTTP/1.1 200 OK\r\n\r\nto the end"),
            200, "to the end", false),
        Arguments.of("a coding without chunks: read to close",
            answerAndClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw"), 200, "raw", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("framings")
  void eachFramingGivesItsAnswerAndTellsWhetherTheConnectionIsKept(String name, Step first, int status, String body,
      boolean reused) throws Exception {
    server = ScriptedServer.start(first, answer(OK));

    Transport.Response response = Calls.post(transport, server, TIMEOUT).answered();
    Transport.Response next = Calls.post(transport, server, TIMEOUT).answered();

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
    assertThat(next.body()).isEqualTo("ok");
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, reused ? 1 : 2);
  }

  @Test
  void headersComeInLowerCaseWithEveryValue() throws Exception {
    server = ScriptedServer.start(answer("HTTP/1.1 429 Too Many\r\nX-Multi: a\r\nx-MULTI:  b \r\n"
        + "Retry-After: 7\r\nContent-Length: 0\r\n\r\n"));

    Transport.Response response = Calls.post(transport, server, TIMEOUT).answered();

    assertThat(response.headers()).containsEntry("x-multi", List.of("a", "b")).containsEntry("retry-after", List.of("7"));
    assertThat(response.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void aBodyOfExactlyTheCapIsRead() throws Exception {
    server = ScriptedServer.start(answer(withBody("HTTP/1.1 200 OK\r\nContent-Length: " + MAX + "\r\n\r\n", MAX)));

    assertThat(Calls.post(transport, server, TIMEOUT).answered().body()).hasSize(MAX);
  }

  static Stream<Arguments> overTheCap() {
    return Stream.of(
        Arguments.of("Content-Length over the cap", answer("HTTP/1.1 200 OK\r\nContent-Length: " + (MAX + 1) + "\r\n\r\n")),
        Arguments.of("a chunk over the cap", answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(MAX + 1) + "\r\n")),
        Arguments.of("chunks adding up over the cap", answer(withBody("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"
            + "\r\n\r\n" + Integer.toHexString(MAX) + "\r\n", MAX, "\r\n1\r\nx\r\n0\r\n\r\n"))),
        Arguments.of("read to close over the cap", answerAndClose(withBody("HTTP/1.1 200 OK\r\n\r\n", MAX + 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overTheCap")
  void aBodyOverTheCapFailsTheRequest(String name, Step step) throws Exception {
    server = ScriptedServer.start(step, answer(OK));

    assertThat(Calls.post(transport, server, TIMEOUT).failedWith(IOException.class)).hasMessageContaining("over the");
    Calls.post(transport, server, TIMEOUT).answered();
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n"),
        Arguments.of("HTTP/2 preface", "HTTP/2 200\r\n\r\n"),
        Arguments.of("a status that is not a number", "HTTP/1.1 2x0 OK\r\n\r\n"),
        Arguments.of("a status of four digits", "HTTP/1.1 2000 OK\r\n\r\n"),
        Arguments.of("a header line without a colon", "HTTP/1.1 200 OK\r\nnot a header\r\n\r\n"),
        Arguments.of("a Content-Length that is not a number", "HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\nok"),
        Arguments.of("two different Content-Lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"),
        Arguments.of("a chunk size that is not hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
        Arguments.of("a chunk longer than its size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokk\r\n"),
        Arguments.of("closed in the middle of the body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"),
        Arguments.of("closed in the middle of the head", "HTTP/1.1 200 OK\r\nContent-Le"),
        Arguments.of("closed in the middle of a chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"),
        Arguments.of("101 Switching Protocols", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n"),
        Arguments.of("a header line over 16 KiB", "HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(17 << 10) + "\r\n\r\n"),
        // the 64 KiB of headers is checked when the 16 KiB buffer is refilled: up to ~80 KiB get through
        Arguments.of("headers far over 64 KiB", "HTTP/1.1 200 OK\r\n" + "X-Many: 0123456789\r\n".repeat(8000) + "\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedAnswerIsAnIoExceptionAndItsConnectionIsDropped(String name, String raw) throws Exception {
    server = ScriptedServer.start(answerAndClose(raw), answer(OK));

    Calls.post(transport, server, TIMEOUT).failedWith(IOException.class);
    Calls.post(transport, server, TIMEOUT).answered();
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2);
  }

  static byte[] withBody(String head, int size) {
    return withBody(head, size, "");
  }

  static byte[] withBody(String head, int size, String tail) {
    byte[] start = ScriptedServer.bytes(head);
    byte[] end = ScriptedServer.bytes(tail);
    byte[] all = Arrays.copyOf(start, start.length + size + end.length);
    Arrays.fill(all, start.length, start.length + size, (byte) 'x');
    System.arraycopy(end, 0, all, start.length + size, end.length);
    return all;
  }
}
