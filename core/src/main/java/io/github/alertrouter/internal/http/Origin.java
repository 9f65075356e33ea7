package io.github.alertrouter.internal.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes: scheme, host and port, the key kept connections are pooled under.
 * Immutable.
 *
 * @param secure https
 * @param host the host as written in the URL (an IPv6 literal keeps its brackets)
 * @param port the port, the scheme's default when the URL names none
 */
record Origin(boolean secure, String host, int port) {
  /**
   * The origin of {@code uri}.
   *
   * @throws IllegalArgumentException for a scheme other than http and https, or no host (the
   *     message never holds the URL: its path and query carry the webhook's token)
   */
  static Origin of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("unsupported URI scheme \"" + scheme + "\": only http and https");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URI has no host");
    }
    boolean secure = scheme.equals("https");
    int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
    return new Origin(secure, uri.getHost().toLowerCase(Locale.ROOT), port);
  }

  /** The host without an IPv6 literal's brackets: what DNS and TLS are given. */
  String hostName() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** {@code host[:port]}, the port left out when it is the scheme's default: the Host header. */
  String authority() {
    return port == (secure ? 443 : 80) ? host : host + ":" + port;
  }

  /** Host and port, not resolved yet. */
  InetSocketAddress address() {
    return InetSocketAddress.createUnresolved(hostName(), port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
