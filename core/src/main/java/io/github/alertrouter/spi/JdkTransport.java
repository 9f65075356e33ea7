package io.github.alertrouter.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@link Transport} over the JDK {@link HttpClient}: HTTP/1.1, no redirects. Thread-safe: the
 * client is built once, on the first post.
 */
final class JdkTransport implements Transport {
  private final Duration connectTimeout;
  // built on the first post, not with the router: an HttpClient sets up TLS (the default SSLContext
  // reads the trust store), which took 160 ms of serve's 0.6 s start while accepting alerts needs none of it
  private volatile HttpClient client;

  public JdkTransport(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @Override
  public Response post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending", e);
    }
  }

  private HttpClient client() throws IOException {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          try {
            // HTTP/1.1: robot webhooks are plain HTTPS endpoints and simulators speak HTTP/1.1
            built = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
          } catch (UncheckedIOException e) {
            throw e.getCause(); // no TLS context (a broken trust store): this send fails, the next one tries again
          }
          client = built;
        }
      }
    }
    return built;
  }
}
