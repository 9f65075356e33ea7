package io.github.alertrouter.internal.text;

/**
 * Go's {@code strconv.Quote} ({@code fmt %q} on a string), byte for byte, so that keys we print
 * are the ones Alertmanager prints.
 *
 * <p>Printable runes are written raw (CJK stays CJK); {@code "} and {@code \} are escaped;
 * {@code \a \b \f \n \r \t \v} use their short forms; other bytes below U+0020 and U+007F become
 * {@code \xNN}; other non-printable runes become <code>&#92;uNNNN</code> or {@code \UNNNNNNNN} (lower-case
 * hex, as Go writes). "Printable" follows Go's {@code unicode.IsPrint}: letters, marks, numbers,
 * punctuation, symbols and the ASCII space; approximated with {@link Character#getType}, so it
 * can differ from Go only where the JDK's Unicode version differs from Go's.
 *
 * <p>A Java string can hold an unpaired surrogate, which has no UTF-8 form. Go would only see one
 * as the invalid bytes a lenient encoder (WTF-8) writes, and quotes each invalid byte as
 * {@code \xNN}; we write exactly that. Stateless and thread-safe.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code strconv.Quote(s)}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s);
    return sb.toString();
  }

  /** Appends {@code strconv.Quote(s)} to {@code sb}. */
  public static void appendQuoted(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        appendByte(sb, 0xE0 | (cp >> 12));
        appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
        appendByte(sb, 0x80 | (cp & 0x3F));
      } else {
        appendRune(sb, cp);
      }
    }
    sb.append('"');
  }

  private static void appendRune(StringBuilder sb, int cp) {
    if (cp == '"' || cp == '\\') {
      sb.append('\\').append((char) cp);
      return;
    }
    if (isPrint(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) {
          appendByte(sb, cp);
        } else if (cp < 0x10000) {
          sb.append("\\u");
          appendHex(sb, cp, 4);
        } else {
          sb.append("\\U");
          appendHex(sb, cp, 8);
        }
      }
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: categories L, M, N, P, S and U+0020. Other spaces (U+00A0,
   * U+3000), controls, format characters (U+200B, U+FEFF), private use and unassigned code points
   * are not printable.
   */
  public static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  private static void appendByte(StringBuilder sb, int b) {
    sb.append("\\x");
    appendHex(sb, b, 2);
  }

  private static void appendHex(StringBuilder sb, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(value >> shift) & 0xF]);
    }
  }
}
