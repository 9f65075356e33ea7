package io.github.alertrouter.oncall;

import java.nio.charset.StandardCharsets;

/**
 * The two lexical rules of RFC 5545 that {@link ICalendar} needs: escaping TEXT values (§3.3.11)
 * and folding content lines at 75 octets (§3.1). Stateless.
 */
final class ICalText {
  /** The most octets a content line may hold, not counting its CRLF (§3.1). */
  static final int MAX_OCTETS = 75;
  static final String CRLF = "\r\n";

  private ICalText() {}

  /**
   * Escapes a TEXT value: backslash, semicolon and comma get a backslash; a line break (CRLF, CR
   * or LF) becomes {@code \n}. Other control characters are not allowed in TEXT at all (only
   * HTAB is), so each becomes a space rather than making the file invalid.
   */
  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case ';' -> s.append("\\;");
        case ',' -> s.append("\\,");
        case '\n' -> s.append("\\n");
        case '\r' -> {
          s.append("\\n");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\t' -> s.append(c);
        default -> s.append(c < 0x20 || c == 0x7f ? ' ' : c);
      }
    }
    return s.toString();
  }

  /**
   * Folds one content line (without its line break) into physical lines of at most 75 UTF-8
   * octets each, every one ending in CRLF and each continuation starting with one space (which
   * counts towards its 75). Splits only between code points, so a multi-byte character (a CJK
   * character is 3 octets, an emoji 4) is never cut in two.
   */
  static String fold(String line) {
    StringBuilder s = new StringBuilder(line.length() + 8);
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int width = utf8Length(codePoint);
      if (octets + width > MAX_OCTETS) {
        s.append(CRLF).append(' ');
        octets = 1;
      }
      s.appendCodePoint(codePoint);
      octets += width;
      i += Character.charCount(codePoint);
    }
    return s.append(CRLF).toString();
  }

  /** The UTF-8 length of a string, in octets. */
  static int octets(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    } else if (codePoint < 0x800) {
      return 2;
    } else if (codePoint < 0x10000) {
      return 3; // a lone surrogate included: encoded as "?" by the writer, never wider than this
    }
    return 4;
  }
}
