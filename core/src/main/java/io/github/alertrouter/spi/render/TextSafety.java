package io.github.alertrouter.spi.render;

/**
 * Building blocks every platform's escaper shares, whatever its dialect: which characters are
 * line breaks, which are invisible and must go, repairing lone surrogates (UTF-8 cannot encode
 * them), and cutting text on code-point boundaries with an ellipsis. The dialect's own replacement
 * tables stay in the platform module. Stateless and thread-safe; {@code null} is never accepted
 * unless a method says so.
 */
public final class TextSafety {
  /** Appended to a text that was cut. */
  public static final char ELLIPSIS = '…';
  /** What a lone surrogate becomes. */
  public static final char REPLACEMENT = '\uFFFD';

  private TextSafety() {}

  /** {@code \n}, {@code \r}, NEL (U+0085), and the line and paragraph separators (U+2028, U+2029). */
  public static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** A space, a tab or a {@linkplain #isLineBreak line break}. */
  public static boolean isBlankOrBreak(char c) {
    return c == ' ' || c == '\t' || isLineBreak(c);
  }

  /**
   * Whether an escaper drops the code point: C0/C1 controls other than tab, and invisible format
   * characters (zero-width space, bidi overrides and isolates, BOM, tag characters). Line breaks
   * are controls too, so escapers test {@link #isLineBreak} first.
   */
  public static boolean isInvisible(int cp) {
    if (cp == '\t') {
      return false;
    }
    int type = Character.getType(cp);
    // zero-width (non-)joiners are part of emoji sequences and of some scripts' spelling
    return type == Character.CONTROL || (type == Character.FORMAT && cp != 0x200C && cp != 0x200D);
  }

  /** {@code cp}, or {@link #REPLACEMENT} when it is a lone surrogate (as {@link String#codePointAt} yields one). */
  public static int repaired(int cp) {
    return cp <= 0xFFFF && Character.isSurrogate((char) cp) ? REPLACEMENT : cp;
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD; {@code s} itself when it has none. */
  public static String repairSurrogates(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(REPLACEMENT);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * {@code text} cut to at most {@code maxCodePoints} code points (a negative limit counts as 0),
   * trailing whitespace of the kept part removed and {@link #ELLIPSIS} appended; {@code text}
   * itself when it fits. Safe for escaper output in which every code point stands alone; text
   * with multi-character escapes (HTML entities) needs a cut that knows them.
   */
  public static String cut(String text, int maxCodePoints) {
    if (text.codePointCount(0, text.length()) <= maxCodePoints) {
      return text;
    }
    String head = text.substring(0, text.offsetByCodePoints(0, Math.max(0, maxCodePoints)));
    return head.stripTrailing() + ELLIPSIS;
  }

  /**
   * {@code text} cut to at most {@code maxChars} UTF-16 units with {@code …} appended, never
   * between the two halves of a surrogate pair; {@code text} itself when it fits. For diagnostics
   * (platform answers), where a cheap bound matters more than counting code points.
   */
  public static String snippet(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars > 0 && Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, end) + ELLIPSIS;
  }
}
