package io.github.alertrouter.internal.http;

import io.github.alertrouter.spi.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The JDK {@code HttpClient} transport against the same contract. Three cases it does not hold are
 * disabled below, each with what the JDK 17 client does instead; the router's own redaction of
 * failure details ({@code WebhookPost}) is what keeps the last two out of results and logs.
 */
class JdkTransportContractTest extends TransportContractTest {
  @Override
  Transport transport(Duration connectTimeout) {
    return Transport.jdk(connectTimeout);
  }

  @Override
  @Test
  @Disabled("HttpClient's request timeout ends when the response headers arrive: a body trickled at one byte "
      + "every 40 ms is read to its end (50 bytes: 200 after 2.3 s, 4.6 times the 0.5 s timeout)")
  void aServerTricklingItsBodyTimesOutAtTheDeadline() {}

  @Override
  @Test
  @Disabled("HttpRequest.Builder.header echoes the value it refuses: "
      + "IllegalArgumentException: invalid header value: \"SECRET123\\r\\nX-Injected: 1\"")
  void aHeaderValueBreakingTheLineIsRefusedWithoutEchoingIt() {}

  @Override
  @Test
  @Disabled("HttpRequest.newBuilder names the whole URL, path and query with the token, when it has no host: "
      + "IllegalArgumentException: unsupported URI http://robot_1.example/robot/send?access_token=SECRET123")
  void aUrlWithoutAHostIsRefusedWithoutNamingIt() {}
}
