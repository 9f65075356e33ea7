package io.github.alertrouter.dingtalk.internal;

/** Trusted URLs in markdown. Stateless. */
final class Links {
  private Links() {}

  /**
   * {@code url} as a markdown link destination: only parentheses are percent-encoded, which
   * means the same URL but cannot end the destination early. Nothing else is touched.
   */
  static String forMarkdown(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  /** {@code [source](url)}, or {@code ""} when there is no URL. */
  static String source(String url) {
    return url.isEmpty() ? "" : "[source](" + forMarkdown(url) + ")";
  }
}
