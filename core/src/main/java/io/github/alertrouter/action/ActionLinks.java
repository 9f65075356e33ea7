package io.github.alertrouter.action;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the absolute URLs of action links: {@code actionBaseUrl + "/actions/" + token}. The base
 * URL is where an {@link ActionHandler} is reachable, for example {@code https://alerts.example.com}
 * or {@code https://example.com/alert-router}; a trailing slash is dropped.
 *
 * <p>Immutable and thread-safe. No argument may be {@code null}.
 */
public final class ActionLinks {
  /** The path segment under the base URL that {@link ActionHandler} serves. */
  public static final String PATH = "/actions/";

  private final String base;
  private final ActionTokens tokens;

  /**
   * @throws IllegalArgumentException if {@code actionBaseUrl} is not an absolute http(s) URL with a
   *     host and without query, fragment or user info
   */
  public ActionLinks(String actionBaseUrl, ActionTokens tokens) {
    this.base = validate(Objects.requireNonNull(actionBaseUrl, "actionBaseUrl"));
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** A link that performs {@code action} (not SILENCE) on {@code groupKey}. */
  public String link(Action action, String groupKey) {
    return url(tokens.issue(action, groupKey));
  }

  /** A link that silences {@code groupKey} for {@code duration}. */
  public String silenceLink(String groupKey, Duration duration) {
    return url(tokens.issueSilence(groupKey, duration));
  }

  /** The URL of an already issued token. */
  public String url(String token) {
    return base + PATH + Objects.requireNonNull(token, "token");
  }

  /** The validated base URL, without a trailing slash. */
  public String baseUrl() {
    return base;
  }

  private static String validate(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("actionBaseUrl must be a URL, but was \"" + text + "\": " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("actionBaseUrl must be http or https, but was \"" + text + "\"");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("actionBaseUrl must have a host, but was \"" + text + "\"");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("actionBaseUrl must have no query or fragment, but was \"" + text + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      // user info is a credential; do not echo the URL
      throw new IllegalArgumentException("actionBaseUrl must not contain user info");
    }
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public String toString() {
    return "ActionLinks[" + base + "]";
  }
}
