package io.github.alertrouter.internal.text;

import java.util.Comparator;

/**
 * Go's string helpers whose results Alertmanager users can observe. Stateless and thread-safe.
 */
public final class GoStrings {
  /** The characters {@code regexp.QuoteMeta} escapes. */
  private static final String REGEX_SPECIAL = "\\.+*?()|[]{}^$";

  /** {@link #compare} as a comparator: Go's (and so Alertmanager's) order of label names. */
  public static final Comparator<String> ORDER = GoStrings::compare;

  private GoStrings() {}

  /**
   * Go's {@code a < b} on strings: byte-wise on UTF-8, which is code point order. Java's
   * {@link String#compareTo} compares UTF-16 units and disagrees when one side has a supplementary
   * character and the other a character in U+E000–U+FFFF, hence this method.
   */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (ca >= Character.MIN_SURROGATE && cb >= Character.MIN_SURROGATE) {
          return codePointRank(ca) - codePointRank(cb);
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  // Surrogates (a supplementary code point) must sort after U+E000..U+FFFF.
  private static int codePointRank(char c) {
    return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
  }

  /** Go's {@code regexp.QuoteMeta}: a regex that matches {@code s} literally. */
  public static String quoteMeta(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (REGEX_SPECIAL.indexOf(c) >= 0) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append('\\');
      }
      if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
