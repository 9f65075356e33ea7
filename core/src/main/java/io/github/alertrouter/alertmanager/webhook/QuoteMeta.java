package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.internal.text.GoStrings;

/**
 * Go's {@code regexp.QuoteMeta} and its inverse. Alertmanager writes a payload's {@code receiver} as
 * {@code QuoteMeta(name)} ({@code java-sdk.default} arrives as {@code java-sdk\.default}); use
 * {@link #unquote(String)} to get the name as configured. Stateless and thread-safe.
 */
final class QuoteMeta {
  /** The characters Go's QuoteMeta puts a backslash before. */
  private static final String SPECIAL = "\\.+*?()|[]{}^$";

  private QuoteMeta() {}

  /** Puts a backslash before each of {@code \.+*?()|[]{}^$}, exactly as Go's QuoteMeta. */
  public static String quote(String s) {
    return GoStrings.quoteMeta(s);
  }

  /**
   * Removes the backslash before each special character, so that {@code unquote(quote(s)) == s}.
   * A backslash before any other character, or at the end, cannot come from QuoteMeta; it is kept
   * as is rather than refused, because the value is only used for display and matching.
   */
  public static String unquote(String s) {
    int first = s.indexOf('\\');
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && SPECIAL.indexOf(s.charAt(i + 1)) >= 0) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
