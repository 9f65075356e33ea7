package io.github.alertrouter.spi;

import io.github.alertrouter.internal.delivery.JdkTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Posts one HTTP request. The default uses {@code java.net.http}; a host with its own HTTP stack
 * (proxies, mTLS, metrics) can plug it in here. Implementations must be thread-safe and must not
 * put the URI in exception messages (it holds the webhook token).
 */
public interface Transport {
  /**
   * Posts {@code body} to {@code uri} and returns the answer, whatever its status.
   *
   * @throws IOException when there is no answer (connection refused, reset, timed out)
   */
  Response post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException;

  /** An HTTP answer. @param status the status code @param body the body as UTF-8 text */
  record Response(int status, String body) {}

  /** The JDK {@code HttpClient} transport with this connect timeout. */
  static Transport jdk(Duration connectTimeout) {
    return new JdkTransport(connectTimeout);
  }
}
