package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.Calls.PATH;
import static io.github.alertrouter.internal.http.Calls.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.spi.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the transport writes: the request as it arrives at a raw server, and what it refuses to write. */
class Http11TransportRequestTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  final Transport transport = new Http11Transport(Duration.ofSeconds(2), 4, null, null);
  ScriptedServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> bodies() {
    byte[] binary = new byte[100 << 10];
    new Random(7).nextBytes(binary);
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("JSON with UTF-8 text", "{\"text\":\"磁盘 ✓ \\u0000\"}".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("just under one write of 16 KiB with the head", new byte[(16 << 10) - 200]),
        Arguments.of("just over one write", new byte[(16 << 10) + 1]),
        Arguments.of("100 KiB of binary", binary));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theRequestArrivesByteForByte(String name, byte[] body) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("X-Sign", "a=b; c\td");

    Transport.Response response = Calls.run(() -> transport.post(server.uri(PATH), headers, body, TIMEOUT),
        ScriptedServer.WAIT).answered();

    assertThat(response.status()).isEqualTo(200);
    Request request = server.received().get(0);
    assertThat(request.head()).isEqualTo("POST " + PATH + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + server.port() + "\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Content-Type: application/json; charset=utf-8\r\n"
        + "X-Sign: a=b; c\td\r\n"
        + "User-Agent: alert-router\r\n\r\n");
    assertThat(request.body()).isEqualTo(body);
    assertThat(server.requests.get()).isEqualTo(1);
  }

  @Test
  void aCallersUserAgentReplacesTheDefaultAndAnEmptyPathIsTheRoot() throws Exception {
    Calls.run(() -> transport.post(URI.create("http://127.0.0.1:" + server.port()), Map.of("user-agent", "ops/1"),
        new byte[0], TIMEOUT), ScriptedServer.WAIT).answered();

    assertThat(server.received().get(0).head()).isEqualTo("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
        + "\r\nContent-Length: 0\r\nuser-agent: ops/1\r\n\r\n");
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("CR LF in a value", "http", Map.of("Authorization", "Bearer " + SECRET + "\r\nX-Injected: 1")),
        Arguments.of("a lone LF in a value", "http", Map.of("X-Sign", SECRET + "\nX: 1")),
        Arguments.of("a NUL in a value", "http", Map.of("X-Sign", SECRET + "\0")),
        Arguments.of("a character over 0xFF in a value", "http", Map.of("X-Sign", SECRET + "磁")),
        Arguments.of("a space in a name", "http", Map.of("X Sign", "1")),
        Arguments.of("a colon in a name", "http", Map.of("X-Sign:", "1")),
        Arguments.of("an empty name", "http", Map.of("", "1")),
        Arguments.of("Host", "http", Map.of("Host", "evil.example")),
        Arguments.of("content-length", "http", Map.of("content-length", "0")),
        Arguments.of("CONNECTION", "http", Map.of("CONNECTION", "close")),
        Arguments.of("Transfer-Encoding", "http", Map.of("Transfer-Encoding", "chunked")),
        Arguments.of("Expect", "http", Map.of("Expect", "100-continue")),
        Arguments.of("Upgrade", "http", Map.of("Upgrade", "h2c")),
        Arguments.of("TE", "http", Map.of("TE", "trailers")),
        Arguments.of("Trailer", "http", Map.of("Trailer", "X")),
        Arguments.of("Keep-Alive", "http", Map.of("Keep-Alive", "timeout=5")),
        Arguments.of("an ftp URL", "ftp", Map.of()),
        Arguments.of("a file URL", "file", Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void whatWouldBreakTheFramingIsRefusedBeforeAnythingIsSent(String name, String scheme, Map<String, String> headers)
      throws Exception {
    URI uri = URI.create(scheme + "://127.0.0.1:" + server.port() + PATH);

    assertThatThrownBy(() -> transport.post(uri, headers, Calls.BODY, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(Calls::assertNamesNoSecret);

    // a request after it is the first the server sees, on the first connection it accepted
    Calls.post(transport, server, TIMEOUT).answered();
    assertThat(server.connections.get()).isEqualTo(1);
    assertThat(server.received()).extracting(Request::connection).containsExactly(1);
  }

  @Test
  void aUrlWithoutAHostIsRefusedWithoutNamingIt() {
    // an underscore makes the authority registry-based: URI has no host, the text still holds the token
    for (String url : new String[] {"http:" + PATH, "http://robot_1.example" + PATH, "https:///x?access_token=" + SECRET}) {
      assertThatThrownBy(() -> transport.post(URI.create(url), Map.of(), Calls.BODY, TIMEOUT))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(Calls::assertNamesNoSecret);
    }
  }
}
