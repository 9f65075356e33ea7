package io.github.alertrouter.wecom.internal;

/** Trusted URLs (notification links, generator URLs) in WeCom content. Stateless. */
final class Links {
  private Links() {}

  /**
   * {@code url} as a markdown link destination: only parentheses are percent-encoded, which
   * means the same URL but cannot end the destination early. Nothing else is touched.
   */
  static String forMarkdown(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  /** {@code [title](url)}; {@code title} must already be escaped. */
  static String markdown(String title, String url) {
    return "[" + title + "](" + forMarkdown(url) + ")";
  }

  /** {@code [source](url)}, or {@code ""} when there is no URL. */
  static String source(String url) {
    return url.isEmpty() ? "" : markdown("source", url);
  }
}
