package io.github.alertrouter.dingtalk.internal;

/**
 * Makes untrusted alert text (label and annotation values, contact names) inert in DingTalk
 * markdown: it renders as the same words, but cannot format, link, or look like a mention.
 *
 * <p>DingTalk documents no escape mechanism and whether backslash escapes work is unverified, so
 * control characters are replaced by visually close full-width forms rather than escaped:
 *
 * <table>
 *   <caption>Replacements, everywhere in a value</caption>
 *   <tr><th>in</th><th>out</th><th>why</th></tr>
 *   <tr><td>{@code @}</td><td>{@code ＠} U+FF20</td><td>no text can look like or become a mention</td></tr>
 *   <tr><td>{@code < >}</td><td>{@code ＜ ＞} U+FF1C U+FF1E</td><td>no HTML ({@code <font>}, {@code <at>}), autolinks, quotes</td></tr>
 *   <tr><td>{@code * _ `}</td><td>{@code ＊ ＿ ｀}</td><td>no bold, italics, code</td></tr>
 *   <tr><td>{@code [ ]}</td><td>{@code ［ ］}</td><td>no links or images; so {@code (}, {@code )} and {@code !}
 *       stay ASCII: without {@code [ ]} they cannot form {@code [t](u)} or {@code ![](u)}</td></tr>
 *   <tr><td>{@code # ~ |}</td><td>{@code ＃ ～ ｜}</td><td>no headings, strike-through, tables</td></tr>
 *   <tr><td>{@code \}</td><td>{@code ＼} U+FF3C</td><td>backslash escapes are unverified either way</td></tr>
 *   <tr><td>{@code &}</td><td>{@code ＆} U+FF06</td><td>no HTML entity ({@code &#64;}) can decode to {@code @}</td></tr>
 * </table>
 *
 * <p>At the start of a value and of each line: leading blanks are dropped (no indented code),
 * and a list or rule marker is replaced: {@code - + =} followed by a blank, the end or the same
 * character become {@code － ＋ ＝}; {@code 1.} and {@code 1)} followed by a blank become
 * {@code 1．} and {@code 1）}. Heading ({@code #}) and quote ({@code >}) markers are already gone,
 * so a value cannot fake a "# RESOLVED" heading.
 *
 * <p>Everywhere: C0/C1 control characters are removed (tab becomes a space); invisible format
 * characters (zero-width spaces, bidi overrides and isolates, BOM, tag characters) are removed,
 * except the zero-width (non-)joiners that emoji and some scripts need; a lone surrogate becomes
 * U+FFFD. {@link #inline} turns line breaks into spaces (label values, names); {@link #block}
 * keeps them, with at most one blank line in a row (annotations).
 *
 * <p>Every input code point becomes at most one output code point, so the output may be cut at
 * any code-point boundary ({@link #cut}) without splitting a replacement. URLs inside untrusted
 * text stay readable (a client may still autolink a bare URL, which shows the URL itself), but
 * can never carry attacker-chosen link text. Stateless and thread-safe.
 */
final class DingTalkEscaper {
  static final char ELLIPSIS = '…';

  private DingTalkEscaper() {}

  /** One line of inert text: line breaks become spaces. {@code null} is {@code ""}. */
  static String inline(String raw) {
    return escape(raw, false);
  }

  /** {@link #inline}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  static String inline(String raw, int maxCodePoints) {
    return cut(escape(raw, false), maxCodePoints);
  }

  /** Inert text that keeps its line breaks (each line neutralised). {@code null} is {@code ""}. */
  static String block(String raw) {
    return escape(raw, true);
  }

  /** {@link #block}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  static String block(String raw, int maxCodePoints) {
    return cut(escape(raw, true), maxCodePoints);
  }

  /**
   * {@code escaped} cut to at most {@code maxCodePoints} code points, with {@code …} appended when
   * cut. Only for escaper output, which holds no lone surrogate and no multi-character escape.
   */
  static String cut(String escaped, int maxCodePoints) {
    if (escaped.codePointCount(0, escaped.length()) <= maxCodePoints) {
      return escaped;
    }
    String head = escaped.substring(0, escaped.offsetByCodePoints(0, Math.max(0, maxCodePoints)));
    return head.stripTrailing() + ELLIPSIS;
  }

  private static String escape(String raw, boolean keepLines) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 8);
    boolean lineStart = true;
    int blankLines = 0;
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isLineBreak(cp)) {
        if (cp == '\r' && next < raw.length() && raw.charAt(next) == '\n') {
          next++;
        }
        if (!keepLines) {
          appendSpace(out);
        } else if (out.length() > 0 && blankLines < 2) {
          trimTrailingSpaces(out);
          out.append('\n');
          blankLines++;
          lineStart = true;
        }
        i = next;
        continue;
      }
      if (isDropped(cp)) {
        i = next;
        continue;
      }
      if (cp == '\t' || Character.isSpaceChar(cp)) {
        if (!lineStart) {
          out.appendCodePoint(cp == '\t' ? ' ' : cp);
        }
        i = next;
        continue;
      }
      if (lineStart) {
        int afterMarker = lineStartMarker(raw, i, out);
        lineStart = false;
        blankLines = 0;
        if (afterMarker > i) {
          i = afterMarker;
          continue;
        }
      }
      out.appendCodePoint(replacement(cp));
      blankLines = 0;
      i = next;
    }
    trimTrailingBlanks(out);
    return out.toString();
  }

  /** Writes a neutralised list/rule marker at {@code i} and returns the index after it, or {@code i}. */
  private static int lineStartMarker(String raw, int i, StringBuilder out) {
    char c = raw.charAt(i);
    if (c == '-' || c == '+' || c == '=') {
      int after = i + 1;
      if (after == raw.length() || raw.charAt(after) == c || isBlankOrBreak(raw.charAt(after))) {
        out.append(c == '-' ? '－' : c == '+' ? '＋' : '＝');
        return after;
      }
      return i;
    }
    int j = i;
    while (j < raw.length() && j - i < 10 && raw.charAt(j) >= '0' && raw.charAt(j) <= '9') {
      j++;
    }
    if (j > i && j < raw.length() && (raw.charAt(j) == '.' || raw.charAt(j) == ')')
        && (j + 1 == raw.length() || isBlankOrBreak(raw.charAt(j + 1)))) {
      out.append(raw, i, j).append(raw.charAt(j) == '.' ? '．' : '）');
      return j + 1;
    }
    return i;
  }

  private static int replacement(int cp) {
    switch (cp) {
      case '@': return '＠';
      case '<': return '＜';
      case '>': return '＞';
      case '*': return '＊';
      case '_': return '＿';
      case '`': return '｀';
      case '[': return '［';
      case ']': return '］';
      case '#': return '＃';
      case '~': return '～';
      case '|': return '｜';
      case '\\': return '＼';
      case '&': return '＆';
      default:
        // a lone surrogate cannot be encoded as UTF-8
        return Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp;
    }
  }

  private static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  private static boolean isBlankOrBreak(char c) {
    return c == ' ' || c == '\t' || isLineBreak(c);
  }

  private static boolean isDropped(int cp) {
    if (cp == '\t') {
      return false;
    }
    int type = Character.getType(cp);
    if (type == Character.CONTROL) {
      return true;
    }
    // zero-width joiners are part of emoji sequences and of some scripts' spelling
    return type == Character.FORMAT && cp != 0x200C && cp != 0x200D;
  }

  private static void appendSpace(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  private static void trimTrailingSpaces(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) != '\n' && Character.isSpaceChar(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
  }

  private static void trimTrailingBlanks(StringBuilder out) {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\n'
        || Character.isSpaceChar(out.charAt(end - 1)))) {
      end--;
    }
    out.setLength(end);
  }
}
