package io.github.alertrouter.spi;

import io.github.alertrouter.internal.http.Http11Transport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * Posts one HTTP request. The default is {@link #http11}, a small HTTP/1.1 client over the JDK's
 * sockets; {@link #jdk} uses {@code java.net.http}; a host with its own HTTP stack (a proxy that
 * needs authentication, metrics) can plug it in here. Implementations must be thread-safe and must not
 * put the URI in exception messages (it holds the webhook token).
 */
public interface Transport {
  /**
   * Posts {@code body} to {@code uri} and returns the answer, whatever its status.
   *
   * @throws IOException when there is no answer (connection refused, reset, timed out)
   */
  Response post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException;

  /**
   * An HTTP answer.
   *
   * @param status the status code
   * @param body the body as UTF-8 text
   * @param headers response headers, names in lower case
   */
  record Response(int status, String body, Map<String, List<String>> headers) {
    /** Copies {@code headers} with lower-case names; {@code null} headers count as none. */
    public Response {
      Map<String, List<String>> lower = new TreeMap<>();
      Objects.requireNonNullElse(headers, Map.<String, List<String>>of())
          .forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      headers = Collections.unmodifiableMap(lower);
    }

    /** An answer without headers. */
    public Response(int status, String body) {
      this(status, body, Map.of());
    }

    /** The first value of a header (any case), if present. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * A {@code Retry-After} given in seconds, if present and valid (the HTTP-date form is
     * ignored: it would need the wall clock, and robots' platforms answer in seconds).
     */
    public Optional<Duration> retryAfter() {
      return header("Retry-After").flatMap(v -> {
        try {
          long seconds = Long.parseLong(v.strip());
          return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      });
    }
  }

  /**
   * The default transport: HTTP/1.1 over the JDK's sockets and TLS, with one deadline per request
   * (the {@code timeout} of {@link #post}), never a retry, and at most
   * 128 connections kept open to one host. It costs less
   * CPU per message than the JDK's {@code HttpClient}, whose selector and worker threads every
   * request passes through. Proxies come from the JVM's default {@link java.net.ProxySelector}
   * (HTTP proxies, https through {@code CONNECT}).
   *
   * @param connectTimeout how long opening a connection may take
   */
  static Transport http11(Duration connectTimeout) {
    return new Http11Transport(connectTimeout, Http11Transport.DEFAULT_MAX_PER_HOST, null, null);
  }

  /**
   * {@link #http11(Duration)} trusting what {@code tls} trusts (a private certificate authority,
   * client certificates) instead of the JDK's default trust store.
   */
  static Transport http11(Duration connectTimeout, SSLContext tls) {
    return new Http11Transport(connectTimeout, Http11Transport.DEFAULT_MAX_PER_HOST,
        Objects.requireNonNull(tls, "tls"), null);
  }

  /**
   * The JDK {@code HttpClient} transport with this connect timeout: HTTP/1.1, no redirects, the
   * default {@link java.net.ProxySelector}. It was the default before {@link #http11}, which costs
   * less CPU per message; kept for comparison and for embedders who relied on it.
   */
  static Transport jdk(Duration connectTimeout) {
    return new JdkTransport(connectTimeout);
  }
}
