package io.github.alertrouter.cli;

import java.net.URI;

/**
 * The per-target URL prometheus-webhook-dingtalk users point Alertmanager at,
 * {@code /dingtalk/<target>/send}: its alerts carry the label {@value #LABEL} with the target, so
 * that routing can tell the targets apart as the old bridge's config did. Stateless.
 */
final class TargetPath {
  /** The label that carries the target; internal ({@code __}), so routed on but never shown. */
  static final String LABEL = "__target__";

  /** The endpoint's name in metrics: one name for every target, so the label stays bounded. */
  static final String ENDPOINT = "/dingtalk/{target}/send";

  /** Longest target, in chars: a name, not a payload. */
  static final int MAX_LENGTH = 128;

  private static final String PREFIX = "/dingtalk/";
  private static final String SUFFIX = "/send";

  private TargetPath() {}

  /** Whether {@code path} (decoded) has the endpoint's shape, whatever its target; for metrics. */
  static boolean matches(String path) {
    return path.startsWith(PREFIX) && path.endsWith(SUFFIX) && path.length() > PREFIX.length() + SUFFIX.length();
  }

  /**
   * The target of {@code uri}, decoded, or {@code null} when its path is not
   * {@code /dingtalk/<one segment>/send} (judged on the raw path, so that {@code %2F} in a target
   * is part of it, not a separator).
   */
  static String target(URI uri) {
    String raw = uri.getRawPath();
    if (raw == null || !matches(raw) || raw.indexOf('/', PREFIX.length()) != raw.length() - SUFFIX.length()) {
      return null;
    }
    String path = uri.getPath();
    return path.substring(PREFIX.length(), path.length() - SUFFIX.length());
  }

  /** Why {@code target} cannot be a label value, or {@code null} when it can. */
  static String problem(String target) {
    if (target.length() > MAX_LENGTH) {
      return "the target must be at most " + MAX_LENGTH + " characters, but was " + target.length();
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (Character.isISOControl(c)) {
        return "the target must not contain control characters";
      }
      if (c == '\uFFFD') { // what a %-escape that is not UTF-8 decodes to
        return "the target must be UTF-8";
      }
    }
    return null;
  }
}
